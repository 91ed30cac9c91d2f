package io.gan4j.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * An {@code Inpainter} fills a missing region of images from the rest (a context encoder). The region
 * is the one the variant was trained to fill, given by {@link #mask}.
 */
public interface Inpainter {

    /**
     * Returns the shape of the images it completes.
     *
     * @return (C, H, W)
     */
    Shape imageShape();

    /**
     * Returns the region filled, for images of the trained size.
     *
     * @param manager owns the array made
     * @return (H, W) floats: 1 inside the region, 0 outside
     */
    NDArray mask(NDManager manager);

    /**
     * Completes images with the trained networks in inference mode; what the input holds inside the
     * region is ignored, and outside it the output equals the input.
     *
     * @param images (N, C, H, W) in [-1, 1]
     * @return (N, C, H, W) completed images, in the images' manager
     */
    NDArray inpaint(NDArray images);
}
