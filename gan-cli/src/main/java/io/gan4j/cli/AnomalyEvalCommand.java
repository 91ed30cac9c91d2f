package io.gan4j.cli;

import io.gan4j.core.io.AtomicFiles;
import io.gan4j.core.io.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gan eval anomaly}: the one-class anomaly protocol, as a table of AUROC and AUPRC per held-out class. */
@Command(name = "anomaly", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the one-class anomaly protocol and report AUROC and AUPRC per class.",
            "For each anomaly class K, each detector trains on the training data without K and scores the whole test",
            "split (K is the anomaly); the tables give mean +- std over seeds.",
            "Detectors: ganomaly, fanogan, autoencoder (trained), pca (fitted). Results go to OUT/anomaly-results.{json,md}."})
final class AnomalyEvalCommand implements Callable<Integer> {

    @Option(names = "--train", required = true, paramLabel = "SPEC", description = "Labelled training images, e.g. idx:train-images.gz,train-labels.gz")
    String train;

    @Option(names = "--test", required = true, paramLabel = "SPEC", description = "Labelled test images.")
    String test;

    @Option(names = "--class", split = ",", defaultValue = "all", paramLabel = "K[,K...]|all",
            description = "Anomaly classes (default: ${DEFAULT-VALUE}).")
    List<String> anomalyClasses;

    @Option(names = "--detectors", split = ",", defaultValue = "ganomaly,fanogan,autoencoder,pca", paramLabel = "LIST",
            description = "Detectors (default: ${DEFAULT-VALUE}).")
    List<String> detectors;

    @Option(names = "--seeds", split = ",", defaultValue = "0,1,2", paramLabel = "LIST", description = "Seeds (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--steps", defaultValue = "1000", description = "Training steps per detector (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = {"-o", "--option"}, paramLabel = "NAME=VALUE", description = "Detector option, given to every detector that has it (e.g. width=32).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--pca-variance", defaultValue = "0.9", description = "Variance fraction the PCA components keep (default: ${DEFAULT-VALUE}).")
    double pcaVariance;

    @Option(names = "--out", defaultValue = "runs/anomaly", paramLabel = "DIR", description = "Where detectors and results go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    RuntimeOptions plugins;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (steps <= 0 || batch <= 0 || seeds.isEmpty()) {
            throw new IllegalArgumentException("--steps and --batch must be > 0 and --seeds not empty");
        }
        PrintWriter err = spec.commandLine().getErr();
        AnomalyProtocol protocol = new AnomalyProtocol(plugins.registry(), train, test, out, steps, batch, options, pcaVariance, line -> {
            err.println(line);
            err.flush();
        });
        protocol.checkOptions(detectors);
        List<Integer> classes = new ArrayList<>();
        for (String k : anomalyClasses) {
            if (k.equals("all")) {
                for (int c = 0; c < protocol.numClasses(); c++) {
                    classes.add(c);
                }
            } else {
                try {
                    classes.add(Integer.parseInt(k.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--class must list class indices or be 'all', was '" + k + "'");
                }
            }
        }
        List<AnomalyProtocol.Result> results = new ArrayList<>();
        for (int k : classes) {
            for (String detector : detectors) {
                for (long seed : detector.equals(AnomalyProtocol.PCA) ? List.of(seeds.get(0)) : seeds) {
                    results.add(protocol.run(k, detector, seed));
                }
            }
        }
        String table = "AUROC\n" + table(results, classes, AnomalyProtocol.Result::auroc) + "\nAUPRC\n" + table(results, classes, AnomalyProtocol.Result::auprc);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("train", train);
        record.put("test", test);
        record.put("steps", steps);
        record.put("batch", batch);
        record.put("options", options);
        record.put("results", results);
        Json.write(out.resolve("anomaly-results.json"), record);
        AtomicFiles.write(out.resolve("anomaly-results.md"), table.getBytes(StandardCharsets.UTF_8));
        PrintWriter o = spec.commandLine().getOut();
        o.print(table);
        o.flush();
        return 0;
    }

    /** Returns a Markdown table: one row per class (and the mean), one column per detector, mean ± std over seeds. */
    private String table(List<AnomalyProtocol.Result> results, List<Integer> classes, ToDoubleFunction<AnomalyProtocol.Result> metric) {
        StringBuilder t = new StringBuilder("| class |");
        detectors.forEach(d -> t.append(' ').append(d).append(" |"));
        t.append("\n|---|").append("---|".repeat(detectors.size())).append('\n');
        Map<String, List<Double>> classMeans = new LinkedHashMap<>();
        for (int k : classes) {
            t.append("| ").append(k).append(" |");
            for (String d : detectors) {
                double[] values = results.stream().filter(r -> r.anomalyClass() == k && r.detector().equals(d)).mapToDouble(metric).toArray();
                double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
                classMeans.computeIfAbsent(d, x -> new ArrayList<>()).add(mean);
                t.append(' ').append(format(values)).append(" |");
            }
            t.append('\n');
        }
        if (classes.size() > 1) {
            t.append("| mean |");
            for (String d : detectors) {
                t.append(String.format(" %.3f |", classMeans.get(d).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
            }
            t.append('\n');
        }
        return t.toString();
    }

    private static String format(double[] values) {
        double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
        if (values.length < 2) {
            return String.format("%.3f", mean);
        }
        double var = java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        return String.format("%.3f ± %.3f", mean, Math.sqrt(var));
    }
}
