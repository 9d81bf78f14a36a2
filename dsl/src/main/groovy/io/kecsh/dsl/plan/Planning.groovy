package io.kecsh.dsl.plan

import io.kecsh.dsl.CloudOperations
import io.kecsh.dsl.KecshSession
import io.kecsh.dsl.safety.GuardedOperations

/**
 * Puts a session into plan mode for a body: {@code plan { … }} in a script, or a whole script with
 * {@code Kecsh.builder().plan(true)}. The safety guard stays outermost, so protection and
 * refuseDestructive still fail a plan exactly as they would fail the real run.
 */
final class Planning {
    private Planning() {
    }

    /** Runs the body planned and returns its plan; the body's value is {@link Plan#result}. */
    static Plan run(KecshSession session, Closure body) {
        Plan plan = new Plan()
        Plan outer = session.plan
        PlanningOperations.Ledger ledger = new PlanningOperations.Ledger()
        session.plan = plan
        try {
            plan.result = session.withOps({ CloudOperations ops -> planned(ops, plan, ledger, session) }, body)
        } finally {
            session.plan = outer
        }
        if (outer != null) {
            // A plan { } inside a planned script: its calls belong to the whole plan too.
            outer.calls.addAll(plan.calls)
            outer.notes.addAll(plan.notes)
        }
        plan
    }

    /** The operations of a planned session: guard → planner → the real operations. */
    static CloudOperations planned(CloudOperations ops, Plan plan, PlanningOperations.Ledger ledger, KecshSession session) {
        if (ops instanceof GuardedOperations) {
            return ((GuardedOperations) ops).around { CloudOperations inner -> planned(inner, plan, ledger, session) }
        }
        new PlanningOperations(ops, plan, ledger, session.clock)
    }

    /** {@code waitUntil { }} in plan mode: the condition is checked once, never polled (see PlanningOperations). */
    static boolean active(KecshSession session) {
        session.plan != null
    }
}
