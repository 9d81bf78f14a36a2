package io.kecsh.runtime.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" candidates: a case-insensitive match first, otherwise the closest names by edit
 * distance (with transpositions), all of them when several are equally close (S4.2X names S4.2A,
 * S4.2B, S4.2C and S4.2D rather than guessing one).
 */
public final class Suggestions {
    private static final int MAX_SHOWN = 5;

    private Suggestions() {
    }

    /** Candidates worth suggesting for {@code given}, closest first; empty when nothing is close. */
    public static List<String> closest(String given, Collection<String> candidates) {
        if (given == null || given.isEmpty()) return List.of();
        String lowerGiven = given.toLowerCase(Locale.ROOT);
        List<String> sameIgnoringCase = candidates.stream()
            .filter(c -> c.toLowerCase(Locale.ROOT).equals(lowerGiven)).toList();
        if (!sameIgnoringCase.isEmpty()) return sameIgnoringCase;
        int limit = Math.max(1, Math.min(3, given.length() / 3));
        int best = Integer.MAX_VALUE;
        List<String> bestOnes = new ArrayList<>();
        for (String candidate : candidates) {
            int d = distance(lowerGiven, candidate.toLowerCase(Locale.ROOT));
            if (d > limit) continue;
            if (d < best) {
                best = d;
                bestOnes.clear();
            }
            if (d == best) bestOnes.add(candidate);
        }
        if (bestOnes.isEmpty()) {
            bestOnes = prefixMatches(lowerGiven, candidates);
        }
        bestOnes.sort(Comparator.naturalOrder());
        return bestOnes.size() > MAX_SHOWN ? bestOnes.subList(0, MAX_SHOWN) : bestOnes;
    }

    /** " (did you mean X?)" or "" — ready to append to a message. */
    public static String didYouMean(String given, Collection<String> candidates) {
        List<String> close = closest(given, candidates);
        return close.isEmpty() ? "" : " (did you mean " + orList(close) + "?)";
    }

    /** "A", "A or B", "A, B or C". */
    public static String orList(List<String> items) {
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    /** A typed prefix of a long name ("DescribeInst") is worth suggesting too. */
    private static List<String> prefixMatches(String lowerGiven, Collection<String> candidates) {
        if (lowerGiven.length() < 4) return new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            if (c.toLowerCase(Locale.ROOT).startsWith(lowerGiven)) out.add(c);
        }
        return out;
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
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
