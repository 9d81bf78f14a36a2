package io.kecsh.repl.output;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns a person wants from an API answer's records, by one rule over the records' shape
 * rather than a list per action:
 * <ul>
 *   <li>a scalar member is a column;</li>
 *   <li>a nested record with one scalar member is that value under the parent's name
 *       ({@code InstanceState: {Name: active}} → {@code InstanceState active}); one with several
 *       gives each scalar a column of its own name ({@code InstanceConfigure.VCPU} → {@code VCPU});</li>
 *   <li>a list of scalars, or of records with one scalar member each, is a list in one cell
 *       ({@code AvailabilityZoneSet} → {@code cn-beijing-6a, cn-beijing-6b});</li>
 *   <li>anything deeper (a list of records with several members) is left out, and named in
 *       {@link Flattened#leftOut} so the table's footer can say so.</li>
 * </ul>
 * Columns are ordered by what they are ({@link #rank}): the record's identity first, its own name,
 * type, state, vCPU, memory and addresses next, then other names, types, states, lists, other ids
 * and the rest — each group in the answer's order.
 */
final class ResponseColumns {
    /** The rows as flat records, and the members left out because they do not fit in a cell. */
    record Flattened(List<Map<String, Object>> rows, List<String> leftOut) {}

    private ResponseColumns() {}

    /** {@code listName} is the answer's member holding the records ({@code InstancesSet}), or null. */
    static Flattened of(List<?> records, String listName) {
        List<Map<String, Object>> flat = new ArrayList<>();
        Set<String> leftOut = new LinkedHashSet<>();
        for (Object r : records) {
            Map<String, Object> row = new LinkedHashMap<>();
            if (r instanceof Map<?, ?> m) m.forEach((k, v) -> put(row, String.valueOf(k), v, leftOut));
            flat.add(row);
        }
        Set<String> keys = new LinkedHashSet<>();
        flat.forEach(row -> keys.addAll(row.keySet()));
        leftOut.removeAll(keys);
        List<String> ordered = new ArrayList<>(keys);
        String identity = singular(listName);
        String subject = subject(listName);
        ordered.sort(Comparator.comparingInt(k -> rank(k, identity, subject, flat)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : flat) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (String k : ordered) if (row.containsKey(k)) o.put(k, row.get(k));
            rows.add(o);
        }
        return new Flattened(rows, new ArrayList<>(leftOut));
    }

    private static void put(Map<String, Object> row, String key, Object value, Set<String> leftOut) {
        if (PlainData.isScalar(value)) {
            row.put(key, value);
        } else if (value instanceof Map<?, ?> nested) {
            List<Map.Entry<?, ?>> scalars = new ArrayList<>();
            for (Map.Entry<?, ?> e : nested.entrySet()) {
                if (PlainData.isScalar(e.getValue())) scalars.add(e);
            }
            if (nested.size() == 1 && scalars.size() == 1) {
                row.put(key, scalars.get(0).getValue());
            } else {
                scalars.forEach(e -> row.putIfAbsent(String.valueOf(e.getKey()), e.getValue()));
                if (scalars.size() < nested.size()) leftOut.add(key);
            }
        } else if (value instanceof Collection<?> items) {
            List<Object> cell = new ArrayList<>();
            for (Object item : items) {
                if (PlainData.isScalar(item)) {
                    cell.add(item);
                } else if (item instanceof Map<?, ?> one
                        && one.size() == 1
                        && PlainData.isScalar(one.values().iterator().next())) {
                    cell.add(one.values().iterator().next());
                } else {
                    leftOut.add(key);
                    return;
                }
            }
            row.put(key, cell);
        }
    }

    /** What the records are, the list's first word: {@code InstancesSet}, {@code InstanceTypeConfigSet} → {@code instance}. */
    private static String subject(String listName) {
        if (listName == null) return "";
        Matcher m = Pattern.compile("^[A-Z]?[a-z]+").matcher(listName);
        if (!m.find()) return "";
        String word = m.group().toLowerCase(Locale.ROOT);
        return word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
    }

    /** {@code InstancesSet} → {@code instance}, {@code InstanceTypeConfigSet} → {@code instancetypeconfig}. */
    private static String singular(String listName) {
        if (listName == null) return "";
        String s = listName.toLowerCase(Locale.ROOT).replaceAll("(set|list|s)$", "");
        return s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The record's own id (or, for a catalogue, its own type) first; then the names, types and
     * states of what the records are (Instance… for InstancesSet: {@code InstanceType} before
     * {@code ChargeType}), vCPU, memory and addresses; then other names, types, states, lists,
     * other ids, the rest.
     */
    private static int rank(String key, String identity, String subject, List<Map<String, Object>> rows) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.equals(identity + "id") || !identity.isEmpty() && identity.startsWith(k) && k.length() >= 4) return 0;
        int kind = kind(k, rows.stream().anyMatch(r -> r.get(key) instanceof Collection<?>));
        // vCPU, memory and addresses describe the record itself whatever their names
        boolean own = !subject.isEmpty() && k.startsWith(subject) || kind == 4 || kind == 5;
        return kind + (own ? 0 : 10);
    }

    private static int kind(String k, boolean list) {
        if (list) return 6;
        if (k.endsWith("name")) return 1;
        if (k.endsWith("type") || k.endsWith("family")) return 2;
        if (k.endsWith("state") || k.endsWith("status")) return 3;
        if (k.equals("cpu") || k.equals("vcpu") || k.startsWith("memory")) return 4;
        if (k.contains("ip") || k.contains("address")) return 5;
        if (k.endsWith("id")) return 7;
        return 8;
    }
}
