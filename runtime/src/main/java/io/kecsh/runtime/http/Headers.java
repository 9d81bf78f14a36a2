package io.kecsh.runtime.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP headers in the order they were added; names compare case-insensitively, and a name may
 * repeat (signers join repeated values with commas, in order).
 */
public final class Headers {
    private final List<Map.Entry<String, String>> entries;

    private Headers(List<Map.Entry<String, String>> entries) {
        this.entries = Collections.unmodifiableList(entries);
    }

    public static Headers empty() {
        return new Headers(List.of());
    }

    public static Headers of(String... nameValuePairs) {
        Headers h = empty();
        for (int i = 0; i < nameValuePairs.length; i += 2) h = h.with(nameValuePairs[i], nameValuePairs[i + 1]);
        return h;
    }

    /** These headers in this order (copied: a server builds a request's headers at once, not one copy per header). */
    public static Headers of(List<Map.Entry<String, String>> entries) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(entries.size());
        for (Map.Entry<String, String> e : entries) copy.add(Map.entry(e.getKey(), e.getValue()));
        return new Headers(copy);
    }

    /** A copy with one more header (an existing one of that name stays). */
    public Headers with(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(entries);
        copy.add(Map.entry(name, value));
        return new Headers(copy);
    }

    /** A copy where this header has only the given value. */
    public Headers replacing(String name, String value) {
        return without(name).with(name, value);
    }

    public Headers without(String name) {
        List<Map.Entry<String, String>> copy = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) if (!e.getKey().equalsIgnoreCase(name)) copy.add(e);
        return new Headers(copy);
    }

    // plain loops: a server looks headers up several times for every request
    public Optional<String> first(String name) {
        for (Map.Entry<String, String> e : entries)
            if (e.getKey().equalsIgnoreCase(name)) return Optional.of(e.getValue());
        return Optional.empty();
    }

    public List<String> all(String name) {
        List<String> out = new ArrayList<>(1);
        for (Map.Entry<String, String> e : entries) if (e.getKey().equalsIgnoreCase(name)) out.add(e.getValue());
        return Collections.unmodifiableList(out);
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** Every header in the order added, names as given. */
    public List<Map.Entry<String, String>> entries() {
        return entries;
    }

    /** Distinct names, lower-cased, in first-seen order. */
    public List<String> lowerCaseNames() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            String lower = e.getKey().toLowerCase(Locale.ROOT);
            if (!out.contains(lower)) out.add(lower);
        }
        return out;
    }

    /** Names only: values may be signatures or tokens (Authorization, X-Amz-Security-Token). */
    @Override
    public String toString() {
        return "Headers" + entries.stream().map(Map.Entry::getKey).toList();
    }
}
