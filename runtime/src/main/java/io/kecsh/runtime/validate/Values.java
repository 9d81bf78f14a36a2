package io.kecsh.runtime.validate;

import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.text.UserText;

/**
 * How a given value appears in a message: quoted, control characters escaped, cut to its start
 * (with its length) when long, and masked when it is a secret. See {@link UserText}.
 */
final class Values {
    static final String MASK = "****";

    private Values() {}

    static String shown(Member member, Object value) {
        if (value == null) return null;
        if (member != null && member.sensitive()) return MASK;
        return UserText.shown(value);
    }

    static String quoted(Member member, Object value) {
        return "'" + shown(member, value) + "'";
    }
}
