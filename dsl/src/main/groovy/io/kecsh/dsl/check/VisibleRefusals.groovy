package io.kecsh.dsl.check

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.safety.Protection
import io.kecsh.dsl.engine.safety.Safety
import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.dsl.error.RefusedException

/**
 * Refuses, before a script's first call, the destructive calls its text shows that the guard would
 * refuse when they are reached: any of them when the run refuses destructive actions, and one
 * whose every possible target a {@code protect} rule covers ({@code protect name: ~/^db-/} above
 * {@code instances { where name: ~/^db-/; terminate() }}). A script that launches and then
 * terminates what it protects launches nothing. What the compiler cannot see (computed names,
 * rules or selections from variables) is left to the check before each call, which always runs.
 */
@CompileStatic
final class VisibleRefusals {
    private VisibleRefusals() {
    }

    /**
     * @param seen the destructive calls the script shows, in order
     * @param declared the literal protect statements of its body
     * @param safety the run's guard (refuseDestructive, and rules that hold before the script starts)
     */
    static void check(String fileName, List<DestructiveCall> seen, List<DeclaredProtection> declared, Safety safety) {
        if (!seen) return
        if (safety.refuseDestructive) refuseAll(fileName, seen)
        for (DestructiveCall call : seen) {
            Protection already = safety.protections.find { Protection p -> p.coversAll(call.kind, call.selection) }
            if (already != null) refuse(fileName, call, already, 'declared before this script')
            DeclaredProtection above = declared.find { DeclaredProtection d -> d.before(call) && d.rule.coversAll(call.kind, call.selection) }
            if (above != null) refuse(fileName, call, above.rule, "line ${above.line}")
        }
    }

    private static void refuseAll(String fileName, List<DestructiveCall> seen) {
        DestructiveCall first = seen[0]
        String others = seen.size() > 1 ? " (also: ${seen.drop(1)*.toString().join(', ')})" : ''
        throw new KecshScriptException(fileName, first.line, 0, "${first.written} (${first.action}) refused before the script's first call: " +
            "destructive actions are not allowed in this run (refuseDestructive)${others}. Nothing was sent.",
            new RefusedException(first.action, [], 'refused before the first call: the script shows destructive calls'))
    }

    private static void refuse(String fileName, DestructiveCall call, Protection rule, String where) {
        String chosen = call.selection ? " (${Protection.describe(call.selection)})" : ''
        throw new KecshScriptException(fileName, call.line, 0, "${call.written} (${call.action}) refused before the script's first call: " +
            "every ${call.kind ?: 'resource'} it chooses${chosen} is protected by protect ${rule} (${where}). Nothing was sent.",
            new RefusedException(call.action, [], "refused before the first call: protected by protect ${rule}".toString()))
    }
}
