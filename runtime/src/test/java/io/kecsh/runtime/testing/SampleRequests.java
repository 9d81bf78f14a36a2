package io.kecsh.runtime.testing;

import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.model.Variant;
import io.kecsh.runtime.validate.Problem;
import io.kecsh.runtime.validate.ValidationReport;
import io.kecsh.runtime.validate.Validator;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid request for any operation, built from the model alone: required members get a value that
 * fits their type, enumeration, format and range; then whatever the validator still misses (a rule's
 * "required when", "one of") is filled in the same way until the request passes. Tests use it to
 * call every modelled action without a hand-kept list of examples.
 */
public final class SampleRequests {
    public static final String UUID = "48de6f74-e287-45df-b55e-94266d77483f";
    private static final List<String> PATTERN_CANDIDATES = List.of(
            "kms", "1", "image_01", "http://ks3.example.com/image.qcow2", "89004402-e982-4d9c-a9d5-9530b58122e4-a");

    private final ServiceModel model;
    private final Validator validator;

    public SampleRequests(ServiceModel model) {
        this.model = model;
        this.validator = new Validator(model);
    }

    public Map<String, Object> validRequest(Operation op) {
        Service service = model.serviceOf(op);
        Map<String, Object> request = new LinkedHashMap<>();
        List<String> required = op.variants().isEmpty()
                ? op.params().entrySet().stream()
                        .filter(e -> e.getValue().required())
                        .map(Map.Entry::getKey)
                        .toList()
                : op.variants().get(op.variants().size() - 1).required();
        for (String name : required)
            request.put(name, sample(service, op.params().get(name)));
        for (int round = 0; round < 5; round++) {
            ValidationReport report = validator.validate(op, request);
            if (report.isValid()) return request;
            for (Problem p : report.errors()) {
                if (p.kind() != Problem.Kind.MISSING) {
                    throw new IllegalStateException(op.name() + ": the sample is invalid: " + report.describe());
                }
                String top = p.path().split("\\.")[0];
                if (!op.params().containsKey(top)) top = firstNamedIn(op, p.message());
                request.put(top, sample(service, op.params().get(top)));
            }
        }
        throw new IllegalStateException(op.name() + ": no valid sample found: "
                + validator.validate(op, request).describe());
    }

    /** For "give one of A, B" problems: the first parameter the message names. */
    private static String firstNamedIn(Operation op, String message) {
        return op.params().keySet().stream()
                .filter(message::contains)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(op.name() + ": cannot satisfy " + message));
    }

    public Object sample(Service service, Member m) {
        switch (m.type()) {
            case BOOLEAN:
                return Boolean.TRUE;
            case INTEGER:
            case LONG:
                return m.min().map(BigDecimal::longValue).orElse(1L) < 1
                                && m.max().isEmpty()
                        ? 1L
                        : m.min().map(BigDecimal::longValue).orElse(1L);
            case FLOAT:
                return new BigDecimal("0.5");
            case LIST:
                return List.of(sample(service, m.member()));
            case STRUCTURE: {
                Map<String, Object> out = new LinkedHashMap<>();
                m.members().forEach((n, child) -> {
                    if (child.required()) out.put(n, sample(service, child));
                });
                return out;
            }
            default:
                return string(service, m);
        }
    }

    private static String string(Service service, Member m) {
        if (m.enumName().isPresent()) {
            EnumDef e = service.requireEnum(m.enumName().get());
            return m.defaultValue()
                    .map(String::valueOf)
                    .filter(e::contains)
                    .orElse(e.names().get(0));
        }
        if (m.format().isPresent()) {
            return switch (m.format().get()) {
                case "uuid" -> UUID;
                case "ipv4" -> "10.0.0.8";
                case "password" -> "Passw0rd!x";
                case "autoDeleteTime" ->
                    LocalDateTime.now(ZoneOffset.ofHours(8))
                            .plusDays(1)
                            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
                case "base64" -> "ZWNobyBoaQ==";
                case "hostName" -> "web-1";
                case "isoDateTime" -> "2026-11-22T10:00:00Z";
                case "kmsInstanceId" -> "kst-bjj62f5ba3dnpb6v8abcd";
                default ->
                    throw new IllegalStateException(
                            "no sample for format " + m.format().get());
            };
        }
        if (m.pattern().isPresent()) {
            return PATTERN_CANDIDATES.stream()
                    .filter(c -> m.pattern().get().matcher(c).matches())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no sample matches " + m.pattern().get()));
        }
        int length = m.minLength().orElse(4);
        return "sample-name-0123456789".substring(0, Math.max(length, 4));
    }

    /** The operation's variants each get their own request (AttachNetworkInterface's two forms). */
    public List<Map<String, Object>> everyForm(Operation op) {
        if (op.variants().isEmpty()) return List.of(validRequest(op));
        List<Map<String, Object>> out = new ArrayList<>();
        Service service = model.serviceOf(op);
        for (Variant v : op.variants()) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (String name : v.required())
                r.put(name, sample(service, op.params().get(name)));
            out.add(r);
        }
        return out;
    }
}
