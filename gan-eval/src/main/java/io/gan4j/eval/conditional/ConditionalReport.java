package io.gan4j.eval.conditional;

/**
 * A {@code ConditionalReport} says how well a conditional generator makes the class it is asked
 * for, judged by a classifier, and how close each class is to the real class (intra-FID, Miyato &amp;
 * Koyama 2018: the FID between generated and real samples of one class, in the judge's features).
 *
 * @param accuracy fraction of generated samples the judge assigns to the class they were made for
 * @param classAccuracy the same per class
 * @param classesCovered classes for which at least half of the samples are judged as that class
 * @param intraFid FID per class
 * @param meanIntraFid mean of {@code intraFid}
 * @param perClass generated samples per class
 */
public record ConditionalReport(double accuracy, double[] classAccuracy, int classesCovered, double[] intraFid,
        double meanIntraFid, int perClass) {}
