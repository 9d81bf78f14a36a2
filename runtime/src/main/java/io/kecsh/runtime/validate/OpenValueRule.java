package io.kecsh.runtime.validate;

import io.kecsh.runtime.model.EnumDef;
import java.util.Collection;
import java.util.Optional;

/**
 * The one rule for a value an enumeration does not list ("known wrong" versus "unknown"), documented
 * in models/README.md under "Open enumerations":
 * <ol>
 *   <li>listed by the enumeration (the action's own list): accepted;</li>
 *   <li>a closed enumeration: wrong;</li>
 *   <li>listed by the live catalogue: accepted; not listed by a live catalogue that is at hand: wrong
 *       (every source kecsh has says no);</li>
 *   <li>no catalogue at hand: wrong when the model itself lists the value only to exclude it (a type
 *       of the parent enumeration the action's subset leaves out), or when the value does not have
 *       the enumeration's {@code openForm} (S4.2X: no memory class X; s4.2b: not upper case) — the
 *       form stands in for the catalogue; otherwise unknown: a warning, and the call goes out.</li>
 * </ol>
 */
public final class OpenValueRule {
    public enum Verdict {
        LISTED,
        UNKNOWN,
        WRONG
    }

    private OpenValueRule() {}

    /**
     * @param listed the enumeration the parameter names (may be an action's subset)
     * @param root   that enumeration's parent, or itself (openness, form and catalogue live there)
     * @param live   the live catalogue's values for {@code root}, when one is at hand
     */
    public static Verdict judge(
            EnumDef listed, EnumDef root, String value, Optional<? extends Collection<String>> live) {
        if (listed.contains(value)) return Verdict.LISTED;
        if (!root.open()) return Verdict.WRONG;
        if (live.isPresent()) return live.get().contains(value) ? Verdict.LISTED : Verdict.WRONG;
        if (root != listed && root.contains(value)) return Verdict.WRONG;
        boolean hasForm =
                root.openForm().map(form -> form.matcher(value).matches()).orElse(true);
        return hasForm ? Verdict.UNKNOWN : Verdict.WRONG;
    }
}
