package io.kecsh.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The digests the three signers need: SHA-256, HMAC-SHA256 and HMAC-SHA1, with lower-case hex.
 * Every JVM ships these algorithms, so their absence is a broken runtime, reported unchecked.
 */
public final class Hashes {
    private static final HexFormat HEX = HexFormat.of();
    /**
     * One digest and one MAC of each kind per thread: looking an algorithm up in the providers costs
     * more than hashing a request (a sandbox checks a signature on every call). Each use resets or
     * re-keys it first, so nothing of one use reaches the next.
     */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> instance("SHA-256"));

    private static final ThreadLocal<KeyedMac> HMAC_SHA256 =
            ThreadLocal.withInitial(() -> new KeyedMac(mac("HmacSHA256")));
    private static final ThreadLocal<KeyedMac> HMAC_SHA1 = ThreadLocal.withInitial(() -> new KeyedMac(mac("HmacSHA1")));

    private Hashes() {}

    /** Lower-case hex SHA-256 of the bytes (the SigV4 payload hash and canonical-request hash). */
    public static String sha256Hex(byte[] data) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return HEX.formatHex(sha.digest(data));
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of the text. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmacSha256(byte[] key, String data) {
        return hmac(HMAC_SHA256.get(), key, data);
    }

    public static byte[] hmacSha1(byte[] key, String data) {
        return hmac(HMAC_SHA1.get(), key, data);
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
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(KeyedMac keyed, byte[] key, String data) {
        Mac mac = keyed.mac;
        try {
            // doFinal leaves the MAC keyed as before: a server checking signatures signed with one
            // day's key (kept) is spared keying it again for every request
            if (!Arrays.equals(keyed.key, key)) {
                keyed.key = null; // not keyed, should init fail
                mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
                keyed.key = key.clone();
            }
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // No key material in the message: the key may be a secret or derived from one.
            throw new IllegalStateException("this JVM cannot compute " + mac.getAlgorithm(), e);
        }
    }

    /** A thread's MAC and the key it is initialised with (null: none yet). */
    private static final class KeyedMac {
        final Mac mac;
        byte[] key;

        KeyedMac(Mac mac) {
            this.mac = mac;
        }
    }

    private static MessageDigest instance(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no " + algorithm, e);
        }
    }

    private static Mac mac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM cannot compute " + algorithm, e);
        }
    }
}
