package io.gan4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * An {@code Upscaler} enlarges images by a whole factor (single-image super-resolution, e.g. SRGAN).
 * It was trained on high-resolution images shrunk by {@link io.gan4j.core.resample.BicubicResize},
 * which is how low-resolution test inputs are made for its evaluation.
 */
public interface Upscaler {

    /**
     * Returns the factor each side grows by.
     *
     * @return r, at least 2
     */
    int factor();

    /**
     * Returns the shape of the low-resolution images it was trained on; being convolutional, it takes
     * other sizes too.
     *
     * @return (C, h, w)
     */
    Shape inputShape();

    /**
     * Upscales images with the trained network in inference mode.
     *
     * @param images (N, C, h, w) in [-1, 1]
     * @return (N, C, r·h, r·w) in [-1, 1], in the images' manager
     */
    NDArray upscale(NDArray images);
}
