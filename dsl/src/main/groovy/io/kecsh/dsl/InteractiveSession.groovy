package io.kecsh.dsl

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.internal.InterruptibleInputs
import io.kecsh.dsl.engine.internal.SessionDeclarations
import io.kecsh.dsl.engine.plan.Planning

/**
 * What the shell evaluates its lines in: one {@link KecshSession} and one {@link Binding}, so a
 * variable set on one line is there on the next, declared ({@code def web = …}, {@link SessionDeclarations})
 * or not (a script run starts afresh each time instead).
 * With {@link #plan} on, each line runs planned and its value is the {@link io.kecsh.dsl.engine.plan.Plan}.
 */
class InteractiveSession {
    final KecshSession session
    final Binding binding = new Binding()
    private final ScriptRunner runner
    boolean plan

    InteractiveSession(KecshSession session) {
        this.session = session
        // the default checks, top-level declarations kept in the binding (def web = … then web on the next line),
        // and loops and sleeps that end when the shell interrupts the line (Ctrl-C)
        this.runner = new ScriptRunner(session, ScriptRunner.defaultCustomizers(session) + [new SessionDeclarations()]
            + InterruptibleInputs.customizers())
        binding.setVariable('kecshSession', session)
    }

    /** Evaluates one input (a line or a block); {@code name} is what errors name. */
    Object eval(String source, String name) {
        if (!plan) return runner.run(source, name, binding)
        Planning.run(session) { runner.run(source, name, binding) }
    }

    /**
     * Compiles (never runs) a typical line, so Groovy's compiler, the compile-time checks and the
     * DSL's classes are loaded before the first line a person types: the shell calls it in the
     * background while its prompt is already up.
     */
    void warmUp() {
        runner.check("instances { where state: 'active'; stop mode: 'StopCharging' }; kec.DescribeRegions()", 'warm-up')
    }

    /** The variables the lines so far have set (not kecsh's own). */
    Map<String, Object> getVariables() {
        binding.variables.findAll { k, v -> k != 'kecshSession' } as Map<String, Object>
    }
}
