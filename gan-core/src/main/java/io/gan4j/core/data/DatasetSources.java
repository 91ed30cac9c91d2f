package io.gan4j.core.data;

import io.gan4j.core.event.Progress;

/**
 * What a dataset gets from the registry that opens it: the datasets named inside its argument (for a
 * dataset derived from others), and where to report long work done while opening (clustering, or
 * reading a folder of images).
 */
@FunctionalInterface
public interface DatasetSources {

    /**
     * Opens another dataset spec with the seed the derived dataset was opened with.
     *
     * @param spec a dataset spec {@code name[:argument]}
     * @return the dataset
     * @throws IllegalArgumentException naming the spec, file or argument at fault
     */
    Dataset open(String spec);

    /**
     * Returns where to report long work; by default nowhere.
     *
     * @return where to report long work; by default nowhere
     */
    default Progress progress() {
        return Progress.NONE;
    }
}
