package io.kecsh.runtime.auth;

/**
 * Shortens a signature for {@code toString} and logs: enough to tell two apart while debugging,
 * too little to replay one.
 */
public final class Redaction {
    private static final int SHOWN = 6;

    private Redaction() {}

    public static String signature(String signature) {
        if (signature == null) return "null";
        if (signature.length() <= SHOWN * 2) return "…";
        return signature.substring(0, SHOWN) + "…";
    }
}
