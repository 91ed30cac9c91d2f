package io.gan4j.cli;

import io.gan4j.core.model.GanVariant;
import io.gan4j.eval.inpainting.InpaintingEvaluation;
import io.gan4j.eval.inpainting.InpaintingReport;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gan eval inpainting}: measures an inpainting run on test images against the mean-fill baseline. */
@Command(name = "inpainting", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure an inpainting run (context-encoder) on test images: L1, L2 and PSNR inside the filled region, FID and"
                + " classifier accuracy of the completed images, each next to the mean-fill baseline."})
final class InpaintingEvalCommand implements Callable<Integer> {

    @Mixin
    ImageEvaluationOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        options.run(spec.commandLine(), "inpaint images", GanVariant::inpainter,
                (inpainter, features, test, count) -> new InpaintingEvaluation(inpainter, features).evaluate(test, count),
                InpaintingReport::format);
        return 0;
    }
}
