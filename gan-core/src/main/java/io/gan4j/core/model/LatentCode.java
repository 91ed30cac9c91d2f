package io.gan4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code LatentCode} is a named part of a generator's latent vector that training made meaningful
 * (InfoGAN's codes), so a user can steer samples by setting it. The latent vector stays standard
 * normal noise: a categorical code of {@code size} values is the index of the largest of its {@code
 * size} slots (uniform over the values), a continuous code is its one slot (N(0, 1)).
 *
 * @param name the code's name, e.g. {@code c1}
 * @param offset index of its first slot in the (flat) latent vector
 * @param size slots: the number of values of a categorical code, 1 for a continuous one
 * @param categorical whether the code is categorical
 */
public record LatentCode(String name, int offset, int size, boolean categorical) {

    /** The slot value that makes a categorical code's chosen value the largest by a wide margin. */
    private static final float CHOSEN = 10f;

    /**
     * Checks the fields.
     *
     * @param name the code's name
     * @param offset index of its first slot
     * @param size slots
     * @param categorical whether the code is categorical
     */
    public LatentCode {
        Objects.requireNonNull(name, "name is null");
        if (offset < 0 || size < 1 || (!categorical && size != 1)) {
            throw new IllegalArgumentException("invalid latent code " + name + ": offset " + offset + ", size " + size);
        }
    }

    /**
     * Returns {@code generator} with some of its codes fixed to given values: categorical codes to a
     * value 0..size−1, continuous ones to any number (the prior is N(0, 1)). The rest of the latent vector
     * is drawn as before, so the same seed gives the same samples but for the fixed codes.
     *
     * @param generator a generator with {@link Generator#codes()}
     * @param values code name → value
     * @return the steered generator, sharing the network
     * @throws IllegalArgumentException naming an unknown code or a value out of range
     */
    public static Generator fix(Generator generator, Map<String, Double> values) {
        List<LatentCode> codes = generator.codes();
        int dimension = Math.toIntExact(generator.latentShape().size());
        float[] keep = new float[dimension];
        float[] set = new float[dimension];
        java.util.Arrays.fill(keep, 1f);
        values.forEach((name, value) -> {
            LatentCode code = codes.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "the generator has no code '" + name + "'" + (codes.isEmpty() ? "" : "; its codes are "
                            + codes.stream().map(LatentCode::describe).toList())));
            code.write(value, keep, set);
        });
        Shape flat = new Shape(1, dimension);
        SequentialBlock block = new SequentialBlock().add(new LambdaBlock(x -> {
            NDArray z = x.singletonOrThrow();
            NDArray k = z.getManager().create(keep, flat).reshape(new Shape(1).addAll(generator.latentShape()));
            NDArray s = z.getManager().create(set, flat).reshape(new Shape(1).addAll(generator.latentShape()));
            return new NDList(z.mul(k).add(s));
        }, "fixed-codes")).add(generator.block());
        return new Generator() {
            @Override
            public ai.djl.nn.Block block() {
                return block;
            }

            @Override
            public Shape latentShape() {
                return generator.latentShape();
            }

            @Override
            public Shape sampleShape() {
                return generator.sampleShape();
            }

            @Override
            public List<LatentCode> codes() {
                return codes;
            }
        };
    }

    /** Sets this code's slots: {@code keep} 0 there, {@code set} the values that encode {@code value}. */
    private void write(double value, float[] keep, float[] set) {
        if (categorical) {
            if (value != Math.rint(value) || value < 0 || value >= size) {
                throw new IllegalArgumentException("code " + name + " is categorical with values 0.." + (size - 1) + ", was " + value);
            }
            for (int i = 0; i < size; i++) {
                keep[offset + i] = 0f;
                set[offset + i] = i == (int) value ? CHOSEN : -CHOSEN;
            }
        } else {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("code " + name + " is continuous; give a finite number, was " + value);
            }
            keep[offset] = 0f;
            set[offset] = (float) value;
        }
    }

    /**
     * Returns e.g. {@code c1 (categorical, 0..9)} or {@code c2 (continuous, N(0, 1))}.
     *
     * @return the code's name and kind, for messages
     */
    public String describe() {
        return name + (categorical ? " (categorical, 0.." + (size - 1) + ")" : " (continuous, N(0, 1))");
    }
}
