package io.kecsh.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.testing.Fuzz;
import io.kecsh.runtime.text.NumberText;
import io.kecsh.runtime.text.UserText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the client's response parsers (JSON and XML, success and error documents, every
 * operation's output model) with bodies shaped like the model's output and then broken: random
 * values, huge and absurd numbers (1e999999999), control characters, nesting thousands deep,
 * truncation, stray bytes, wrong content types and statuses. Every body ends as a
 * {@link Response}, a {@link ServiceError} or the documented {@link ResponseFormatException},
 * within the budget of {@link Fuzz}; no number in a response is too large to print, and the
 * one-line message of the {@link ServiceException} a client would throw quotes nothing raw.
 *
 * <p>CI runs 600 bodies in a few seconds; {@code -Dkecsh.fuzz.iterations=50} runs fifty times
 * as many, {@code -Dkecsh.fuzz.seed=S} replays a failure's seed (printed with it).
 */
class ResponseParserFuzzTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private final ResponseParser parser = new ResponseParser(MODEL);

    @Test
    void parser_everyOperation_brokenBodies_endInAResponseAnErrorOrAFormatException_withinBudget() {
        Fuzz fuzz = new Fuzz("response parser");
        List<Operation> operations = new ArrayList<>(MODEL.operations());
        int cases = fuzz.cases(600);
        for (int i = 0; i < cases; i++) {
            Operation op = i < operations.size() ? operations.get(i) : fuzz.pick(operations);
            Service service = MODEL.serviceOf(op);
            boolean json = fuzz.chance(60);
            Object tree = fuzz.valueFor(service, op.output(), 0);
            if (fuzz.chance(30)) tree = errorDocument(fuzz);
            String text = json ? Json.of(tree) : "<Response>" + Xml.of(tree, 0) + "</Response>";
            byte[] body = mangle(fuzz, text.getBytes(StandardCharsets.UTF_8));
            int status = fuzz.pick(List.of(200, 200, 200, 400, 403, 404, 500, 503, 302));
            String type = fuzz.pick(List.of(
                    json ? "application/json" : "text/xml",
                    "application/json; charset=utf-8",
                    "text/html",
                    "",
                    "application/xml",
                    "application/octet-stream"));
            HttpResponse http = new HttpResponse(status, Headers.empty().with("Content-Type", type), body);
            int n = i;
            fuzz.within(
                    n,
                    new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8),
                    body.length,
                    () -> parse(fuzz, n, op, http));
        }
    }

    private Object parse(Fuzz fuzz, int n, Operation op, HttpResponse http) {
        Optional<ServiceError> error = parser.parseError(op, http);
        if (error.isPresent()) {
            ServiceError e = error.get();
            String line = new ServiceException(
                            op.name(), "cn-beijing-6", e.code(), e.message(), e.httpStatus(), e.requestId(), e.type())
                    .getMessage();
            clean(fuzz, n, http, line, 4000);
            return e;
        }
        try {
            Response response = parser.parse(op, http);
            saneNumbers(fuzz, n, http, response, 0);
            return response;
        } catch (ResponseFormatException documented) {
            clean(fuzz, n, http, documented.getMessage(), 4000);
            return documented;
        }
    }

    /** Every number in a parsed response can be printed plainly: nothing like 1E+999999999 gets through as a number. */
    private static void saneNumbers(Fuzz fuzz, int n, HttpResponse http, Object value, int depth) {
        if (value instanceof BigDecimal d) {
            assertTrue(NumberText.sane(d).isPresent(), fuzz.failure(n, http.bodyText(), "kept the number " + d));
        } else if (value instanceof Map<?, ?> map && depth < 2000) {
            map.values().forEach(v -> saneNumbers(fuzz, n, http, v, depth + 1));
        } else if (value instanceof Collection<?> items && depth < 2000) {
            items.forEach(v -> saneNumbers(fuzz, n, http, v, depth + 1));
        }
    }

    private static void clean(Fuzz fuzz, int n, HttpResponse http, String message, int max) {
        assertTrue(
                message.length() <= max,
                fuzz.failure(n, http.bodyText(), "a message of " + message.length() + " chars"));
        for (int i = 0; i < message.length(); i++) {
            if (UserText.needsEscape(message.charAt(i))) {
                throw new AssertionError(fuzz.failure(
                        n,
                        http.bodyText(),
                        String.format("raw U+%04X in: %s", (int) message.charAt(i), UserText.shown(message, 300))));
            }
        }
    }

    private static Object errorDocument(Fuzz fuzz) {
        return switch (fuzz.random.nextInt(3)) {
            case 0 ->
                Map.of(
                        "RequestId",
                        fuzz.text(),
                        "Error",
                        Map.of("Type", fuzz.text(), "Code", fuzz.text(), "Message", fuzz.text()));
            case 1 ->
                Map.of(
                        "RequestId",
                        fuzz.text(),
                        "Code",
                        fuzz.text(),
                        "Message",
                        fuzz.chance(5) ? fuzz.huge() : fuzz.text(),
                        "Success",
                        fuzz.pick(List.of("false", false, "true", fuzz.text())));
            default -> Map.of("Code", fuzz.number(), "Msg", fuzz.text(), "Status", fuzz.text());
        };
    }

    /** Truncation, stray bytes, huge numbers, deep nesting, a byte-order mark, or the body as generated. */
    private static byte[] mangle(Fuzz fuzz, byte[] body) {
        int kind = fuzz.random.nextInt(100);
        if (kind < 50 || body.length == 0) return body;
        if (kind < 60) return Arrays.copyOf(body, fuzz.random.nextInt(body.length));
        if (kind < 70) {
            byte[] out = body.clone();
            for (int i = 0; i < 1 + fuzz.random.nextInt(5); i++)
                out[fuzz.random.nextInt(out.length)] = (byte) fuzz.random.nextInt(256);
            return out;
        }
        String s = new String(body, StandardCharsets.UTF_8);
        String mangled = switch (kind % 6) {
            case 0 -> s.replaceFirst("\\d+", "1e999999999");
            case 1 -> "[".repeat(2000 + fuzz.random.nextInt(50_000));
            case 2 -> "{\"a\":".repeat(2000 + fuzz.random.nextInt(20_000));
            case 3 -> "\ufeff" + s;
            case 4 -> "<a>".repeat(2000 + fuzz.random.nextInt(20_000));
            default -> "{\"RequestId\":\"x\",\"Value\":" + "9".repeat(1000 + fuzz.random.nextInt(200_000)) + "}";
        };
        return mangled.getBytes(StandardCharsets.UTF_8);
    }

    /** JSON of anything the generators make (numbers as their own text, so 1E+999999999 stays one). */
    static final class Json {
        static String of(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    string(String.valueOf(e.getKey()), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof Collection<?> items) {
                out.append('[');
                boolean first = true;
                for (Object item : items) {
                    if (!first) out.append(',');
                    first = false;
                    write(item, out);
                }
                out.append(']');
            } else if (value instanceof BigDecimal
                    || value instanceof Long
                    || value instanceof Integer
                    || value instanceof Short
                    || value instanceof BigInteger) {
                out.append(value);
            } else if (value instanceof Boolean b) {
                out.append(b);
            } else {
                string(value instanceof Object[] a ? Arrays.toString(a) : String.valueOf(value), out);
            }
        }

        private static void string(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') out.append('\\').append(c);
                else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                else out.append(c);
            }
            out.append('"');
        }
    }

    /** XML of anything the generators make; names that are no XML names make it ill-formed, which is a case too. */
    static final class Xml {
        static String of(Object value, int depth) {
            StringBuilder out = new StringBuilder();
            write(value, out, depth);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out, int depth) {
            if (depth > 3000) return;
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String name = String.valueOf(e.getKey());
                    out.append('<').append(name).append('>');
                    write(e.getValue(), out, depth + 1);
                    out.append("</").append(name).append('>');
                }
            } else if (value instanceof Collection<?> items) {
                for (Object item : items) {
                    out.append("<item>");
                    write(item, out, depth + 1);
                    out.append("</item>");
                }
            } else if (value != null) {
                String s = value instanceof Object[] a ? Arrays.toString(a) : String.valueOf(value);
                out.append(s.replace("&", "&amp;").replace("<", "&lt;"));
            }
        }
    }
}
