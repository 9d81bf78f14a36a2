package io.kecsh.runtime.sandbox.sks;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

/**
 * OpenSSH public keys, one line: {@code type base64-blob [comment]}, the format of the ImportKey
 * sample ({@code ssh-rsa AAAA… root}). ImportKey accepts RSA (1024 bits or more), Ed25519 and
 * ECDSA on the NIST curves; the blob must decode, name the same type as the line and hold a
 * well-formed key of that type. DSA, SSH2 (RFC 4716) blocks and private keys are refused with a
 * reason that says what to send instead.
 */
final class SshPublicKeys {
    static final int MIN_RSA_BITS = 1024;
    private static final Map<String, Integer> ECDSA_POINT_BYTES =
            Map.of("ecdsa-sha2-nistp256", 65, "ecdsa-sha2-nistp384", 97, "ecdsa-sha2-nistp521", 133);

    private SshPublicKeys() {}

    /** A key that parsed: its type and the normalized line (type, blob and comment separated by single spaces). */
    record Parsed(String type, String line) {}

    /** Parses one OpenSSH public-key line; the exception's message is the reason it is refused. */
    static Parsed parse(String text) {
        String line = text.strip();
        if (line.startsWith("-----BEGIN") && line.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException(
                    "This is a private key; import its public key (ssh-keygen -y -f KEYFILE prints it).");
        }
        if (line.startsWith("---- BEGIN SSH2 PUBLIC KEY")) {
            throw new IllegalArgumentException(
                    "This is an SSH2 (RFC 4716) public key; give the OpenSSH one-line form (ssh-keygen -i -f KEYFILE converts it).");
        }
        if (line.contains("\n") || line.contains("\r")) {
            throw new IllegalArgumentException("A public key is one line: type, base64 key and an optional comment.");
        }
        String[] parts = line.split("[ \t]+", 3);
        String type = parts[0];
        if ("ssh-dss".equals(type))
            throw new IllegalArgumentException("DSA (ssh-dss) keys are not supported; use RSA, Ed25519 or ECDSA.");
        if (!type.equals("ssh-rsa") && !type.equals("ssh-ed25519") && !ECDSA_POINT_BYTES.containsKey(type)) {
            throw new IllegalArgumentException(
                    "A public key starts with its type: ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256/384/521.");
        }
        if (parts.length < 2) throw new IllegalArgumentException("The base64 key after " + type + " is missing.");
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The key after " + type + " is not valid base64.");
        }
        checkBlob(type, ByteBuffer.wrap(blob));
        return new Parsed(
                type, parts.length == 3 ? type + " " + parts[1] + " " + parts[2].strip() : type + " " + parts[1]);
    }

    private static void checkBlob(String type, ByteBuffer in) {
        try {
            String inner = new String(string(in), StandardCharsets.US_ASCII);
            if (!inner.equals(type))
                throw new IllegalArgumentException("The key says " + inner + " but the line says " + type + ".");
            switch (type) {
                case "ssh-rsa" -> {
                    BigInteger e = new BigInteger(string(in));
                    BigInteger n = new BigInteger(string(in));
                    if (e.signum() <= 0 || !e.testBit(0) || n.signum() <= 0)
                        throw new IllegalArgumentException("The RSA key is malformed.");
                    if (n.bitLength() < MIN_RSA_BITS) {
                        throw new IllegalArgumentException("The RSA key has " + n.bitLength() + " bits; at least "
                                + MIN_RSA_BITS + " are needed.");
                    }
                }
                case "ssh-ed25519" -> {
                    if (string(in).length != 32) throw new IllegalArgumentException("An Ed25519 key has 32 bytes.");
                }
                default -> {
                    String curve = new String(string(in), StandardCharsets.US_ASCII);
                    byte[] point = string(in);
                    if (!type.endsWith(curve) || point.length != ECDSA_POINT_BYTES.get(type) || point[0] != 4) {
                        throw new IllegalArgumentException("The ECDSA key is malformed.");
                    }
                }
            }
            if (in.hasRemaining())
                throw new IllegalArgumentException("The key has " + in.remaining() + " bytes too many.");
        } catch (BufferUnderflowException | NumberFormatException e) {
            throw new IllegalArgumentException("The key after " + type + " is truncated.");
        }
    }

    /** One SSH wire string: a 4-byte big-endian length, then the bytes. */
    private static byte[] string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) throw new BufferUnderflowException();
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    /** The OpenSSH line of an RSA public key: {@code ssh-rsa BASE64 comment}. */
    static String openSsh(RSAPublicKey key, String comment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeString(out, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
            writeString(out, key.getPublicExponent().toByteArray());
            writeString(out, key.getModulus().toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return "ssh-rsa " + Base64.getEncoder().encodeToString(bytes.toByteArray())
                + (comment.isEmpty() ? "" : " " + comment);
    }

    private static void writeString(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
