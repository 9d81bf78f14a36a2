package io.kecsh.runtime.sandbox.auth;

import io.kecsh.runtime.auth.aws4.Aws4Signer;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.sandbox.handler.SandboxError;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verifies Kingsoft's SigV4 the way the documents' error table describes a real endpoint doing it,
 * in both forms: X-Amz-* parameters in the query string, and the Authorization header. Each defect
 * gets its documented code and message; the signature is recomputed with the runtime's signer.
 */
public final class KingsoftSignatureCheck {
    static final Duration SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> QUERY_FIELDS =
            List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Date", "X-Amz-Signature");

    private final SandboxCredentials credentials;
    private final Clock clock;
    private final Set<String> regions;

    public KingsoftSignatureCheck(SandboxCredentials credentials, Clock clock, Set<String> regions) {
        this.credentials = credentials;
        this.clock = clock;
        this.regions = regions;
    }

    /** True when the request carries a SigV4 signature of either form. */
    public static boolean applies(HttpRequest request) {
        return request.queryValue("X-Amz-Algorithm").isPresent()
                || request.queryValue("X-Amz-Credential").isPresent()
                || request.queryValue("X-Amz-Signature").isPresent()
                || request.headers()
                        .first("Authorization")
                        .map(a -> a.startsWith("AWS4"))
                        .orElse(false);
    }

    public Caller verify(HttpRequest request, Service service, Operation operation) {
        boolean queryForm = request.queryValue("X-Amz-Algorithm").isPresent()
                || request.queryValue("X-Amz-Signature").isPresent()
                || request.queryValue("X-Amz-Credential").isPresent();
        Map<String, String> fields =
                queryForm ? queryFields(request, service, operation) : headerFields(request, service, operation);
        String algorithm = fields.get("Algorithm");
        if (!Aws4Signer.ALGORITHM.equals(algorithm))
            throw err(service, operation, "IncompleteSignature", "Unsupported ksc", algorithm);
        String amzDate = fields.get("Date");
        Instant date;
        try {
            date = basicDate(amzDate);
        } catch (DateTimeParseException e) {
            throw err(service, operation, "IncompleteSignature", "Date must be", amzDate);
        }
        String[] scope = fields.get("Credential").split("/", -1);
        if (scope.length != 5)
            throw err(
                    service,
                    operation,
                    "IncompleteSignature",
                    "Credential must have exactly 5",
                    fields.get("Credential").replaceFirst("^[^/]*", "****"));
        String keyId = scope[0];
        if (!scope[4].equals("aws4_request"))
            throw err(
                    service,
                    operation,
                    "SignatureDoesNotMatch",
                    "Credential should be scoped with a valid terminator",
                    scope[4]);
        if (!scope[1].equals(amzDate.substring(0, 8)))
            throw err(service, operation, "SignatureDoesNotMatch", "Date in Credential scope");
        if (!regions.contains(scope[2]))
            throw err(
                    service,
                    operation,
                    "SignatureDoesNotMatch",
                    "Credential should be scoped to a valid region",
                    scope[2]);
        if (!scope[3].equals(service.metadata().signingName())) {
            throw err(
                    service,
                    operation,
                    "SignatureDoesNotMatch",
                    "Credential should be scoped to correct service",
                    service.metadata().signingName());
        }
        List<String> signedHeaders = Arrays.asList(
                fields.get("SignedHeaders").toLowerCase(Locale.ROOT).split(";"));
        if (!signedHeaders.contains("host")) throw err(service, operation, "SignatureDoesNotMatch", "Host' must be");
        if (!keyId.equals(credentials.kingsoft().accessKeyId()))
            throw err(service, operation, "InvalidClientTokenId", "The security token");
        Instant now = clock.instant();
        if (Duration.between(date, now).abs().compareTo(SKEW) > 0) {
            throw err(
                    service,
                    operation,
                    "SignatureDoesNotMatch",
                    "Signature expired",
                    " " + amzDate + " is more than 15 minutes from the server's time " + BASIC.format(now));
        }
        boolean matches = Aws4Signer.expectedSignature(
                        request, credentials.kingsoft().secret(), scope[2], scope[3], amzDate, signedHeaders, queryForm)
                .matches(fields.get("Signature"));
        if (!matches) throw err(service, operation, "SignatureDoesNotMatch", "The request signature we calculated");
        return new Caller(keyId, scope[2]);
    }

    /** yyyyMMdd'T'HHmmss'Z' read directly (the formatter's general parser is a tenth of a request); anything odd goes to it. */
    static Instant basicDate(String amzDate) {
        if (amzDate != null && amzDate.length() == 16 && amzDate.charAt(8) == 'T' && amzDate.charAt(15) == 'Z') {
            try {
                return LocalDateTime.of(
                                digits(amzDate, 0, 4),
                                digits(amzDate, 4, 6),
                                digits(amzDate, 6, 8),
                                digits(amzDate, 9, 11),
                                digits(amzDate, 11, 13),
                                digits(amzDate, 13, 15))
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeException | NumberFormatException odd) {
                // not a valid date after all: the formatter says why
            }
        }
        return Instant.from(BASIC.parse(amzDate));
    }

    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException();
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private Map<String, String> queryFields(HttpRequest request, Service service, Operation operation) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : QUERY_FIELDS) {
            String value = request.queryValue(name)
                    .orElseThrow(() -> err(service, operation, "IncompleteSignature", "KSC query-string", name));
            out.put(name.substring("X-Amz-".length()), value);
        }
        return out;
    }

    /** AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=… with X-Amz-Date or Date. */
    private Map<String, String> headerFields(HttpRequest request, Service service, Operation operation) {
        String authorization = request.headers().first("Authorization").orElse("");
        String shown = masked(authorization);
        int space = authorization.indexOf(' ');
        if (space < 0) throw err(service, operation, "IncompleteSignature", "Authorization header format error");
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Algorithm", authorization.substring(0, space));
        for (String part : authorization.substring(space + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) throw err(service, operation, "IncompleteSignature", "Authorization header format error");
            out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        if (!out.containsKey("Credential"))
            throw err(service, operation, "IncompleteSignature", "Authorization header requires 'Credential'", shown);
        if (!out.containsKey("Signature"))
            throw err(service, operation, "IncompleteSignature", "Authorization header requires 'Signature'", shown);
        if (!out.containsKey("SignedHeaders"))
            throw err(
                    service, operation, "IncompleteSignature", "Authorization header requires 'SignedHeaders'", shown);
        String date = request.headers().first("X-Amz-Date").orElse(null);
        if (date == null) {
            String httpDate = request.headers()
                    .first("Date")
                    .orElseThrow(() -> err(
                            service,
                            operation,
                            "IncompleteSignature",
                            "Authorization header requires existence",
                            shown));
            try {
                date = BASIC.format(ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException e) {
                throw err(service, operation, "IncompleteSignature", "Date must be", httpDate);
            }
        }
        out.put("Date", date);
        return out;
    }

    /** The Authorization value as an error may echo it: never with the signature itself. */
    static String masked(String authorization) {
        return authorization.replaceAll("Signature=[^,\\s]*", "Signature=****");
    }

    /** The documented row of a code whose message opens with these words (a code has several rows). */
    static SandboxError err(Service service, Operation operation, String code, String opening, Object... args) {
        var def = service.errorsOf(operation).stream()
                .filter(e -> e.code().equals(code) && e.message().startsWith(opening))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no documented " + code + " row opens with " + opening));
        return new SandboxError(def.code(), def.httpStatus(), def.format(args));
    }
}
