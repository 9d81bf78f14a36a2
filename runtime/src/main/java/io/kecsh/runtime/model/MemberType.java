package io.kecsh.runtime.model;

import java.util.Locale;

/** The value types a parameter or response member can have; lists and structures nest. */
public enum MemberType {
    STRING,
    INTEGER,
    LONG,
    FLOAT,
    BOOLEAN,
    LIST,
    STRUCTURE;

    static MemberType parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean isNumeric() {
        return this == INTEGER || this == LONG || this == FLOAT;
    }

    public boolean isScalar() {
        return this != LIST && this != STRUCTURE;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
