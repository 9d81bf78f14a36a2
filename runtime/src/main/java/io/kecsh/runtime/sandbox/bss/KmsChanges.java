package io.kecsh.runtime.sandbox.bss;

import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.sandbox.kms.KmsInstances;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Parameter.N Code/Value pairs of a BSS call read as changes to a KMS instance: which
 * GetKmsInstance member each code sets comes from the model (enum BssKmsParameterCode, attribute
 * {@code field}; {@code log} takes its values from KmsLogSwitch), values are whole numbers
 * (SecretNum is then kept as the string GetKmsInstance shows). Every refusal is InvalidParameter
 * naming the Parameter.N path, with the sandbox's reason.
 */
final class KmsChanges {
    /** Which way a change may move the values. */
    enum Direction {
        UP,
        DOWN,
        ANY
    }

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,12}");
    private static final String CODES = "BssKmsParameterCode";

    /** A parsed change: member name → new value, in the order given; and each member's wire path. */
    record Change(Map<String, Long> values, Map<String, String> paths) {}

    private KmsChanges() {}

    /** Reads and checks the Parameter list; nothing is changed yet. */
    @SuppressWarnings("unchecked")
    static Change parse(Service bss, List<Object> parameters) {
        EnumDef codes = bss.requireEnum(CODES);
        Map<String, Long> values = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        for (int n = 0; n < parameters.size(); n++) {
            Map<String, Object> p = (Map<String, Object>) parameters.get(n);
            String code = String.valueOf(p.get("Code"));
            String at = "Parameter." + (n + 1);
            EnumValue known = codes.find(code)
                    .orElseThrow(() -> invalid(
                            at + ".Code",
                            "is not a KMS instance attribute; use one of " + String.join(", ", codes.names()) + "."));
            String field = known.attr("field").map(Object::toString).orElseThrow();
            if (values.containsKey(field)) throw invalid(at + ".Code", code + " is given twice.");
            String value = String.valueOf(p.get("Value"));
            Optional<String> allowed = known.valueEnum();
            if (allowed.isPresent() && !bss.requireEnum(allowed.get()).contains(value)) {
                throw invalid(
                        at + ".Value",
                        code + " takes "
                                + String.join(
                                        " or ", bss.requireEnum(allowed.get()).names()) + ".");
            }
            if (!WHOLE.matcher(value).matches() || (allowed.isEmpty() && Long.parseLong(value) == 0)) {
                throw invalid(at + ".Value", code + " takes a positive whole number.");
            }
            values.put(field, Long.parseLong(value));
            paths.put(field, at + ".Value");
        }
        return new Change(values, paths);
    }

    /** Refuses a change that moves a value against {@code direction} (equal values pass). */
    static void checkDirection(Change change, Map<String, Object> instance, Direction direction) {
        if (direction == Direction.ANY) return;
        change.values().forEach((field, wanted) -> {
            long now = KmsInstances.number(instance, field);
            if (direction == Direction.UP && wanted < now) {
                throw invalid(
                        change.paths().get(field),
                        "An Upgrade cannot lower " + field + " from " + now + " to " + wanted
                                + "; use ModifyType Downgrade.");
            }
            if (direction == Direction.DOWN && wanted > now) {
                throw invalid(
                        change.paths().get(field),
                        "A Downgrade cannot raise " + field + " from " + now + " to " + wanted
                                + "; use ModifyType Upgrade.");
            }
        });
    }

    static void apply(Change change, Map<String, Object> instance) {
        change.values()
                .forEach((field, value) ->
                        instance.put(field, field.equals("SecretNum") ? String.valueOf(value) : value));
    }

    static BssRefusal invalid(String param, String reason) {
        return BssRefusal.invalid(param, reason);
    }
}
