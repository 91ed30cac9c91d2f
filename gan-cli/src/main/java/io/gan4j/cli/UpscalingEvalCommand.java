package io.gan4j.cli;

import io.gan4j.core.model.GanVariant;
import io.gan4j.eval.superres.UpscalingEvaluation;
import io.gan4j.eval.superres.UpscalingReport;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gan eval upscaling}: measures a super-resolution run on test images against bicubic upscaling. */
@Command(name = "upscaling", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure a super-resolution run (srgan) on high-resolution test images shrunk by its factor (bicubic): PSNR,"
                + " SSIM, FID and classifier accuracy of the upscaled images, each next to bicubic upscaling."})
final class UpscalingEvalCommand implements Callable<Integer> {

    @Mixin
    ImageEvaluationOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        options.run(spec.commandLine(), "upscale images", GanVariant::upscaler,
                (upscaler, features, test, count) -> new UpscalingEvaluation(upscaler, features).evaluate(test, count),
                UpscalingReport::format);
        return 0;
    }
}
