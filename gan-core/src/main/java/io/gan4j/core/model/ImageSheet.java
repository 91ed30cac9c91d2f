package io.gan4j.core.model;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * An {@code ImageSheet} is a set of images to show as one grid, row by row.
 *
 * @param images (N, C, H, W) in [-1, 1], N a multiple of {@code columns}
 * @param columns images per row, &gt; 0
 */
public record ImageSheet(NDArray images, int columns) {

    /**
     * Checks the fields.
     *
     * @param images (N, C, H, W) in [-1, 1], N a multiple of {@code columns}
     * @param columns images per row
     */
    public ImageSheet {
        Objects.requireNonNull(images, "images is null");
        if (columns <= 0 || images.getShape().dimension() != 4 || images.getShape().get(0) % columns != 0) {
            throw new IllegalArgumentException("an image sheet needs (N, C, H, W) images in rows of " + columns + ", got "
                    + images.getShape());
        }
    }
}
