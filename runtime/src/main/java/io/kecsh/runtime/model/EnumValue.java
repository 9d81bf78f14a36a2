package io.kecsh.runtime.model;

import java.util.Map;
import java.util.Optional;

/**
 * One allowed value of an enumeration, with its Chinese meaning, English gloss and attributes
 * (instance types carry family, vcpu, memoryGb, gpus; filter names may name a valueEnum).
 */
public record EnumValue(String value, String zh, String doc, Map<String, Object> attrs) {
    public EnumValue {
        attrs = Map.copyOf(attrs);
    }

    public Optional<Object> attr(String name) {
        return Optional.ofNullable(attrs.get(name));
    }

    /**
     * Whether people say this value as {@code word} (attr {@code alsoSaid}): instances are "running"
     * in prose, {@code active} in the API. The word itself is still refused; it only points here.
     */
    public Optional<String> alsoSaid() {
        return attr("alsoSaid").map(Object::toString);
    }

    /** The enum a filter's values must come from, when this value is a filter name. */
    public Optional<String> valueEnum() {
        return attr("valueEnum").map(Object::toString);
    }
}
