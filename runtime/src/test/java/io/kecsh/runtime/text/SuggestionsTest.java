package io.kecsh.runtime.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(List.of("DescribeInstances"), Suggestions.closest("DescribeInst", List.of("DescribeInstances", "RunInstances")));
        assertEquals("", Suggestions.didYouMean("Zzz", List.of("Marker")));
        assertEquals(" (did you mean A or B?)", Suggestions.didYouMean("C", List.of("A", "B")));
    }

    @Test
    void naturalOrder_readsNumbersAsNumbers() {
        List<String> sorted = new java.util.ArrayList<>(List.of("S4.12B", "S4.2B", "S4.1A", "S4.32C"));
        sorted.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("S4.1A", "S4.2B", "S4.12B", "S4.32C"), sorted);
    }
}
