package io.kecsh.runtime.auth;

import io.kecsh.runtime.http.QueryParam;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    private CanonicalQuery() {
    }

    public static String of(List<QueryParam> params) {
        return params.stream()
            .map(p -> Map.entry(Rfc3986.encode(p.name()), Rfc3986.encode(p.value())))
            .sorted(ORDER)
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
    }

    /** The parameters without any named {@code excluded} (a signature never signs itself). */
    public static List<QueryParam> without(List<QueryParam> params, String excluded) {
        return params.stream().filter(p -> !p.name().equals(excluded)).toList();
    }
}
