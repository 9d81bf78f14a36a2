package io.kecsh.runtime.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A named enumeration; a subset enum ({@code subsetOf}) takes its values' attributes from its parent. */
public final class EnumDef {
    private final String name;
    private final String doc;
    private final String subsetOf;
    private final boolean caseSensitive;
    private final Map<String, EnumValue> values;
    private final List<Decision> decisions;

    EnumDef(String name, String doc, String subsetOf, boolean caseSensitive, List<EnumValue> values,
            List<Decision> decisions) {
        this.name = name;
        this.doc = doc;
        this.subsetOf = subsetOf;
        this.caseSensitive = caseSensitive;
        Map<String, EnumValue> byValue = new LinkedHashMap<>();
        values.forEach(v -> byValue.put(v.value(), v));
        this.values = java.util.Collections.unmodifiableMap(byValue);
        this.decisions = List.copyOf(decisions);
    }

    public String name() {
        return name;
    }

    public String doc() {
        return doc;
    }

    public Optional<String> subsetOf() {
        return Optional.ofNullable(subsetOf);
    }

    public boolean caseSensitive() {
        return caseSensitive;
    }

    public List<EnumValue> values() {
        return List.copyOf(values.values());
    }

    public List<String> names() {
        return new ArrayList<>(values.keySet());
    }

    public List<Decision> decisions() {
        return decisions;
    }

    /** The value exactly as given, or (for case-insensitive enums) ignoring case. */
    public Optional<EnumValue> find(String value) {
        EnumValue exact = values.get(value);
        if (exact != null || caseSensitive) {
            return Optional.ofNullable(exact);
        }
        String wanted = value.toLowerCase(Locale.ROOT);
        return values.values().stream().filter(v -> v.value().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public boolean contains(String value) {
        return find(value).isPresent();
    }

    public int size() {
        return values.size();
    }

    /** Replaces bare subset values by the parent's full entries, so attributes are always at hand. */
    EnumDef resolvedAgainst(EnumDef parent) {
        List<EnumValue> full = new ArrayList<>();
        for (EnumValue v : values.values()) {
            full.add(parent.find(v.value()).orElse(v));
        }
        return new EnumDef(name, doc, subsetOf, caseSensitive, full, decisions);
    }
}
