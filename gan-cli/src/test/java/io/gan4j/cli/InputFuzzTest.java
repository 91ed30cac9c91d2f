package io.gan4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gan4j.data.idx.IdxFile;
import io.gan4j.data.idx.IdxImages;
import io.gan4j.data.image.ImageFiles;
import io.gan4j.data.tabular.CsvTables;
import io.gan4j.eval.npy.Npy;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer for the readers of user files (IDX images and labels, {@code .npy}, CSV,
 * PNG): each mutated file must be read or refused with an {@code IllegalArgumentException} or
 * {@code UncheckedIOException} of one line; anything else (an {@code OutOfMemoryError}, an index out of
 * bounds) is a crash, and a read taking more than 10 s a hang. CI runs a few hundred inputs per format;
 * a developer runs it long with {@code -Dgan4j.fuzz.count=20000 -Dgan4j.fuzz.seed=7}.
 */
final class InputFuzzTest {

    private static final int COUNT = Integer.getInteger("gan4j.fuzz.count", 300);
    private static final long SEED = Long.getLong("gan4j.fuzz.seed", 0);

    @TempDir
    Path tmp;

    @Test
    void mutatedFilesAreReadOrRefusedCleanly() throws Exception {
        Map<String, Seed> formats = new LinkedHashMap<>();
        formats.put("idx-images", new Seed(idxImages(), "x-images-idx3-ubyte", f -> IdxFile.readImages(f)));
        formats.put("idx-labels", new Seed(idxLabels(), "x-labels-idx1-ubyte", f -> IdxFile.readLabels(f)));
        formats.put("npy", new Seed(npy(), "x.npy", f -> Npy.read(f)));
        formats.put("csv", new Seed(("a,b,label\n1,2,x\n3.5,-4e2,y\n" + "5,6,x\n".repeat(20)).getBytes(StandardCharsets.UTF_8), "x.csv",
                f -> CsvTables.load(f, "label")));
        formats.put("png", new Seed(png(), "x.png", f -> ImageFiles.read(f)));

        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-reader");
            t.setDaemon(true);
            return t;
        });
        List<String> problems = new ArrayList<>();
        StringBuilder report = new StringBuilder("fuzz seed " + SEED + ":");
        try {
            for (Map.Entry<String, Seed> format : formats.entrySet()) {
                Random random = new Random(SEED * 31 + format.getKey().hashCode());
                int read = 0;
                int refused = 0;
                for (int i = 0; i < COUNT; i++) {
                    byte[] input = mutate(format.getValue().bytes(), random);
                    Path file = tmp.resolve(format.getValue().name());
                    Files.write(file, input);
                    Future<?> reading = worker.submit(() -> format.getValue().reader().accept(file));
                    try {
                        reading.get(10, TimeUnit.SECONDS);
                        read++;
                    } catch (TimeoutException e) {
                        reading.cancel(true);
                        problems.add(format.getKey() + " #" + i + ": hang");
                        worker.shutdownNow();
                        worker = Executors.newSingleThreadExecutor();
                    } catch (java.util.concurrent.ExecutionException e) {
                        Throwable cause = e.getCause();
                        boolean clean = (cause instanceof IllegalArgumentException || cause instanceof UncheckedIOException)
                                && cause.getMessage() != null && !cause.getMessage().contains("\n") && cause.getMessage().length() < 600;
                        if (clean) {
                            refused++;
                        } else {
                            problems.add(format.getKey() + " #" + i + ": " + cause);
                            Files.write(tmp.resolve("crash-" + format.getKey() + "-" + i), input);
                        }
                    }
                }
                report.append(String.format(" %s %d inputs (%d read, %d refused cleanly);", format.getKey(), COUNT, read, refused));
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.println(report + " crashes and hangs: " + problems.size());
        assertThat(problems).as("crashes and hangs").isEmpty();
    }

    private record Seed(byte[] bytes, String name, Consumer<Path> reader) {}

    /** Applies 1–4 random mutations: bit flips, overwritten 32-bit fields, inserted or removed bytes, truncation. */
    static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            switch (random.nextInt(6)) {
                case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> {  // a header field set to an extreme value
                    int at = random.nextInt(Math.max(1, Math.min(b.length - 3, 64)));
                    int[] extremes = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFFFFF0, 65535, 1 << 24, random.nextInt()};
                    if (at + 4 <= b.length) {
                        ByteBuffer.wrap(b, at, 4).putInt(extremes[random.nextInt(extremes.length)]);
                    }
                }
                case 2 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
                case 3 -> {  // insert random bytes
                    int at = random.nextInt(b.length + 1);
                    byte[] extra = new byte[1 + random.nextInt(16)];
                    random.nextBytes(extra);
                    byte[] grown = new byte[b.length + extra.length];
                    System.arraycopy(b, 0, grown, 0, at);
                    System.arraycopy(extra, 0, grown, at, extra.length);
                    System.arraycopy(b, at, grown, at + extra.length, b.length - at);
                    b = grown;
                }
                case 4 -> {  // remove a range
                    int at = random.nextInt(b.length);
                    int len = Math.min(b.length - at, 1 + random.nextInt(16));
                    byte[] shrunk = new byte[b.length - len];
                    System.arraycopy(b, 0, shrunk, 0, at);
                    System.arraycopy(b, at + len, shrunk, at, b.length - at - len);
                    b = shrunk;
                }
                default -> b[random.nextInt(b.length)] = (byte) "0123456789,;.-e\n\"NaInfy ".charAt(random.nextInt(24));
            }
        }
        return b;
    }

    private byte[] idxImages() throws Exception {
        Path file = tmp.resolve("seed-images");
        byte[] pixels = new byte[5 * 4 * 4];
        new Random(1).nextBytes(pixels);
        IdxFile.writeImages(file, new IdxImages(file.toString(), 5, 4, 4, pixels));
        return Files.readAllBytes(file);
    }

    private byte[] idxLabels() throws Exception {
        Path file = tmp.resolve("seed-labels");
        IdxFile.writeLabels(file, new byte[] {0, 1, 2, 3, 4});
        return Files.readAllBytes(file);
    }

    private byte[] npy() throws Exception {
        Path file = tmp.resolve("seed.npy");
        Npy.writeFloats(file, new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        return Files.readAllBytes(file);
    }

    private byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(3, 3, 0, 200);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
