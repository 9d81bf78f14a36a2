package io.kecsh.runtime.protocol;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A {@link PreparedItem} typed by its member, and written as JSON once: a page of 50 instances that
 * did not change is then 50 copies of bytes rather than 50 typings and writings.
 * It reads as the typed map it holds (the XML writer and any other reader see an ordinary map).
 */
final class TypedPart extends AbstractMap<String, Object> {
    private final Map<String, Object> typed;
    /** The item's JSON, written the first time an answer in JSON needs it (a race writes it twice, equally). */
    private volatile RawJson json;

    TypedPart(Map<String, Object> typed) {
        this.typed = typed;
    }

    Map<String, Object> typed() {
        return typed;
    }

    RawJson json() {
        return json;
    }

    void json(RawJson written) {
        this.json = written;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return typed.entrySet();
    }

    @Override
    public Object get(Object key) {
        return typed.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return typed.containsKey(key);
    }

    @Override
    public int size() {
        return typed.size();
    }
}
