package io.kecsh.runtime.auth.aws4;

import io.kecsh.runtime.http.Rfc3986;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;

/**
 * SigV4's CanonicalURI for every service but S3: the decoded path with its dot segments resolved
 * and empty segments dropped (RFC 3986 §5.2.4, as AWS normalizes), each segment then
 * {@link Rfc3986}-encoded once. An empty path is {@code /}; a trailing slash is kept.
 */
public final class CanonicalUri {
    private CanonicalUri() {}

    /** @param decodedPath the path as {@link io.kecsh.runtime.http.HttpRequest#path()} holds it */
    public static String of(String decodedPath) {
        if ("/".equals(decodedPath)) return "/"; // every query-API call: nothing to resolve or encode
        return Rfc3986.encodePath(normalize(decodedPath));
    }

    /**
     * {@code //a/./b/../c/} becomes {@code /a/c/}. A {@code ..} above the root is dropped, as in
     * RFC 3986, rather than refused: what matters is that client and server agree.
     */
    public static String normalize(String decodedPath) {
        if (decodedPath == null || decodedPath.isEmpty()) return "/";
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = decodedPath.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".")) continue;
            if (segment.equals("..")) {
                kept.pollLast();
            } else {
                kept.addLast(segment);
            }
        }
        if (kept.isEmpty()) return "/";
        String last = segments[segments.length - 1];
        boolean trailingSlash = last.isEmpty() || last.equals(".") || last.equals("..");
        return kept.stream().collect(Collectors.joining("/", "/", trailingSlash ? "/" : ""));
    }
}
