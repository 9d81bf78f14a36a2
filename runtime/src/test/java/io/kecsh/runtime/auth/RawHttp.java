package io.kecsh.runtime.auth;

import io.kecsh.runtime.http.FormEncoding;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.Rfc3986;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the raw HTTP requests of the signature test suites into {@link HttpRequest}s, keeping
 * what the suites test: header names as written, repeats, and obs-folded values with their line
 * breaks (the canonicalizer, not this parser, turns them into single spaces).
 *
 * <ul>
 *   <li>CRLF (the 2011 suite) and LF (the 2015 suites) both work; a trailing newline after the last
 *       header is not an empty header, and there is a body only after an empty line.</li>
 *   <li>The request-target is everything between the first and the last space of the request line,
 *       so {@code GET /example space/ HTTP/1.1} has the path {@code /example space/}.</li>
 *   <li>The path and query are percent-decoded ({@link FormEncoding#decode} for the query), since
 *       {@link HttpRequest} holds decoded values; raw UTF-8 stays as it is.</li>
 * </ul>
 */
public final class RawHttp {
    private RawHttp() {}

    public static HttpRequest parse(String raw) {
        String text = raw.replace("\r\n", "\n");
        int blank = text.indexOf("\n\n");
        String head = blank < 0 ? text : text.substring(0, blank);
        String body = blank < 0 ? "" : text.substring(blank + 2);
        while (head.endsWith("\n")) head = head.substring(0, head.length() - 1);

        String[] lines = head.split("\n", -1);
        String requestLine = lines[0];
        int firstSpace = requestLine.indexOf(' ');
        int lastSpace = requestLine.lastIndexOf(' ');
        if (firstSpace < 0 || lastSpace <= firstSpace)
            throw new IllegalArgumentException("bad request line: " + requestLine);
        String method = requestLine.substring(0, firstSpace);
        String target = requestLine.substring(firstSpace + 1, lastSpace);

        List<String[]> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation) {
                if (fields.isEmpty()) throw new IllegalArgumentException("continuation before any header: " + line);
                String[] last = fields.get(fields.size() - 1);
                last[1] = last[1] + "\n" + line;
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) throw new IllegalArgumentException("bad header line: " + line);
                fields.add(new String[] {line.substring(0, colon), line.substring(colon + 1)});
            }
        }
        Headers headers = Headers.empty();
        for (String[] f : fields) headers = headers.with(f[0], f[1]);

        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? "" : target.substring(question + 1);
        String host = headers.first("Host").map(String::strip).orElse("localhost");
        int port = -1;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            port = Integer.parseInt(host.substring(colon + 1));
            host = host.substring(0, colon);
        }
        return new HttpRequest(
                method,
                "https",
                host,
                port,
                Rfc3986.decode(rawPath),
                FormEncoding.decode(rawQuery),
                headers,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
