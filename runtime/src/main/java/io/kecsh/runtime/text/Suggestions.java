package io.kecsh.runtime.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * "Did you mean" candidates: a case-insensitive match first, otherwise the closest names by edit
 * distance (with transpositions), all of them when several are equally close (S4.2X names S4.2A,
 * S4.2B, S4.2C and S4.2D rather than guessing one).
 *
 * <p>The work per value is bounded: edit distance is at least the difference in length, so a
 * candidate whose length differs by more than the allowed distance is skipped without computing
 * one, and a value longer than every candidate by more than that gets no suggestion at all (a
 * megabyte instance type costs a length comparison per candidate, not a megabyte-by-candidate
 * table). The distance itself is computed only within the allowed band and gives up past it.
 */
public final class Suggestions {
    private static final int MAX_SHOWN = 5;
    /** The most edits a suggestion may be away from what was given. */
    private static final int MAX_DISTANCE = 3;

    private Suggestions() {}

    /** Candidates worth suggesting for {@code given}, closest first; empty when nothing is close. */
    public static List<String> closest(String given, Collection<String> candidates) {
        if (given == null || given.isEmpty()) return List.of();
        int longest = 0;
        for (String c : candidates) longest = Math.max(longest, c.length());
        if (given.length() > longest + MAX_DISTANCE) return List.of();
        String lowerGiven = given.toLowerCase(Locale.ROOT);
        List<String> sameIgnoringCase =
                candidates.stream().filter(c -> c.equalsIgnoreCase(given)).toList();
        if (!sameIgnoringCase.isEmpty()) return sameIgnoringCase;
        int limit = Math.max(1, Math.min(MAX_DISTANCE, given.length() / 3));
        int best = Integer.MAX_VALUE;
        List<String> bestOnes = new ArrayList<>();
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - given.length()) > limit) continue;
            int d = distance(lowerGiven, candidate.toLowerCase(Locale.ROOT), limit);
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

    /**
     * The candidates closest to {@code given}, where a word people also use for a candidate
     * ({@code running} for {@code active}) counts as that candidate: "runing" → active.
     */
    public static List<String> closest(String given, Collection<String> candidates, Map<String, String> alsoSaid) {
        Set<String> words = new LinkedHashSet<>(candidates);
        alsoSaid.forEach((word, meant) -> {
            if (candidates.contains(meant)) words.add(word);
        });
        return closest(given, words).stream()
                .map(w -> alsoSaid.getOrDefault(w, w))
                .distinct()
                .sorted()
                .toList();
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
        return distance(a, b, Integer.MAX_VALUE);
    }

    /**
     * The distance when it is at most {@code limit}, otherwise some number above {@code limit}:
     * only cells within {@code limit} of the diagonal are computed, and a row whose every cell
     * exceeds the limit ends the computation.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) return limit == Integer.MAX_VALUE ? Math.abs(n - m) : limit + 1;
        int far = limit == Integer.MAX_VALUE ? Integer.MAX_VALUE / 2 : limit + 1;
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) previous[j] = Math.min(j, far);
        for (int i = 1; i <= n; i++) {
            int from = limit == Integer.MAX_VALUE ? 1 : Math.max(1, i - limit);
            int to = limit == Integer.MAX_VALUE ? m : Math.min(m, i + limit);
            Arrays.fill(current, far);
            current[0] = Math.min(i, far);
            int rowBest = current[0];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = Math.min(d, far);
                rowBest = Math.min(rowBest, current[j]);
            }
            if (rowBest >= far) return far;
            int[] spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[m];
    }
}
