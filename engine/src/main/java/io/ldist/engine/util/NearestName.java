package io.ldist.engine.util;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the name a user probably meant when they misspelt one ({@code pabdf} for {@code pabfd}).
 * Uses the optimal-string-alignment form of the Damerau–Levenshtein distance, so that swapped
 * neighbours count as one edit, which is the most common typing slip, and ignores case.
 */
public final class NearestName {

    private NearestName() {
    }

    /**
     * The candidate closest to {@code name}, if it is close enough to be a plausible typo: at most
     * {@code max(2, length / 3)} edits, and fewer edits than {@code name} has characters (so that a
     * short name is never "corrected" into an unrelated one). Ties go to the alphabetically first.
     */
    public static Optional<String> among(Collection<String> candidates, String name) {
        int limit = Math.min(Math.max(2, name.length() / 3), name.length() - 1);
        return candidates.stream()
                .filter(candidate -> distance(candidate, name) <= limit)
                .min(Comparator.<String>comparingInt(candidate -> distance(candidate, name))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code did you mean 'x'?} for the nearest candidate, or empty when none is close. */
    public static Optional<String> didYouMean(Collection<String> candidates, String name) {
        return among(candidates, name).map(candidate -> "did you mean '" + candidate + "'?");
    }

    /** Case-insensitive edit distance: insertions, deletions, substitutions and adjacent swaps. */
    public static int distance(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int[][] d = new int[s.length() + 1][t.length() + 1];
        for (int i = 0; i <= s.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= t.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            for (int j = 1; j <= t.length(); j++) {
                int substitution = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + substitution);
                boolean swapped = i > 1 && j > 1
                        && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1);
                if (swapped) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[s.length()][t.length()];
    }
}
