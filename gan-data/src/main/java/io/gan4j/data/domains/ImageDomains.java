package io.gan4j.data.domains;

import ai.djl.ndarray.types.Shape;
import io.gan4j.core.data.Dataset;
import java.util.Objects;
import java.util.Random;

/**
 * {@code ImageDomains} serves two image domains A and B for image-to-image translation: each sample
 * is an A image and a B image stacked as (2, C, H, W), index 0 being A.
 *
 * <p>{@link #unpaired} (CycleGAN) has as many samples as the larger domain; sample i holds A[i mod
 * |A|] and B[π(i) mod |B|] for a fixed permutation π, like the reference's unaligned dataset (which
 * draws B at random), so the pairs carry no correspondence even when both domains come from the same
 * list. Together with the trainer's shuffling, batches of A and of B are independent. {@link #paired}
 * (pix2pix's aligned dataset) holds A[i] and B[i]: image i of B is the counterpart of image i of A, and
 * the domains must be equally long. When one domain is grey and the other RGB, grey images are
 * repeated to three channels. Labels are dropped.
 */
public final class ImageDomains implements Dataset {

    private static final long PAIRING_SEED = 0x5EEDL;

    private final Dataset a;
    private final Dataset b;
    private final Shape imageShape;
    private final int[] pairing;
    private final boolean aligned;

    /**
     * Returns domains A and B with unrelated images in each sample.
     *
     * @throws IllegalArgumentException naming the domain at fault when one is not images, or when
     *     their image sizes differ
     */
    public static ImageDomains unpaired(Dataset a, Dataset b) {
        return new ImageDomains(a, b, false);
    }

    /**
     * Returns domains A and B aligned by index: sample i holds A[i] and its counterpart B[i].
     *
     * @throws IllegalArgumentException naming the domain at fault when one is not images, when their
     *     image sizes differ, or when they are not equally long
     */
    public static ImageDomains paired(Dataset a, Dataset b) {
        return new ImageDomains(a, b, true);
    }

    private ImageDomains(Dataset a, Dataset b, boolean aligned) {
        this.a = Objects.requireNonNull(a, "a is null");
        this.b = Objects.requireNonNull(b, "b is null");
        Shape sa = imageShape("A", a);
        Shape sb = imageShape("B", b);
        if (sa.get(1) != sb.get(1) || sa.get(2) != sb.get(2)) {
            throw new IllegalArgumentException("domains differ in image size: A (" + a.description() + ") is " + sa.get(1) + "x" + sa.get(2)
                    + ", B (" + b.description() + ") is " + sb.get(1) + "x" + sb.get(2) + "; scale them to one size (folder:DIR,size=N)");
        }
        imageShape = new Shape(Math.max(sa.get(0), sb.get(0)), sa.get(1), sa.get(2));
        this.aligned = aligned;
        if (aligned && a.size() != b.size()) {
            throw new IllegalArgumentException("paired domains must be equally long: A (" + a.description() + ") has " + a.size()
                    + " images, B (" + b.description() + ") has " + b.size());
        }
        pairing = new int[aligned ? 0 : Math.max(a.size(), b.size())];
        for (int i = 0; i < pairing.length; i++) {
            pairing[i] = i;
        }
        Random random = new Random(PAIRING_SEED);
        for (int i = pairing.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = pairing[i];
            pairing[i] = pairing[j];
            pairing[j] = t;
        }
    }

    private static Shape imageShape(String name, Dataset d) {
        Shape s = d.sampleShape();
        if (s.dimension() != 3 || (s.get(0) != 1 && s.get(0) != 3)) {
            throw new IllegalArgumentException("domain " + name + " (" + d.description() + ") must hold grey or RGB images (C, H, W),"
                    + " but has samples " + s);
        }
        if (d.size() == 0) {
            throw new IllegalArgumentException("domain " + name + " (" + d.description() + ") is empty");
        }
        return s;
    }

    /** Returns domain A. */
    public Dataset a() {
        return a;
    }

    /** Returns domain B. */
    public Dataset b() {
        return b;
    }

    /** Returns the shape of one image of either domain, (C, H, W). */
    public Shape imageShape() {
        return imageShape;
    }

    @Override
    public String description() {
        return (aligned ? "paired" : "unpaired") + " domains A: " + a.description() + "; B: " + b.description();
    }

    @Override
    public int size() {
        return Math.max(a.size(), b.size());
    }

    @Override
    public Shape sampleShape() {
        return new Shape(2).addAll(imageShape);
    }

    @Override
    public int numClasses() {
        return 0;
    }

    /** Returns whether image i of B is the counterpart of image i of A. */
    public boolean aligned() {
        return aligned;
    }

    @Override
    public void read(int index, float[] into, int offset) {
        Objects.checkIndex(index, size());
        int image = Math.toIntExact(imageShape.size());
        readAs(a, index % a.size(), into, offset);
        readAs(b, aligned ? index : pairing[index] % b.size(), into, offset + image);
    }

    private void readAs(Dataset d, int index, float[] into, int offset) {
        d.read(index, into, offset);
        if (d.sampleShape().get(0) < imageShape.get(0)) {
            int plane = Math.toIntExact(d.sampleShape().size());
            System.arraycopy(into, offset, into, offset + plane, plane);
            System.arraycopy(into, offset, into, offset + 2 * plane, plane);
        }
    }
}
