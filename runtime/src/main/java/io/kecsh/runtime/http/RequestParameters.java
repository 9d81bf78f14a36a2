package io.kecsh.runtime.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The one reading of a request's parameters: its query, then its form body when the Content-Type
 * names a form (Kingsoft's POST and Alibaba's RPC POST carry everything there). The sandbox's
 * dispatcher, the RPC signer's check of a received request and the tests' loopback server all read
 * parameters through this, so they cannot disagree on what was sent.
 */
public final class RequestParameters {
    private RequestParameters() {}

    /** @throws MalformedText when the body is not UTF-8 or has a bad percent-escape, naming the part */
    public static List<QueryParam> of(HttpRequest request) {
        List<QueryParam> all = new ArrayList<>(request.query());
        if (request.body().length > 0
                && FormEncoding.isFormContentType(
                        request.headers().first("Content-Type").orElse(null))) {
            all.addAll(StrictFormText.pairs(StrictFormText.utf8(request.body(), "(request body)")));
        }
        return all;
    }

    /** The first value of a parameter, or null. */
    public static String first(List<QueryParam> params, String name) {
        for (QueryParam p : params) if (p.name().equals(name)) return p.value();
        return null;
    }
}
