package io.gan4j.data.idx;

/**
 * {@code IdxImages} is the content of an IDX images file: {@code count} grey images of
 * {@code rows × cols} unsigned bytes, row-major.
 *
 * @param source where they were read from
 * @param count number of images
 * @param rows image height
 * @param cols image width
 * @param pixels count·rows·cols bytes (0..255 as unsigned)
 */
public record IdxImages(String source, int count, int rows, int cols, byte[] pixels) {}
