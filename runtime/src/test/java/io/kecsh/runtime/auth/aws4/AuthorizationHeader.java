package io.kecsh.runtime.auth.aws4;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-side parse of a SigV4 Authorization header, as a server reads one before calling
 * {@link Aws4Signer#expectedSignature}.
 */
record AuthorizationHeader(
        String accessKeyId, String date, String region, String service, List<String> signedHeaders, String signature) {
    private static final Pattern FORM = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");

    static AuthorizationHeader parse(String value) {
        Matcher m = FORM.matcher(value.strip());
        if (!m.matches()) throw new IllegalArgumentException("not a SigV4 Authorization header: " + value);
        return new AuthorizationHeader(
                m.group(1),
                m.group(2),
                m.group(3),
                m.group(4),
                Arrays.asList(m.group(5).split(";")),
                m.group(6));
    }
}
