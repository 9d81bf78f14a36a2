package io.kecsh.runtime.sandbox.auth;

import io.kecsh.runtime.auth.acs3.Acs3Signer;
import io.kecsh.runtime.auth.rpc.RpcSigner;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.sandbox.handler.SandboxError;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies Alibaba's V3 (ACS3-HMAC-SHA256, Authorization header) and classic RPC (HMAC-SHA1,
 * Signature parameter) signatures by recomputing them with the runtime's signers. Rejections: an
 * unknown AccessKeyId, a missing or stale timestamp ({@code IllegalTimestamp}, the one timestamp
 * code the documents give), a reused nonce, and a signature that does not match.
 */
public final class AlibabaSignatureCheck {
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final SandboxCredentials credentials;
    private final Clock clock;
    /** Nonces seen in the last 15 minutes: a replayed signed request is refused. */
    private final Map<String, Instant> nonces = new LinkedHashMap<>();

    public AlibabaSignatureCheck(SandboxCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    public static boolean isAcs3(HttpRequest request) {
        return request.headers().first("Authorization").map(a -> a.startsWith("ACS3-")).orElse(false);
    }

    public static boolean isRpc(List<QueryParam> params) {
        return params.stream().anyMatch(p -> p.name().equals("Signature"))
            || params.stream().anyMatch(p -> p.name().equals("SignatureMethod"));
    }

    public Caller verifyAcs3(HttpRequest request) {
        String authorization = request.headers().first("Authorization").orElse("");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : authorization.substring(authorization.indexOf(' ') + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        String keyId = fields.getOrDefault("Credential", "");
        checkKey(keyId);
        checkTimestamp(request.headers().first("x-acs-date").orElse(null));
        checkNonce(request.headers().first("x-acs-signature-nonce").orElse(null));
        List<String> signed = Arrays.asList(fields.getOrDefault("SignedHeaders", "").split(";"));
        if (!Acs3Signer.expectedSignature(request, credentials.alibaba().secret(), signed).matches(fields.getOrDefault("Signature", ""))) {
            throw mismatch();
        }
        return new Caller(keyId, null);
    }

    public Caller verifyRpc(HttpRequest request, List<QueryParam> params) {
        String keyId = value(params, "AccessKeyId");
        checkKey(keyId == null ? "" : keyId);
        checkTimestamp(value(params, "Timestamp"));
        checkNonce(value(params, "SignatureNonce"));
        String signature = value(params, "Signature");
        if (signature == null || !RpcSigner.expectedSignature(request, credentials.alibaba().secret()).matches(signature)) {
            throw mismatch();
        }
        return new Caller(keyId, null);
    }

    private void checkKey(String keyId) {
        if (!keyId.equals(credentials.alibaba().accessKeyId())) {
            throw new SandboxError("InvalidAccessKeyId.NotFound", 404, "Specified access key is not found.");
        }
    }

    private void checkTimestamp(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            throw new SandboxError("IllegalTimestamp", 400,
                "The input parameter Timestamp that is mandatory for processing this request is not supplied.");
        }
        try {
            Instant when = Instant.parse(timestamp);
            if (Duration.between(when, clock.instant()).abs().compareTo(WINDOW) > 0) {
                throw new SandboxError("IllegalTimestamp", 400, "The input parameter Timestamp " + timestamp
                    + " is more than 15 minutes from the server's time " + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ".");
            }
        } catch (DateTimeParseException e) {
            throw new SandboxError("IllegalTimestamp", 400, "The input parameter Timestamp is not in the format yyyy-MM-ddTHH:mm:ssZ.");
        }
    }

    private synchronized void checkNonce(String nonce) {
        Instant now = clock.instant();
        for (Iterator<Instant> seen = nonces.values().iterator(); seen.hasNext(); ) {
            if (Duration.between(seen.next(), now).compareTo(WINDOW) > 0) seen.remove();
        }
        if (nonce == null || nonce.isBlank()) {
            throw new SandboxError("MissingSignatureNonce", 400, "SignatureNonce is mandatory for this action.");
        }
        if (nonces.putIfAbsent(nonce, now) != null) {
            throw new SandboxError("SignatureNonceUsed", 400, "Specified signature nonce was used already.");
        }
    }

    private static SandboxError mismatch() {
        return new SandboxError("SignatureDoesNotMatch", 400, "Specified signature is not matched with our calculation.");
    }

    private static String value(List<QueryParam> params, String name) {
        return params.stream().filter(p -> p.name().equals(name)).map(QueryParam::value).findFirst().orElse(null);
    }
}
