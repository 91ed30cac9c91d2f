package io.gan4j.core.media;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.gan4j.core.config.BuildInfo;
import io.gan4j.core.io.Sha256;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code MediaProvenance} says that a file was made by a generative model, and by which: the IPTC
 * digital source type {@value #DIGITAL_SOURCE_TYPE}, the variant, the run, a hash of the generator's
 * weights, the training step, the sampling seed and the tool that wrote it. gan4j embeds it in every
 * image it writes and keeps it beside every other output (the ethics of generated media: nobody should
 * mistake them for photographs or real records).
 *
 * @param variant the GAN variant, e.g. {@code dcgan}
 * @param run the run: its directory name and creation time
 * @param weightsSha256 SHA-256 of the generator's weights ({@link #weightsSha256(Block)})
 * @param step the training step the weights are from
 * @param seed the seed of the sampling noise, or -1 when the output does not depend on one
 * @param tool the software: {@code gan4j VERSION (COMMIT)}
 * @param createdAt when the file was written, ISO-8601
 */
public record MediaProvenance(String variant, String run, String weightsSha256, long step, long seed, String tool, String createdAt) {

    /** IPTC NewsCodes digital source type of content made by a model trained on sampled content. */
    public static final String DIGITAL_SOURCE_TYPE = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    /** Checks the fields. */
    public MediaProvenance {
        Objects.requireNonNull(variant, "variant is null");
        Objects.requireNonNull(run, "run is null");
        Objects.requireNonNull(weightsSha256, "weightsSha256 is null");
        Objects.requireNonNull(tool, "tool is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
    }

    /**
     * Returns the provenance of samples drawn now from a generator.
     *
     * @param variant the GAN variant
     * @param run the run: its directory name and creation time
     * @param generator the generator's network
     * @param step the training step its weights are from
     * @param seed the sampling seed, or -1
     * @return the provenance
     */
    public static MediaProvenance of(String variant, String run, Block generator, long step, long seed) {
        return of(variant, run, List.of(generator), step, seed);
    }

    /**
     * Returns the provenance of media made now by several networks (a translation sheet), hashed together.
     *
     * @param variant the GAN variant
     * @param run the run: its directory name and creation time
     * @param networks the networks that made the media, in a fixed order
     * @param step the training step their weights are from
     * @param seed the sampling seed, or -1
     * @return the provenance
     */
    public static MediaProvenance of(String variant, String run, List<Block> networks, long step, long seed) {
        return new MediaProvenance(variant, run, weightsSha256(networks), step, seed, "gan4j " + BuildInfo.current(),
                Instant.now().toString());
    }

    /**
     * Returns the fields as text by name, in a fixed order, with {@code digitalSourceType} first: what PNG
     * text chunks and manifests hold.
     *
     * @return the fields by name
     */
    public Map<String, String> fields() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("digitalSourceType", DIGITAL_SOURCE_TYPE);
        out.put("variant", variant);
        out.put("run", run);
        out.put("weightsSha256", weightsSha256);
        out.put("step", Long.toString(step));
        out.put("seed", Long.toString(seed));
        out.put("tool", tool);
        out.put("createdAt", createdAt);
        return out;
    }

    /**
     * Reads fields written by {@link #fields()}.
     *
     * @param fields the fields by name
     * @return the provenance
     * @throws IllegalArgumentException when a field is missing or malformed
     */
    public static MediaProvenance fromFields(Map<String, String> fields) {
        try {
            return new MediaProvenance(fields.get("variant"), fields.get("run"), fields.get("weightsSha256"),
                    Long.parseLong(fields.get("step")), Long.parseLong(fields.get("seed")), fields.get("tool"), fields.get("createdAt"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("incomplete gan4j provenance " + fields + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the SHA-256 of a generator's weights: for each parameter in name order, its name (UTF-8)
     * and its values as little-endian float32. The same weights give the same hash whichever file they
     * were loaded from, and a trained model's hash can be recomputed from any of its checkpoints.
     *
     * @param generator the generator's network, initialized
     * @return the hash, 64 hex digits
     */
    public static String weightsSha256(Block generator) {
        return weightsSha256(List.of(generator));
    }

    private static String weightsSha256(List<Block> networks) {
        {
            MessageDigest digest = Sha256.digest();
            List<Pair<String, Parameter>> parameters = new ArrayList<>();
            for (Block network : networks) {
                List<Pair<String, Parameter>> own = new ArrayList<>();
                network.getParameters().forEach(own::add);
                own.sort(Comparator.comparing(Pair::getKey));
                parameters.addAll(own);
            }
            for (Pair<String, Parameter> p : parameters) {
                digest.update(p.getKey().getBytes(StandardCharsets.UTF_8));
                NDArray array = p.getValue().getArray();
                float[] values = array.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
                ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(values);
                digest.update(bytes.array());
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
