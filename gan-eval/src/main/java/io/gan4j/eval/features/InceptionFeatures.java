package io.gan4j.eval.features;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.gan4j.core.eval.FeatureNetwork;
import java.io.IOException;
import io.gan4j.core.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code InceptionFeatures} are the 2048-d pool3 features of an Inception-v3 model the user
 * supplies (DJL loads it; its engine must be on the class path, e.g. a TorchScript export of
 * pytorch-fid's FID Inception with the PyTorch engine). The protocol is pytorch-fid's: images in
 * [-1, 1], grey repeated to RGB, bilinearly resized to 299×299 (align_corners=False), the model's
 * output taken as the features. Not verified here against published FID values: no Inception
 * weights are available offline.
 */
final class InceptionFeatures implements FeatureNetwork {

    static final int SIZE = 299;

    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final Shape sampleShape;
    private final String hash;

    private InceptionFeatures(ZooModel<NDList, NDList> model, Shape sampleShape, String hash) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.sampleShape = sampleShape;
        this.hash = hash;
    }

    static InceptionFeatures load(Path file, Shape sampleShape) {
        if (sampleShape.dimension() != 3 || (sampleShape.get(0) != 1 && sampleShape.get(0) != 3)) {
            throw new IllegalArgumentException("inception measures images (1|3, H, W), got " + sampleShape);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Inception-v3 weights not found at " + file + "; export pytorch-fid's FID Inception "
                    + "(pt_inception-2015-12-05) to a model file DJL can load and put it there, or pass -o model=PATH");
        }
        try {
            String hash = Sha256.of(file);
            Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(file).optTranslator(new NoopTranslator()).build();
            return new InceptionFeatures(criteria.loadModel(), sampleShape, hash);
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            throw new IllegalArgumentException("cannot load the Inception model " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "inception";
    }

    @Override
    public Shape inputShape() {
        return sampleShape;
    }

    @Override
    public int dimension() {
        return 2048;
    }

    @Override
    public String weightsHash() {
        return hash;
    }

    @Override
    public NDArray features(NDArray batch) {
        NDArray rgb = batch.getShape().get(1) == 1 ? batch.repeat(1, 3) : batch;
        // (N, C, H, W) → (N, H, W, C) for DJL's resize, then back.
        NDArray resized = ai.djl.modality.cv.util.NDImageUtils.resize(rgb.transpose(0, 2, 3, 1), SIZE, SIZE,
                ai.djl.modality.cv.Image.Interpolation.BILINEAR).transpose(0, 3, 1, 2);
        try {
            NDArray out = predictor.predict(new NDList(resized)).head();
            return out.reshape(out.getShape().get(0), -1).get(new NDIndex(":, :{}", dimension()));
        } catch (TranslateException e) {
            throw new IllegalStateException("Inception forward failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
