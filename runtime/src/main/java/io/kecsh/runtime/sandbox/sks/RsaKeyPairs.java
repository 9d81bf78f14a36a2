package io.kecsh.runtime.sandbox.sks;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real 2048-bit RSA key pairs for CreateKey, in the forms of the document's sample: the private
 * key as a PKCS#1 PEM block ({@code -----BEGIN RSA PRIVATE KEY-----}), the public key as an
 * OpenSSH line. The private key is handed back once and never kept.
 */
final class RsaKeyPairs {
    static final int BITS = 2048;
    /**
     * The next pair, generated in the background: making a 2048-bit key takes up to a second, and
     * CreateKey runs under the state's lock, so each call takes a ready pair and starts the next.
     */
    private static final AtomicReference<CompletableFuture<KeyPair>> NEXT = new AtomicReference<>();

    private RsaKeyPairs() {}

    record Generated(String publicKey, String privateKeyPem) {}

    static Generated generate(String comment) {
        CompletableFuture<KeyPair> ready = NEXT.getAndSet(CompletableFuture.supplyAsync(RsaKeyPairs::newPair));
        KeyPair pair = ready != null ? ready.join() : newPair();
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
        return new Generated(SshPublicKeys.openSsh((RSAPublicKey) pair.getPublic(), comment), pem(pkcs1(key)));
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS, new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    /** RSAPrivateKey ::= SEQUENCE { version 0, n, e, d, p, q, d mod (p-1), d mod (q-1), q^-1 mod p } (RFC 8017 A.1.2). */
    static byte[] pkcs1(RSAPrivateCrtKey k) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (BigInteger v : new BigInteger[] {
            BigInteger.ZERO,
            k.getModulus(),
            k.getPublicExponent(),
            k.getPrivateExponent(),
            k.getPrimeP(),
            k.getPrimeQ(),
            k.getPrimeExponentP(),
            k.getPrimeExponentQ(),
            k.getCrtCoefficient()
        }) {
            der(body, 0x02, v.toByteArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        der(out, 0x30, body.toByteArray());
        return out.toByteArray();
    }

    /** One DER element: tag, definite length (short or long form), contents. */
    private static void der(ByteArrayOutputStream out, int tag, byte[] contents) {
        out.write(tag);
        int length = contents.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) out.write(length >>> (8 * i));
        }
        out.write(contents, 0, contents.length);
    }

    private static String pem(byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN RSA PRIVATE KEY-----\n" + base64 + "\n-----END RSA PRIVATE KEY-----\n";
    }
}
