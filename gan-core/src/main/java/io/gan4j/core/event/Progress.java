package io.gan4j.core.event;

/**
 * A {@code Progress} receives how far long work outside the training loop has got, such as clustering
 * a dataset before training on it: {@code done} of {@code total} units of a named task. A task ends
 * when {@code done == total}; tasks follow one another, each reported from 0.
 */
@FunctionalInterface
public interface Progress {

    /** Ignores every update. */
    Progress NONE = (task, done, total) -> { };

    /**
     * Reports that {@code done} of {@code total} units of {@code task} are finished.
     *
     * @param task what is being done, e.g. {@code "k-means"}
     * @param done units finished, 0..total
     * @param total units in the task, &gt; 0
     */
    void update(String task, long done, long total);
}
