package io.gan4j.models.dcgan;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.spi.OptionSpec;
import io.gan4j.core.spi.Options;
import java.util.List;

/**
 * A {@code DcganLayout} is the stack of stride-2 stages of a DCGAN for one image size: how many
 * stages there are, their square kernel, and so the feature-map side after each.
 *
 * <p>Kernel 4 with padding 1 is Radford et al.'s PyTorch reference (each stage halves the side,
 * rounding down). Kernel 5 with padding 2 is DCGAN-tensorflow's "SAME" convolution, the network
 * PacGAN's Stacked MNIST experiments train (each stage halves the side, rounding up: 28, 14, 7, 4,
 * 2). The generator mirrors the discriminator's sides with transposed convolutions, using output
 * padding where a side is odd.
 *
 * @param sampleShape the images, (C, S, S) with 1 to 4 channels
 * @param stages the number of stride-2 stages, at least 1
 * @param kernel the square kernel size, 4 or 5
 */
public record DcganLayout(Shape sampleShape, int stages, int kernel) {

    /** The option naming the number of stages; 0 keeps the natural count ({@link #natural}). */
    public static final String DEPTH = "depth";
    /** The option naming the kernel size. */
    public static final String KERNEL = "kernel";

    /** Validates the layout, naming what is supported. */
    public DcganLayout {
        checkImage(sampleShape);
        if (kernel != 4 && kernel != 5) {
            throw new IllegalArgumentException("dcgan kernel must be 4 or 5, got " + kernel);
        }
        if (stages < 1) {
            throw new IllegalArgumentException("dcgan needs at least one stride-2 stage, got " + stages);
        }
        for (int i = 0; i < stages; i++) {
            if (side(sampleShape, kernel, i) < 2) {
                throw new IllegalArgumentException("dcgan: " + stages + " stride-2 stages of kernel " + kernel
                        + " are too many for a " + sampleShape.get(1) + "-pixel side (one pixel left after " + i
                        + "); use a smaller depth");
            }
        }
    }

    /**
     * Returns the reference layout: kernel 4 and as many stages as halve the side down to a base of
     * 3–7 pixels (28: 2 stages, base 7; 32 and 64: 3 and 4 stages, base 4).
     */
    public static DcganLayout natural(Shape sampleShape) {
        checkImage(sampleShape);
        long side = sampleShape.get(1);
        int n = 0;
        while (side > 7 && side % 2 == 0) {
            side /= 2;
            n++;
        }
        if (n == 0 || side < 3 || side > 7) {
            throw new IllegalArgumentException("dcgan needs an image side of base·2^n with base 3..7 (e.g. 28, 32, 64), "
                    + "or an explicit depth, got " + sampleShape.get(1));
        }
        return new DcganLayout(sampleShape, n, 4);
    }

    /** Returns the layout the {@link #options()} choose for images of {@code sampleShape}. */
    public static DcganLayout of(Shape sampleShape, Options options) {
        int depth = options.getInt(DEPTH);
        return new DcganLayout(sampleShape, depth == 0 ? natural(sampleShape).stages() : depth, options.getInt(KERNEL));
    }

    /** Returns the options that choose a layout: {@value #DEPTH} and {@value #KERNEL}. */
    public static List<OptionSpec> options() {
        return List.of(
                OptionSpec.integer(DEPTH, 0, 0, 8, "images: stride-2 stages of D and G; 0 halves the side down to 3-7 "
                        + "pixels (2 at 28x28); 4 with kernel=5 is PacGAN's Stacked MNIST network"),
                OptionSpec.integer(KERNEL, 4, 4, 5, "images: kernel of every stage, 4 (padding 1, Radford et al.) "
                        + "or 5 (padding 2, DCGAN-tensorflow)"));
    }

    /** Returns the zero padding of every stage: 1 for kernel 4, 2 for kernel 5. */
    public int padding() {
        return padding(kernel);
    }

    /** Returns the feature-map side after {@code i} discriminator stages ({@code side(0)} is the image's). */
    public long side(int i) {
        return side(sampleShape, kernel, i);
    }

    /** Returns the output padding of the generator stage that grows {@code side(i + 1)} to {@code side(i)}. */
    public int outputPadding(int i) {
        return (int) (side(i) - ((side(i + 1) - 1) * 2 - 2L * padding() + kernel));
    }

    private static int padding(int kernel) {
        return (kernel - 1) / 2;
    }

    /** Returns the side after {@code i} stages; each gives floor((side + 2·padding − kernel) / 2) + 1. */
    private static long side(Shape sampleShape, int kernel, int i) {
        long side = sampleShape.get(1);
        for (int j = 0; j < i; j++) {
            side = Math.floorDiv(side + 2L * padding(kernel) - kernel, 2) + 1;
        }
        return side;
    }

    private static void checkImage(Shape sampleShape) {
        if (sampleShape.dimension() != 3 || sampleShape.get(1) != sampleShape.get(2)
                || sampleShape.get(0) < 1 || sampleShape.get(0) > 4) {
            throw new IllegalArgumentException("dcgan needs square images (C, S, S) with 1 to 4 channels, got " + sampleShape);
        }
    }
}
