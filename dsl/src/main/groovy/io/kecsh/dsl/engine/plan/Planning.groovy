package io.kecsh.dsl.engine.plan

import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.safety.GuardedOperations

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
        PlannedWorld world = new PlannedWorld()
        session.plan = plan
        try {
            plan.result = session.withOps({ CloudOperations ops -> planned(ops, plan, world, session) }, body)
        } finally {
            session.plan = outer
            plan.changes.addAll(world.changes())
        }
        if (outer != null) {
            // A plan { } inside a planned script: its calls belong to the whole plan too.
            outer.calls.addAll(plan.calls)
            outer.notes.addAll(plan.notes)
            outer.changes.addAll(plan.changes)
        }
        plan
    }

    /** The operations of a planned session: guard → planner → the real operations. */
    static CloudOperations planned(CloudOperations ops, Plan plan, PlannedWorld world, KecshSession session) {
        if (ops instanceof GuardedOperations) {
            return ((GuardedOperations) ops).around { CloudOperations inner -> planned(inner, plan, world, session) }
        }
        new PlanningOperations(ops, plan, world, session.clock)
    }

    /** True while a plan is recorded: a script's {@code planning}; {@code waitUntil { }} checks its condition once (see PlanningOperations). */
    static boolean active(KecshSession session) {
        session.plan != null
    }
}
