package io.gan4j.core.spi;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Suggests the name a user probably meant when they mistyped one ({@code dcgn} → {@code dcgan}): the
 * closest candidate by edit distance, if it is close enough to be a typo.
 */
public final class Suggestions {

    private Suggestions() {}

    /**
     * Returns the unknown-name message tail {@code " (did you mean X?)"}, or an empty string when no
     * candidate is close.
     *
     * @param typed what the user typed
     * @param candidates the names that exist
     * @return the message tail, or an empty string
     */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> " (did you mean " + c + "?)").orElse("");
    }

    /**
     * Returns the candidate closest to {@code typed} when at most a third of its characters (at least
     * one, at most three) must change, else empty.
     *
     * @param typed what the user typed
     * @param candidates the names that exist
     * @return the closest candidate, if close enough
     */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        int allowed = Math.max(1, Math.min(3, typed.length() / 3));
        return candidates.stream()
                .filter(c -> distance(typed.toLowerCase(), c.toLowerCase()) <= allowed)
                .min(Comparator.comparingInt((String c) -> distance(typed.toLowerCase(), c.toLowerCase())).thenComparing(c -> c));
    }

    /** Damerau–Levenshtein (optimal string alignment) distance: a swapped pair of letters counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
