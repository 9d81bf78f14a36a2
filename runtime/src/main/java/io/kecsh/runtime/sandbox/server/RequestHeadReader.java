package io.kecsh.runtime.sandbox.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a request's line and headers within the server's limits, refusing what HttpCore refused
 * with the same statuses (400, 431, 501, 505): the front's tests and clients rely on an HTTP
 * answer for every head, never a reset.
 */
final class RequestHeadReader {
    private final int maxLine;
    private final int maxHeaders;

    RequestHeadReader(int maxLine, int maxHeaders) {
        this.maxLine = maxLine;
        this.maxHeaders = maxHeaders;
    }

    /** The next request's head, or null when the connection ended between requests. */
    RequestHead read(ConnectionInput in) throws IOException, HttpFrontError {
        String line;
        do { // empty lines before a request line are skipped (RFC 9112 2.2), as HttpCore did
            line = in.readLine(maxLine);
            if (line == null) return null;
        } while (line.isEmpty());
        int methodEnd;
        int targetStart;
        int targetEnd;
        int versionStart;
        int firstSpace = line.indexOf(' ');
        int lastSpace = line.lastIndexOf(' ');
        if (firstSpace > 0
                && lastSpace > firstSpace + 1
                && line.charAt(firstSpace + 1) != ' '
                && line.indexOf(' ', firstSpace + 1) == lastSpace
                && line.indexOf('\t') < 0) {
            // the line every client sends, "GET /?signed-query HTTP/1.1": found with String's fast scans
            methodEnd = firstSpace;
            targetStart = firstSpace + 1;
            targetEnd = lastSpace;
            versionStart = lastSpace + 1;
        } else { // any run of spaces or tabs separates, as HttpCore took it
            methodEnd = nextSpace(line, 0);
            targetStart = skipSpaces(line, methodEnd);
            targetEnd = nextSpace(line, targetStart);
            versionStart = skipSpaces(line, targetEnd);
        }
        if (methodEnd == 0 || targetStart == line.length())
            throw new HttpFrontError(400, "Invalid request line: <" + line + ">");
        boolean http11 = http11(line.substring(versionStart).trim(), line);
        List<Map.Entry<String, String>> headers = headers(in);
        RequestHead head = new RequestHead(
                line.substring(0, methodEnd), line.substring(targetStart, targetEnd), http11, headers, 0);
        if (http11 && head.first("Host") == null) throw new HttpFrontError(400, "Host header is absent");
        return new RequestHead(head.method(), head.target(), http11, headers, bodyLength(head));
    }

    /** HTTP/1.x (and the 0.9 HttpCore also took); a later major version is 505, anything else 400. */
    private static boolean http11(String version, String line) throws HttpFrontError {
        int dot = version.indexOf('.');
        if (!version.startsWith("HTTP/") || dot < 6 || dot == version.length() - 1)
            throw new HttpFrontError(400, "Invalid protocol version: <" + line + ">");
        int major;
        int minor;
        try {
            major = Integer.parseInt(version.substring(5, dot));
            minor = Integer.parseInt(version.substring(dot + 1));
        } catch (NumberFormatException e) {
            throw new HttpFrontError(400, "Invalid protocol version: <" + line + ">");
        }
        if (major < 0 || minor < 0 || version.charAt(5) == '+' || version.charAt(dot + 1) == '+')
            throw new HttpFrontError(400, "Invalid protocol version: <" + line + ">");
        if (major > 1) throw new HttpFrontError(505, "Unsupported version: " + version);
        return major == 1 && minor >= 1;
    }

    /** Header lines up to the empty line (or the end of the stream); a line starting with a space continues the last. */
    private List<Map.Entry<String, String>> headers(ConnectionInput in) throws IOException, HttpFrontError {
        List<Map.Entry<String, String>> headers = new ArrayList<>(12);
        String line;
        while ((line = in.readLine(maxLine)) != null && !line.isEmpty()) {
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && !headers.isEmpty()) {
                Map.Entry<String, String> last = headers.remove(headers.size() - 1);
                headers.add(Map.entry(last.getKey(), (last.getValue() + " " + line.trim()).trim()));
                continue;
            }
            // counted as HttpCore counted: the limit is reached at MAX_HEADERS lines
            if (headers.size() + 1 >= maxHeaders) throw new HttpFrontError(431, "Maximum header count exceeded");
            int colon = line.indexOf(':');
            if (colon <= 0) throw new HttpFrontError(400, "Invalid header: <" + line + ">");
            for (int i = 0; i < colon; i++) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t') throw new HttpFrontError(400, "Invalid header: <" + line + ">");
            }
            headers.add(Map.entry(
                    line.substring(0, colon), line.substring(colon + 1).trim()));
        }
        return headers;
    }

    /** Chunked wins over a Content-Length (RFC 9112 6.3); another transfer coding is not served (501). */
    private static long bodyLength(RequestHead head) throws HttpFrontError {
        String coding = head.first("Transfer-Encoding");
        if (coding != null) {
            if (coding.equalsIgnoreCase("chunked")) return RequestHead.CHUNKED;
            throw new HttpFrontError(501, "Unsupported transfer encoding: " + coding);
        }
        String length = null;
        for (Map.Entry<String, String> h : head.headers()) {
            if (!h.getKey().equalsIgnoreCase("Content-Length")) continue;
            if (length != null) throw new HttpFrontError(400, "Multiple Content-Length headers");
            length = h.getValue();
        }
        if (length == null) return 0;
        long n;
        try {
            n = Long.parseLong(length);
        } catch (NumberFormatException e) {
            throw new HttpFrontError(400, "Invalid content length: " + length);
        }
        if (n < 0) throw new HttpFrontError(400, "Negative content length: " + length);
        return n;
    }

    private static int nextSpace(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') i++;
        return i;
    }

    private static int skipSpaces(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
        return i;
    }
}
