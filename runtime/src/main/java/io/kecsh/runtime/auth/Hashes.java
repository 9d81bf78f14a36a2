package io.kecsh.runtime.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digests the three signers need: SHA-256, HMAC-SHA256 and HMAC-SHA1, with lower-case hex.
 * Every JVM ships these algorithms, so their absence is a broken runtime, reported unchecked.
 */
public final class Hashes {
    private static final HexFormat HEX = HexFormat.of();

    private Hashes() {
    }

    /** Lower-case hex SHA-256 of the bytes (the SigV4 payload hash and canonical-request hash). */
    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of the text. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmacSha256(byte[] key, String data) {
        return hmac("HmacSHA256", key, data);
    }

    public static byte[] hmacSha1(byte[] key, String data) {
        return hmac("HmacSHA1", key, data);
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * Compares a presented signature with the expected one in time independent of where they
     * differ, so a server does not leak how many leading characters a forger got right.
     */
    public static boolean constantTimeEquals(String expected, String presented) {
        if (expected == null || presented == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // No key material in the message: the key may be a secret or derived from one.
            throw new IllegalStateException("this JVM cannot compute " + algorithm, e);
        }
    }
}
