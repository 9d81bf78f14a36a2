package io.kecsh.dsl.engine.safety

import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.plan.PlanningOperations
import io.kecsh.dsl.error.RefusedException
import io.kecsh.dsl.error.Target
import io.kecsh.runtime.model.Operation
import java.util.concurrent.CopyOnWriteArrayList

/**
 * What guards destructive calls (the model's {@code destructive} operations: TerminateInstances,
 * RemoveImages, DeleteKey, ReleaseKmsInstance, …), whichever way a script reaches them — a curated
 * verb or the fallback {@code kec.TerminateInstances(…)}. In this order, before anything is sent:
 * <ol>
 * <li>{@link #refuseDestructive}: every destructive call fails (the Jenkins library's
 *     {@code allowDestructive: false} maps onto this);</li>
 * <li>{@code protect} rules: a call touching a protected resource fails, naming it and the rule;
 *     no confirmer can override a protection;</li>
 * <li>the {@link Confirmer}, if one is set and the run is not a plan: a "no" fails the call. With
 *     no confirmer nothing prompts and unprotected targets proceed.</li>
 * </ol>
 * A plan applies 1 and 2 (so it fails where the real run would) and notes where 3 would ask.
 */
class Safety {
    final List<Protection> protections = new CopyOnWriteArrayList<>()
    Confirmer confirmer
    boolean refuseDestructive

    Protection protect(Map<String, ?> criteria) {
        Protection p = new Protection(criteria)
        protections << p
        p
    }

    /** Throws {@link RefusedException} when the call must not be sent. */
    void check(Operation op, Map<String, ?> params, CloudOperations next) {
        String verb = "${next.model.serviceOf(op).name()}.${op.name()}"
        Targets.Found found = Targets.of(op, params, next)
        List<Target> targets = found.targets
        String affected = targets ? targets.join(', ') : 'its target'
        if (refuseDestructive) {
            throw new RefusedException(verb, targets, "${verb} refused: destructive actions are not allowed in this run " +
                "(refuseDestructive); it would affect ${affected}. Nothing was sent.")
        }
        for (Target t : targets) {
            Protection rule = protections.find { it.matches(t) }
            if (rule != null) {
                throw new RefusedException(verb, targets, "${verb} refused: ${t} is protected by protect ${rule}. Nothing was sent.")
            }
            if (found.lookupFailure != null && protections.any { it.needs(t) }) {
                throw new RefusedException(verb, targets, "${verb} refused: cannot tell whether ${t} is protected " +
                    "(looking it up failed: ${found.lookupFailure}). Nothing was sent.")
            }
        }
        if (confirmer == null) return
        if (next instanceof PlanningOperations) {
            ((PlanningOperations) next).plan.notes << "${verb} would ask for confirmation for ${affected}".toString()
        } else if (!confirmer.confirm(verb, targets)) {
            throw new RefusedException(verb, targets, "${verb} not confirmed for ${affected}. Nothing was sent.")
        }
    }
}
