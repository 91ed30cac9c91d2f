package io.gan4j.eval.classifier;

import io.gan4j.core.engine.DeviceChoice;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.gan4j.core.io.Sha256;
import io.gan4j.core.train.Checkpoints;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code LenetWeights} is a trained {@link Lenet} loaded from its {@code .npz} (keys
 * {@code features/...}, {@code head/...} and {@value #CLASSES}), with the SHA-256 of the file.
 */
public final class LenetWeights implements AutoCloseable {

    /** Key of the one-element array holding the class count. */
    public static final String CLASSES = "meta/classes";

    private final NDManager manager;
    private final SequentialBlock trunk;
    private final SequentialBlock head;
    private final int classes;
    private final String sha256;

    private LenetWeights(NDManager manager, SequentialBlock trunk, SequentialBlock head, int classes, String sha256) {
        this.manager = manager;
        this.trunk = trunk;
        this.head = head;
        this.classes = classes;
        this.sha256 = sha256;
    }

    /**
     * Loads weights from the bytes of an {@code .npz} file.
     *
     * @param source names the file in messages
     * @param inputShape one sample's shape, e.g. (1, 28, 28)
     */
    public static LenetWeights load(byte[] npz, String source, Shape inputShape) {
        NDManager manager = DeviceChoice.newBaseManager();
        try {
            int classes = -1;
            for (NDArray a : NDList.decode(manager, npz)) {
                if (CLASSES.equals(a.getName())) {
                    classes = a.toType(DataType.INT32, false).toIntArray()[0];
                }
                a.close();
            }
            if (classes <= 0) {
                throw new IllegalArgumentException(source + " is not a LeNet weights file (no " + CLASSES + ")");
            }
            SequentialBlock trunk = Lenet.features();
            SequentialBlock head = Lenet.head(classes);
            trunk.initialize(manager, DataType.FLOAT32, new Shape(1).addAll(inputShape));
            head.initialize(manager, DataType.FLOAT32, new Shape(1, Lenet.FEATURES));
            Map<String, NDArray> targets = new LinkedHashMap<>();
            trunk.getParameters().forEach(p -> targets.put("features/" + p.getKey(), p.getValue().getArray()));
            head.getParameters().forEach(p -> targets.put("head/" + p.getKey(), p.getValue().getArray()));
            targets.put(CLASSES, manager.create(new int[] {classes}));
            Checkpoints.restoreNpz(new ByteArrayInputStream(npz), source, targets, manager);
            return new LenetWeights(manager, trunk, head, classes, Sha256.of(npz));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Returns the trunk (images → 128-d features). */
    public SequentialBlock trunk() {
        return trunk;
    }

    /** Returns the head (features → logits). */
    public SequentialBlock head() {
        return head;
    }

    /** Returns the number of classes. */
    public int classes() {
        return classes;
    }

    /** Returns the SHA-256 of the weights file, hex. */
    public String sha256() {
        return sha256;
    }

    /** Returns the manager the weights live in. */
    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
