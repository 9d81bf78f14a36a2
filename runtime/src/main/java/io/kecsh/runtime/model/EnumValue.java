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

    /** The enum a filter's values must come from, when this value is a filter name. */
    public Optional<String> valueEnum() {
        return attr("valueEnum").map(Object::toString);
    }
}
