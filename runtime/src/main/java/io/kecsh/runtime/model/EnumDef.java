package io.kecsh.runtime.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named enumeration; a subset enum ({@code subsetOf}) takes its values' attributes, and whether it
 * is open, from its parent. An open enumeration ({@code "open": true}) lists what kecsh knows, not
 * everything the service takes: {@link io.kecsh.runtime.validate.OpenValueRule} decides what an
 * unlisted value means, helped by {@link #openForm()} and the live catalogue ({@link #live()}).
 */
public final class EnumDef {
    private final String name;
    private final String doc;
    private final String subsetOf;
    private final boolean caseSensitive;
    private final Map<String, EnumValue> values;
    private final List<Decision> decisions;
    private final boolean open;
    private final Pattern openForm;
    private final LiveSource live;

    EnumDef(
            String name,
            String doc,
            String subsetOf,
            boolean caseSensitive,
            List<EnumValue> values,
            List<Decision> decisions,
            boolean open,
            Pattern openForm,
            LiveSource live) {
        this.name = name;
        this.doc = doc;
        this.subsetOf = subsetOf;
        this.caseSensitive = caseSensitive;
        Map<String, EnumValue> byValue = new LinkedHashMap<>();
        values.forEach(v -> byValue.put(v.value(), v));
        this.values = Collections.unmodifiableMap(byValue);
        this.decisions = List.copyOf(decisions);
        this.open = open;
        this.openForm = openForm;
        this.live = live;
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

    /** The words people use for some values ({@code running} → {@code active}), from their {@code alsoSaid}. */
    public Map<String, String> alsoSaid() {
        Map<String, String> out = new LinkedHashMap<>();
        for (EnumValue v : values.values()) v.alsoSaid().ifPresent(word -> out.put(word, v.value()));
        return out;
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

    /** True when the service may take values this list does not name (instance types, zones, filter names…). */
    public boolean open() {
        return open;
    }

    /** For an open enum: the form every real value has; a value without it is known to be wrong. */
    public Optional<Pattern> openForm() {
        return Optional.ofNullable(openForm);
    }

    /** For an open enum: where the live service lists its values (absent on subsets: ask the parent). */
    public Optional<LiveSource> live() {
        return Optional.ofNullable(live);
    }

    /** The value exactly as given, or (for case-insensitive enums) ignoring case. */
    public Optional<EnumValue> find(String value) {
        EnumValue exact = values.get(value);
        if (exact != null || caseSensitive) {
            return Optional.ofNullable(exact);
        }
        String wanted = value.toLowerCase(Locale.ROOT);
        return values.values().stream()
                .filter(v -> v.value().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
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
        return new EnumDef(name, doc, subsetOf, caseSensitive, full, decisions, parent.open, parent.openForm, null);
    }
}
