package io.kecsh.runtime.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.http.FormEncoding;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.Rfc3986;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.protocol.RequestSerializer;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.testing.Fuzz;
import io.kecsh.runtime.text.UserText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the validator — every operation and parameter of every model — and the request readers
 * in front of it (the query-string and form-body decoding the sandbox uses, flat wire names,
 * nested DSL values): random, huge, control-character, absurdly numeric and deeply nested values.
 * Every input ends in a report (never an exception), within the per-input budget of
 * {@link Fuzz} (time and allocation), with messages that quote nothing raw: no control
 * character, no unbounded length. What the validator accepts serializes to bounded wire text and
 * reads through the sandbox's {@link SandboxRequest} accessors.
 *
 * <p>CI runs 1,600 cases in a few seconds; {@code -Dkecsh.fuzz.iterations=50} runs fifty
 * times as many, {@code -Dkecsh.fuzz.seed=S} replays a failure's seed (printed with it).
 */
class ValidatorFuzzTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final int MAX_MESSAGE = 20_000;
    private static final int MAX_WIRE_VALUE = 100_000;
    private final Validator validator = new Validator(MODEL);
    private final RequestSerializer serializer = new RequestSerializer();

    @Test
    void validator_everyOperation_randomValues_endInAReport_withinBudget_andEscapedMessages() {
        Fuzz fuzz = new Fuzz("validator");
        List<Operation> operations = new ArrayList<>(MODEL.operations());
        int cases = fuzz.cases(1200);
        for (int i = 0; i < cases; i++) {
            // Every operation is visited in turn, then at random.
            Operation op = i < operations.size() ? operations.get(i) : fuzz.pick(operations);
            Service service = MODEL.serviceOf(op);
            Map<String, Object> request = nested(fuzz, service, op);
            if (fuzz.chance(35)) request = flat(fuzz, request);
            int n = i;
            Map<String, Object> input = request;
            fuzz.within(n, input, Fuzz.size(input), () -> check(fuzz, n, service, op, input));
        }
    }

    @Test
    void queryAndFormDecoding_thenValidation_endInParametersOrADocumentedError() {
        Fuzz fuzz = new Fuzz("query");
        List<Operation> operations = new ArrayList<>(MODEL.operations());
        int cases = fuzz.cases(400);
        for (int i = 0; i < cases; i++) {
            Operation op = fuzz.pick(operations);
            Service service = MODEL.serviceOf(op);
            String query = query(fuzz, flat(fuzz, nested(fuzz, service, op)));
            int n = i;
            fuzz.within(n, query, query.length(), () -> {
                List<QueryParam> params;
                try {
                    params = FormEncoding.decode(query);
                } catch (IllegalArgumentException malformedEscape) { // documented: answered 400 by the sandbox
                    assertTrue(
                            malformedEscape.getMessage().startsWith("malformed percent-encoding"),
                            fuzz.failure(n, query, malformedEscape.toString()));
                    return null;
                }
                Map<String, Object> input = new LinkedHashMap<>();
                for (QueryParam p : params) input.put(p.name(), p.value());
                return check(fuzz, n, service, op, input);
            });
        }
    }

    private ValidationReport check(Fuzz fuzz, int n, Service service, Operation op, Map<String, Object> input) {
        ValidationReport report = validator.validate(op, input);
        for (Problem p : report.problems()) {
            clean(fuzz, n, input, p.message(), MAX_MESSAGE);
            clean(fuzz, n, input, p.path(), 500); // 64 characters, each escaped to at most 6, and the length
            if (p.given() != null) clean(fuzz, n, input, p.given(), 500);
        }
        if (!report.isValid()) {
            clean(
                    fuzz,
                    n,
                    input,
                    new ValidationException(report).getMessage(),
                    MAX_MESSAGE * (report.problems().size() + 1));
            return report;
        }
        for (QueryParam wire :
                serializer.serialize(service, op, report.normalized()).params()) {
            assertTrue(
                    wire.value().length() <= MAX_WIRE_VALUE,
                    fuzz.failure(
                            n,
                            input,
                            wire.name() + " serialized to " + wire.value().length() + " chars"));
        }
        readAsTheSandboxDoes(service, op, report.normalized());
        return report;
    }

    private static void clean(Fuzz fuzz, int n, Object input, String text, int max) {
        assertTrue(text.length() <= max, fuzz.failure(n, input, "a message of " + text.length() + " chars"));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreakBetweenProblems = c == '\n' || c == '\r';
            if (!lineBreakBetweenProblems && UserText.needsEscape(c)) {
                throw new AssertionError(
                        fuzz.failure(n, input, String.format("raw U+%04X in: %s", (int) c, UserText.shown(text, 300))));
            }
        }
    }

    /** The typed accessors every sandbox handler reads its parameters with. */
    private static void readAsTheSandboxDoes(Service service, Operation op, Map<String, Object> params) {
        SandboxRequest r = new SandboxRequest(service, op, params, "cn-beijing-6", "AKLTfuzz", "fuzz");
        params.forEach((name, value) -> {
            Member m = op.params().containsKey(name)
                    ? op.params().get(name)
                    : service.commonParams().get(name);
            switch (m.type()) {
                case STRING -> r.string(name).orElseThrow();
                case INTEGER, LONG -> r.number(name).orElseThrow();
                case FLOAT -> r.decimal(name).orElseThrow().toPlainString();
                case BOOLEAN -> r.flag(name);
                case LIST -> r.list(name).forEach(String::valueOf);
                case STRUCTURE -> r.structure(name).orElseThrow();
            }
        });
    }

    /** Some of the operation's parameters with values for them, now and then an unknown name. */
    private static Map<String, Object> nested(Fuzz fuzz, Service service, Operation op) {
        Map<String, Object> request = new LinkedHashMap<>();
        Map<String, Member> params = new LinkedHashMap<>(service.commonParams());
        params.putAll(op.params());
        int keep = fuzz.random.nextInt(100);
        for (Map.Entry<String, Member> e : params.entrySet()) {
            if (fuzz.random.nextInt(100) < keep) request.put(e.getKey(), fuzz.valueFor(service, e.getValue(), 0));
        }
        if (fuzz.chance(10)) request.put(fuzz.text(), fuzz.text());
        if (fuzz.chance(2)) {
            // One huge value a case at most: a megabyte as a known parameter's value, or as a name.
            List<String> names = new ArrayList<>(params.keySet());
            if (fuzz.random.nextBoolean()) request.put(fuzz.pick(names), fuzz.huge());
            else request.put(fuzz.huge(), "x");
        }
        return request;
    }

    /** The request as wire names (InstanceId.3, Filter.1.Value.2) with text values, plus malformed names. */
    private static Map<String, Object> flat(Fuzz fuzz, Map<String, Object> nested) {
        Map<String, Object> out = new LinkedHashMap<>();
        nested.forEach((k, v) -> flatten(k, v, out, 0));
        if (fuzz.chance(30)) {
            String top = nested.isEmpty() ? "InstanceId" : fuzz.pick(new ArrayList<>(nested.keySet()));
            String suffix = fuzz.pick(List.of(
                    ".0",
                    ".-1",
                    ".x",
                    ".1.2.3",
                    ".99999999999",
                    "..",
                    ".",
                    ".1.Value.x",
                    ".2147483647",
                    ".1." + fuzz.text(),
                    "." + fuzz.text()));
            out.put(top + suffix, fuzz.text());
        }
        return out;
    }

    private static void flatten(String name, Object value, Map<String, Object> out, int depth) {
        if (depth > 8) {
            out.put(name, "deep");
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(name + "." + k, v, out, depth + 1));
        } else if (value instanceof List<?> list) {
            int i = 1;
            for (Object item : list) flatten(name + "." + i++, item, out, depth + 1);
        } else {
            out.put(name, value instanceof CharSequence s ? s.toString() : UserText.shown(value, 100));
        }
    }

    /** A raw query string, mostly well encoded, sometimes with broken escapes and stray separators. */
    private static String query(Fuzz fuzz, Map<String, Object> flat) {
        StringBuilder q = new StringBuilder();
        flat.forEach((k, v) -> {
            if (q.length() > 0) q.append('&');
            q.append(fuzz.chance(90) ? Rfc3986.encode(k) : k).append('=');
            q.append(fuzz.chance(90) ? Rfc3986.encode(String.valueOf(v)) : String.valueOf(v));
        });
        if (fuzz.chance(10)) q.append(fuzz.pick(List.of("&&", "&=", "=&x", "&%", "&a=%g1", "&a=%4", "&+=+")));
        return q.toString();
    }
}
