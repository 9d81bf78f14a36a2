package io.kecsh.runtime.sandbox.auth;

import io.kecsh.runtime.auth.acs3.Acs3Signer;
import io.kecsh.runtime.auth.rpc.RpcSigner;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.RequestParameters;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.sandbox.handler.SandboxError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies Alibaba's V3 (ACS3-HMAC-SHA256, Authorization header) and classic RPC (HMAC-SHA1,
 * Signature parameter) signatures by recomputing them with the runtime's signers. Rejections: an
 * unknown AccessKeyId, a missing or stale timestamp ({@code IllegalTimestamp}, the one timestamp
 * code the documents give), a reused nonce, and a signature that does not match; each answered with
 * the called service's common error of that code (in the model, as Kingsoft's are).
 */
public final class AlibabaSignatureCheck {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    /** Parameters of the protocol and its signature, not of the action. */
    public static final Set<String> PROTOCOL_PARAMETERS = Set.of(
            "Action",
            "Version",
            "AccessKeyId",
            "Signature",
            "SignatureMethod",
            "SignatureVersion",
            "SignatureNonce",
            "SignatureType",
            "Timestamp",
            "Format",
            "SecurityToken",
            "RegionId");

    private final SandboxCredentials credentials;
    private final Clock clock;
    /** Nonces seen in the last 15 minutes: a replayed signed request is refused. */
    private final Map<String, Instant> nonces = new LinkedHashMap<>();

    public AlibabaSignatureCheck(SandboxCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    public Caller verifyAcs3(HttpRequest request, Service service) {
        String authorization = request.headers().first("Authorization").orElse("");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part :
                authorization.substring(authorization.indexOf(' ') + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0)
                fields.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        String keyId = fields.getOrDefault("Credential", "");
        checkKey(keyId, service);
        checkTimestamp(request.headers().first("x-acs-date").orElse(null), service);
        checkNonce(request.headers().first("x-acs-signature-nonce").orElse(null), service);
        List<String> signed =
                Arrays.asList(fields.getOrDefault("SignedHeaders", "").split(";"));
        if (!Acs3Signer.expectedSignature(request, credentials.alibaba().secret(), signed)
                .matches(fields.getOrDefault("Signature", ""))) {
            throw SandboxError.common(service, "SignatureDoesNotMatch", "");
        }
        return new Caller(keyId, null);
    }

    public Caller verifyRpc(HttpRequest request, List<QueryParam> params, Service service) {
        String keyId = value(params, "AccessKeyId");
        checkKey(keyId == null ? "" : keyId, service);
        checkTimestamp(value(params, "Timestamp"), service);
        checkNonce(value(params, "SignatureNonce"), service);
        String signature = value(params, "Signature");
        if (signature == null
                || !RpcSigner.expectedSignature(request, credentials.alibaba().secret())
                        .matches(signature)) {
            throw SandboxError.common(service, "SignatureDoesNotMatch", "");
        }
        return new Caller(keyId, null);
    }

    private void checkKey(String keyId, Service service) {
        if (!keyId.equals(credentials.alibaba().accessKeyId()))
            throw SandboxError.common(service, "InvalidAccessKeyId.NotFound", "");
    }

    private void checkTimestamp(String timestamp, Service service) {
        if (timestamp == null || timestamp.isBlank())
            throw SandboxError.common(service, "IllegalTimestamp", "The input parameter Timestamp that");
        try {
            Instant when = Instant.parse(timestamp);
            if (Duration.between(when, clock.instant()).abs().compareTo(WINDOW) > 0) {
                throw SandboxError.common(
                        service,
                        "IllegalTimestamp",
                        "The input parameter Timestamp %s",
                        timestamp,
                        clock.instant().truncatedTo(ChronoUnit.SECONDS));
            }
        } catch (DateTimeParseException e) {
            throw SandboxError.common(service, "IllegalTimestamp", "The input parameter Timestamp is not");
        }
    }

    private synchronized void checkNonce(String nonce, Service service) {
        Instant now = clock.instant();
        for (Iterator<Instant> seen = nonces.values().iterator(); seen.hasNext(); ) {
            if (Duration.between(seen.next(), now).compareTo(WINDOW) > 0) seen.remove();
        }
        if (nonce == null || nonce.isBlank()) {
            throw SandboxError.common(service, "MissingSignatureNonce", "");
        }
        if (nonces.putIfAbsent(nonce, now) != null) {
            throw SandboxError.common(service, "SignatureNonceUsed", "");
        }
    }

    private static String value(List<QueryParam> params, String name) {
        return RequestParameters.first(params, name);
    }
}
