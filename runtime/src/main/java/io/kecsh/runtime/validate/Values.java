package io.kecsh.runtime.validate;

import io.kecsh.runtime.model.Member;

/** How a given value appears in a message: quoted, shortened, and masked when it is a secret. */
final class Values {
    static final String MASK = "****";
    private static final int MAX_SHOWN = 60;

    private Values() {
    }

    static String shown(Member member, Object value) {
        if (value == null) return null;
        if (member != null && member.sensitive()) return MASK;
        String s = String.valueOf(value);
        return s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "…" : s;
    }

    static String quoted(Member member, Object value) {
        return "'" + shown(member, value) + "'";
    }
}
