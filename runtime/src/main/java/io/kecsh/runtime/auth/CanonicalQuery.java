package io.kecsh.runtime.auth;

import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.Rfc3986;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The canonical query string shared by SigV4, ACS3 and the RPC signature: every name and value
 * {@link Rfc3986}-encoded, pairs sorted by encoded name and then encoded value in byte order, each
 * written {@code name=value} (also when the value is empty) and joined with {@code &}.
 *
 * <p>Sorting the encoded (pure ASCII) forms is SigV4's rule. Alibaba's SDKs sort the raw names,
 * which orders the same for every name these APIs use (ASCII letters, digits and dots).
 */
public final class CanonicalQuery {
    private static final Comparator<Map.Entry<String, String>> ORDER =
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());

    private CanonicalQuery() {}

    public static String of(List<QueryParam> params) {
        // a generic array (one allocation a signature, sorted in place): raw by necessity
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map.Entry<String, String>[] encoded = new Map.Entry[params.size()];
        int length = 0;
        for (int i = 0; i < encoded.length; i++) {
            QueryParam p = params.get(i);
            encoded[i] = Map.entry(Rfc3986.encode(p.name()), Rfc3986.encode(p.value()));
            length += encoded[i].getKey().length() + encoded[i].getValue().length() + 2;
        }
        Arrays.sort(encoded, ORDER);
        StringBuilder out = new StringBuilder(length);
        for (Map.Entry<String, String> e : encoded) {
            if (out.length() > 0) out.append('&');
            out.append(e.getKey()).append('=').append(e.getValue());
        }
        return out.toString();
    }

    /** The parameters without any named {@code excluded} (a signature never signs itself). */
    public static List<QueryParam> without(List<QueryParam> params, String excluded) {
        List<QueryParam> out = new ArrayList<>(params.size());
        for (QueryParam p : params) if (!p.name().equals(excluded)) out.add(p);
        return Collections.unmodifiableList(out);
    }
}
