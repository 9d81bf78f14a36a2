package io.kecsh.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void caseOnlyDifference_winsOutright() {
        assertEquals(List.of("KeyNum"), Suggestions.closest("keynum", List.of("KeyNum", "VpcNum", "Spec")));
    }

    @Test
    void equallyCloseCandidates_areAllOffered_inOrder() {
        assertEquals(List.of("S4.2A", "S4.2B"), Suggestions.closest("S4.2X", List.of("S4.2B", "S4.2A", "S4.24B")));
    }

    @Test
    void transpositions_countAsOneEdit() {
        assertEquals(List.of("Marker"), Suggestions.closest("Makrer", List.of("Marker", "MaxResults")));
    }

    @Test
    void farOffNames_getNoSuggestion_butAPrefixDoes() {
        assertEquals(List.of(), Suggestions.closest("Zzz", List.of("Marker")));
        assertEquals(
                List.of("DescribeInstances"),
                Suggestions.closest("DescribeInst", List.of("DescribeInstances", "RunInstances")));
        assertEquals("", Suggestions.didYouMean("Zzz", List.of("Marker")));
        assertEquals(" (did you mean A or B?)", Suggestions.didYouMean("C", List.of("A", "B")));
    }

    @Test
    void aMegabyteValue_getsNoSuggestion_withoutAnEditDistanceTable() {
        String huge = "S4.2B" + "x".repeat(1 << 20);
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 200; i++) candidates.add("S4." + i + "B");
        long start = System.nanoTime();
        assertEquals(List.of(), Suggestions.closest(huge, candidates));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Assertions.assertTrue(millis < 200, millis + " ms");
    }

    @Test
    void bandedDistance_agreesWithTheFullOne_withinItsLimit() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            String a = word(random);
            String b = word(random);
            int full = Suggestions.distance(a, b);
            int banded = Suggestions.distance(a, b, 3);
            if (full <= 3) assertEquals(full, banded, a + " / " + b);
            else Assertions.assertTrue(banded > 3, a + " / " + b + ": " + banded);
        }
    }

    private static String word(Random random) {
        StringBuilder w = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) w.append("abcS4.".charAt(random.nextInt(6)));
        return w.toString();
    }

    @Test
    void naturalOrder_readsNumbersAsNumbers() {
        List<String> sorted = new ArrayList<>(List.of("S4.12B", "S4.2B", "S4.1A", "S4.32C"));
        sorted.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("S4.1A", "S4.2B", "S4.12B", "S4.32C"), sorted);
    }
}
