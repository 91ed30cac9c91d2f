package io.gan4j.eval.translation;


/**
 * What {@link TranslationEvaluation} measured for a translator between domains A and B. Pixel errors
 * are mean absolute differences in 8-bit grey levels (0–255); FIDs use the evaluation's feature
 * network; accuracies are the fraction of images its classifier assigns the source image's class.
 * Values that were not measured (unpaired test data, a translator of one direction, no classifier, no
 * labels) are null.
 *
 * @param count test images per domain
 * @param features the feature network's name
 * @param maeAtoB ‖G_AB(a) − b‖₁ against the true counterpart b (paired test data only)
 * @param maeBtoA ‖G_BA(b) − a‖₁ against the true counterpart a (paired test data only)
 * @param maeUntranslated ‖a − b‖₁, the error of not translating at all (paired test data only)
 * @param cycleA ‖G_BA(G_AB(a)) − a‖₁ (translators of both directions only)
 * @param cycleB ‖G_AB(G_BA(b)) − b‖₁ (translators of both directions only)
 * @param fidAtoB FID of G_AB(A) against real B
 * @param fidBtoA FID of G_BA(B) against real A (translators of both directions only)
 * @param fidUntranslated FID of A against B, the untranslated baseline
 * @param accuracyBtoA classifier accuracy on G_BA(B), labelled with B's classes (content preserved into A)
 * @param accuracyAtoB classifier accuracy on G_AB(A)
 * @param accuracyA classifier accuracy on real A (the classifier's own level)
 * @param accuracyB classifier accuracy on real, untranslated B
 */
public record TranslationReport(
        int count,
        String features,
        Double maeAtoB,
        Double maeBtoA,
        Double maeUntranslated,
        Double cycleA,
        Double cycleB,
        double fidAtoB,
        Double fidBtoA,
        double fidUntranslated,
        Double accuracyBtoA,
        Double accuracyAtoB,
        Double accuracyA,
        Double accuracyB) {

    /** Returns the report as aligned text lines. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("translation, %d test images per domain, features %s%n", count, features));
        line(out, "MAE A->B vs true B (grey levels)", maeAtoB);
        line(out, "MAE B->A vs true A (grey levels)", maeBtoA);
        line(out, "MAE untranslated, A vs B", maeUntranslated);
        line(out, "cycle error A->B->A (grey levels)", cycleA);
        line(out, "cycle error B->A->B (grey levels)", cycleB);
        line(out, "FID A->B vs real B", fidAtoB);
        line(out, "FID B->A vs real A", fidBtoA);
        line(out, "FID untranslated, A vs B", fidUntranslated);
        line(out, "classifier accuracy on B->A", accuracyBtoA);
        line(out, "classifier accuracy on A->B", accuracyAtoB);
        line(out, "classifier accuracy on real A", accuracyA);
        line(out, "classifier accuracy on untranslated B", accuracyB);
        return out.toString();
    }

    private static void line(StringBuilder out, String name, Double value) {
        if (value != null) {
            out.append(String.format("  %-38s %10.4f%n", name, value));
        }
    }
}
