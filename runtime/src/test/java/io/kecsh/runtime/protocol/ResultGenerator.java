package io.kecsh.runtime.protocol;

import io.kecsh.runtime.model.Member;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a result for any output model: every member filled, every list with the given number of
 * items, each value derived from its path so that a member swapped, dropped or mistyped shows.
 * Values are already what the parser promises (String, Long, BigDecimal, Boolean, Map, List).
 */
final class ResultGenerator {
    private final int itemsPerList;

    ResultGenerator(int itemsPerList) {
        this.itemsPerList = itemsPerList;
    }

    /** The members of an output structure, RequestId included. */
    Map<String, Object> result(Member output, String requestId) {
        Map<String, Object> result = structure(output, "");
        result.put("RequestId", requestId);
        return result;
    }

    private Map<String, Object> structure(Member structure, String path) {
        Map<String, Object> members = new LinkedHashMap<>();
        structure.members().forEach((name, member) -> members.put(name, value(member, path + "." + name)));
        return members;
    }

    private Object value(Member member, String path) {
        int seed = Math.abs(path.hashCode() % 100_000);
        return switch (member.type()) {
            // Characters XML must escape, and a non-ASCII one, so that both writers are exercised.
            case STRING -> "v" + seed + " <&>\"' 中" + path;
            case INTEGER -> (long) seed + 1;
            // Beyond 32 bits: a long that went through an int would show.
            case LONG -> 9_000_000_000L + seed;
            // Two decimals, the last a zero: the scale must survive (10.0 is not 1E+1).
            case FLOAT -> BigDecimal.valueOf(seed * 10L, 2);
            case BOOLEAN -> seed % 2 == 0;
            case LIST -> {
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < itemsPerList; i++) items.add(value(member.member(), path + "[" + i + "]"));
                yield items;
            }
            case STRUCTURE -> structure(member, path);
        };
    }
}
