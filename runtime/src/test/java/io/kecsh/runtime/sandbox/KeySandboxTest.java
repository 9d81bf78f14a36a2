package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SSH keys over real HTTP: sks CreateKey/ImportKey/DeleteKey and kec AttachKey/DetachKey. */
class KeySandboxTest {
    private static final String NOBODY = "00000000-0000-4000-8000-000000000000";
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> key(Map<String, Object> response) {
        return (Map<String, Object>) response.get("Key");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> set(Map<String, Object> response, String key) {
        return (List<Map<String, Object>>) response.get(key);
    }

    private String createKey(String name) {
        return (String) key(f.client.call("CreateKey", Map.of("KeyName", name))).get("KeyId");
    }

    private String instance(String platform) {
        String image = region.images.values().stream()
                .filter(i -> i.platform.equals(platform))
                .findFirst()
                .orElseThrow()
                .id;
        Map<String, Object> p = new HashMap<>(Map.of(
                "ImageId",
                image,
                "SubnetId",
                region.defaultSubnetId,
                "SecurityGroupId",
                region.defaultSecurityGroupId,
                "MinCount",
                1,
                "MaxCount",
                1,
                "ChargeType",
                "HourlyInstantSettlement",
                "InstanceType",
                "S4.2B"));
        String id = (String)
                set(f.client.call("RunInstances", p), "InstancesSet").get(0).get("InstanceId");
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        return id;
    }

    private List<Object> keySetOf(String instance) {
        Map<String, Object> i = set(
                        f.client.call("DescribeInstances", Map.of("InstanceId", List.of(instance))), "InstancesSet")
                .get(0);
        return new ArrayList<>((List<?>) i.get("KeySet"));
    }

    private static byte[] sshString(byte[]... parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (byte[] p : parts) {
                out.writeInt(p.length);
                out.write(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String rsaLine(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        RSAPublicKey k = (RSAPublicKey) g.generateKeyPair().getPublic();
        return "ssh-rsa "
                + Base64.getEncoder()
                        .encodeToString(sshString(
                                ascii("ssh-rsa"),
                                k.getPublicExponent().toByteArray(),
                                k.getModulus().toByteArray()))
                + " me@laptop";
    }

    /** e and n of an OpenSSH ssh-rsa line. */
    private static RSAPublicKeySpec parseRsaLine(String line) {
        String[] parts = line.split(" ");
        assertEquals("ssh-rsa", parts[0]);
        ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1]));
        assertEquals("ssh-rsa", new String(next(in), StandardCharsets.US_ASCII));
        BigInteger e = new BigInteger(next(in));
        BigInteger n = new BigInteger(next(in));
        assertFalse(in.hasRemaining());
        return new RSAPublicKeySpec(n, e);
    }

    private static byte[] next(ByteBuffer in) {
        byte[] out = new byte[in.getInt()];
        in.get(out);
        return out;
    }

    /** The nine INTEGERs of a PKCS#1 RSAPrivateKey, read with a minimal DER reader. */
    private static List<BigInteger> pkcs1Integers(String pem) {
        String body = pem.replace("-----BEGIN RSA PRIVATE KEY-----", "")
                .replace("-----END RSA PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        ByteBuffer der = ByteBuffer.wrap(Base64.getDecoder().decode(body));
        assertEquals(0x30, der.get() & 0xff);
        int total = length(der);
        assertEquals(der.remaining(), total);
        List<BigInteger> out = new ArrayList<>();
        while (der.hasRemaining()) {
            assertEquals(0x02, der.get() & 0xff);
            byte[] v = new byte[length(der)];
            der.get(v);
            out.add(new BigInteger(v));
        }
        return out;
    }

    private static int length(ByteBuffer der) {
        int first = der.get() & 0xff;
        if (first < 0x80) return first;
        int n = 0;
        for (int i = 0; i < (first & 0x7f); i++) n = (n << 8) | (der.get() & 0xff);
        return n;
    }

    // ---- CreateKey -----------------------------------------------------------------------------

    @Test
    void createKey_returnsARealRsa2048PairOnce_andKeepsOnlyThePublicKey() throws Exception {
        Response r = f.client.call("CreateKey", Map.of("KeyName", "xw-test"));
        String pem = (String) r.get("PrivateKey");
        assertTrue(
                pem.startsWith("-----BEGIN RSA PRIVATE KEY-----\n") && pem.endsWith("-----END RSA PRIVATE KEY-----\n"),
                pem);
        Map<String, Object> key = key(r);
        assertEquals("xw-test", key.get("KeyName"));
        assertEquals("2026-11-22 12:00:00", key.get("CreateTime"));
        assertTrue(((String) key.get("KeyId"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        String publicKey = (String) key.get("PublicKey");
        assertTrue(publicKey.endsWith(" xw-test"), publicKey);

        List<BigInteger> v = pkcs1Integers(pem);
        assertEquals(9, v.size());
        assertEquals(BigInteger.ZERO, v.get(0));
        assertEquals(2048, v.get(1).bitLength());
        RSAPublicKeySpec pub = parseRsaLine(publicKey);
        assertEquals(v.get(1), pub.getModulus());
        assertEquals(v.get(2), pub.getPublicExponent());
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey priv = rsa.generatePrivate(new RSAPrivateCrtKeySpec(
                v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7), v.get(8)));
        Signature sign = Signature.getInstance("SHA256withRSA");
        sign.initSign(priv);
        sign.update(ascii("kecsh"));
        byte[] signature = sign.sign();
        PublicKey publicKeyObject = rsa.generatePublic(pub);
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(publicKeyObject);
        verify.update(ascii("kecsh"));
        assertTrue(verify.verify(signature));

        Map<String, Object> stored = f.sandbox.state().keys.get((String) key.get("KeyId"));
        assertEquals(key, stored);
        assertFalse(stored.toString().contains("PRIVATE"));
    }

    @Test
    void createKey_withoutAName_isKscKey_andNamesAreUnique() {
        Response first = f.client.call("CreateKey", Map.of());
        assertEquals("Ksc_key", key(first).get("KeyName"));
        f.refused(
                "CreateKey",
                Map.of(),
                "KeyName",
                "A key named Ksc_key already exists (" + key(first).get("KeyId")
                        + "); key names are unique, and an omitted KeyName is Ksc_key.");
        f.refused("CreateKey", Map.of("KeyName", "Ksc_key"), "KeyName", "key names are unique.");
        f.refused(
                "ImportKey",
                Map.of(
                        "KeyName",
                        "Ksc_key",
                        "PublicKey",
                        f.sandbox.state().keys.values().iterator().next().get("PublicKey")),
                "KeyName",
                "already exists");
        assertEquals(1, f.sandbox.state().keys.size());
    }

    // ---- ImportKey -----------------------------------------------------------------------------

    @Test
    void importKey_takesRsaEd25519AndEcdsaPublicKeys() throws Exception {
        String rsa = rsaLine(2048);
        Map<String, Object> k = key(f.client.call("ImportKey", Map.of("KeyName", "laptop", "PublicKey", rsa + "\n")));
        assertEquals(rsa, k.get("PublicKey"));
        assertEquals("laptop", k.get("KeyName"));
        assertEquals("2026-11-22 12:00:00", k.get("CreateTime"));

        KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
        byte[] x509 = ed.generateKeyPair().getPublic().getEncoded();
        String edLine = "ssh-ed25519 "
                + Base64.getEncoder()
                        .encodeToString(sshString(
                                ascii("ssh-ed25519"), Arrays.copyOfRange(x509, x509.length - 32, x509.length)));
        assertEquals(
                edLine,
                key(f.client.call("ImportKey", Map.of("KeyName", "ed", "PublicKey", edLine)))
                        .get("PublicKey"));

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey p = (ECPublicKey) ec.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        fixed(p.getW().getAffineX(), point, 1);
        fixed(p.getW().getAffineY(), point, 33);
        String ecLine = "ecdsa-sha2-nistp256 "
                + Base64.getEncoder().encodeToString(sshString(ascii("ecdsa-sha2-nistp256"), ascii("nistp256"), point))
                + " ci";
        assertEquals(
                ecLine,
                key(f.client.call("ImportKey", Map.of("KeyName", "ec", "PublicKey", ecLine)))
                        .get("PublicKey"));
        assertEquals(3, f.sandbox.state().keys.size());
    }

    private static void fixed(BigInteger v, byte[] into, int offset) {
        byte[] raw = v.toByteArray();
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, into, offset + 32 - n, n);
    }

    @Test
    void importKey_refusesWhatIsNotAnOpenSshPublicKey_sayingWhy() throws Exception {
        String rsa = rsaLine(2048);
        String blob = rsa.split(" ")[1];
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("hello", "A public key starts with its type");
        cases.put("ssh-rsa", "The base64 key after ssh-rsa is missing");
        cases.put("ssh-rsa not*base64 me", "is not valid base64");
        cases.put("ssh-ed25519 " + blob, "The key says ssh-rsa but the line says ssh-ed25519");
        cases.put("ssh-rsa " + blob.substring(0, 40), "truncated");
        cases.put("ssh-dss AAAAB3NzaC1kc3M=", "DSA (ssh-dss) keys are not supported");
        cases.put(rsaLine(512), "The RSA key has 512 bits; at least 1024 are needed");
        cases.put("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----", "This is a private key");
        cases.put("---- BEGIN SSH2 PUBLIC KEY ----\nAAAA\n---- END SSH2 PUBLIC KEY ----", "SSH2 (RFC 4716)");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            f.refused("ImportKey", Map.of("KeyName", "bad", "PublicKey", c.getKey()), "PublicKey", c.getValue());
        }
        assertTrue(f.sandbox.state().keys.isEmpty());
    }

    // ---- DeleteKey -----------------------------------------------------------------------------

    @Test
    void deleteKey_removesAnUnboundKey_andRefusesUnknownOnes() {
        String id = createKey("gone-soon");
        assertEquals(true, f.client.call("DeleteKey", Map.of("KeyId", id)).get("Return"));
        assertFalse(f.sandbox.state().keys.containsKey(id));
        f.refused("DeleteKey", Map.of("KeyId", id), "KeyId", "There is no SSH key " + id + ".");
        createKey("gone-soon"); // the name is free again
    }

    @Test
    void deleteKey_ofAKeyBoundToAnInstance_isRefusedUntilDetached() {
        String id = createKey("bound");
        String instance = instance("centos-7.6");
        f.client.call("AttachKey", Map.of("InstanceId", List.of(instance), "KeyId", List.of(id)));
        f.refused(
                "DeleteKey",
                Map.of("KeyId", id),
                "KeyId",
                "Key " + id + " is bound to instance " + instance + "; unbind it first (DetachKey).");
        f.client.call("DetachKey", Map.of("InstanceId", List.of(instance), "KeyId", List.of(id)));
        assertEquals(true, f.client.call("DeleteKey", Map.of("KeyId", id)).get("Return"));
    }

    @Test
    void deleteKey_givenAtLaunch_isBoundToo() {
        String id = createKey("at-launch");
        String image = region.images.values().stream()
                .filter(i -> i.platform.equals("centos-7.6"))
                .findFirst()
                .orElseThrow()
                .id;
        String instance = (String) set(
                        f.client.call(
                                "RunInstances",
                                Map.of(
                                        "ImageId",
                                        image,
                                        "SubnetId",
                                        region.defaultSubnetId,
                                        "SecurityGroupId",
                                        region.defaultSecurityGroupId,
                                        "MinCount",
                                        1,
                                        "MaxCount",
                                        1,
                                        "ChargeType",
                                        "HourlyInstantSettlement",
                                        "KeyId",
                                        List.of(id))),
                        "InstancesSet")
                .get(0)
                .get("InstanceId");
        f.refused("DeleteKey", Map.of("KeyId", id), "KeyId", "is bound to instance " + instance);
    }

    // ---- AttachKey / DetachKey -----------------------------------------------------------------

    @Test
    void attachKey_bindsEveryKeyToEveryInstance_answeringPerInstance_withoutRepeats() {
        String a = createKey("key-a");
        String b = createKey("key-b");
        String one = instance("centos-7.6");
        String two = instance("ubuntu-22.04");
        Response r = f.client.call("AttachKey", Map.of("InstanceId", List.of(one, two), "KeyId", List.of(a, b)));
        assertEquals(
                List.of(Map.of("InstanceId", one, "Return", true), Map.of("InstanceId", two, "Return", true)),
                r.get("InstancesSet"));
        assertEquals(List.of(a, b), keySetOf(one));
        assertEquals(List.of(a, b), keySetOf(two));
        f.client.call("AttachKey", Map.of("InstanceId", List.of(one, one), "KeyId", List.of(b, a)));
        assertEquals(List.of(a, b), keySetOf(one));
    }

    @Test
    void attachKey_toAWindowsInstance_answersFalseForIt_andBindsTheOthers() {
        String k = createKey("key-k");
        String linux = instance("centos-7.9");
        String windows = instance("windows-server-2019");
        Response r = f.client.call("AttachKey", Map.of("InstanceId", List.of(windows, linux), "KeyId", List.of(k)));
        assertEquals(
                List.of(Map.of("InstanceId", windows, "Return", false), Map.of("InstanceId", linux, "Return", true)),
                r.get("InstancesSet"));
        assertEquals(List.of(), keySetOf(windows));
        assertEquals(List.of(k), keySetOf(linux));
    }

    @Test
    void attachKey_refusesTheWholeCall_forAnUnknownKeyOrInstance_orAnInstanceNotActiveOrStopped() {
        String k = createKey("key-k");
        String instance = instance("centos-7.6");
        f.refused(
                "AttachKey",
                Map.of("InstanceId", List.of(instance), "KeyId", List.of(k, NOBODY)),
                "KeyId.2",
                "There is no SSH key " + NOBODY);
        f.refused(
                "AttachKey",
                Map.of("InstanceId", List.of(instance, NOBODY), "KeyId", List.of(k)),
                "InstanceId.2",
                "There is no instance " + NOBODY + " in cn-beijing-6");
        assertEquals(List.of(), keySetOf(instance));
        f.client.call("StopInstances", Map.of("InstanceId", List.of(instance)));
        f.refused(
                "AttachKey",
                Map.of("InstanceId", List.of(instance), "KeyId", List.of(k)),
                "InstanceId.1",
                "is stopping; its SSH keys can change only when it is active or stopped");
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        assertEquals(
                true,
                set(
                                f.client.call(
                                        "AttachKey", Map.of("InstanceId", List.of(instance), "KeyId", List.of(k))),
                                "InstancesSet")
                        .get(0)
                        .get("Return"));
    }

    @Test
    void detachKey_unbindsTheKeys_andAnswersFalseWhereNoneWasBound() {
        String a = createKey("key-a");
        String b = createKey("key-b");
        String one = instance("centos-7.6");
        String two = instance("centos-7.6");
        f.client.call("AttachKey", Map.of("InstanceId", List.of(one), "KeyId", List.of(a, b)));
        Response r = f.client.call("DetachKey", Map.of("InstanceId", List.of(one, two), "KeyId", List.of(a)));
        assertEquals(
                List.of(Map.of("InstanceId", one, "Return", true), Map.of("InstanceId", two, "Return", false)),
                r.get("InstancesSet"));
        assertEquals(List.of(b), keySetOf(one));
        f.refused(
                "DetachKey",
                Map.of("InstanceId", List.of(one), "KeyId", List.of(NOBODY)),
                "KeyId.1",
                "There is no SSH key");
    }
}
