package io.kecsh.dsl.check

import groovy.transform.CompileStatic
import io.kecsh.runtime.catalog.LiveCatalogue
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.validate.Validator
import java.time.Clock
import java.util.concurrent.ConcurrentHashMap
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer

/**
 * Fails compilation when a script spells a literal the model does not know: an enumerated value
 * ({@code run type: 'S4.2X'}), a parameter or criterion name, or a fallback action. Every problem in
 * the script is reported at once, each at its line and column with what is allowed and a "did you
 * mean", worded by the same runtime validator that checks values known only at run time. Only
 * values known to be wrong fail compilation ({@link io.kecsh.runtime.validate.OpenValueRule}).
 */
@CompileStatic
class LiteralChecks extends CompilationCustomizer {
    private final ServiceModel model
    private final Validator validator
    /** The destructive calls each compiled script shows, by its file name (read by ScriptRunner before running). */
    private final Map<String, List<DestructiveCall>> destructive = new ConcurrentHashMap<>()
    /** The literal protect statements of each compiled script's body, by its file name. */
    private final Map<String, List<DeclaredProtection>> protections = new ConcurrentHashMap<>()

    LiteralChecks(ServiceModel model) {
        this(model, LiveCatalogue.NONE)
    }

    /**
     * Against the live catalogue too: a type only the service lists (S6.2B) compiles, a value no
     * source lists and that is known to be wrong (S4.2X) does not; an unknown value compiles and is
     * warned about when the call is made.
     */
    LiteralChecks(ServiceModel model, LiveCatalogue catalogue) {
        super(CompilePhase.SEMANTIC_ANALYSIS)
        this.model = model
        this.validator = new Validator(model, Clock.systemUTC(), catalogue)
    }

    LiteralChecks() {
        this(ServiceModel.bundled())
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        // Only the script class runs DSL code; classes a script declares are its own business.
        if (!classNode.isScript()) return
        List<DestructiveCall> seen = []
        new LiteralVisitor(source, model, validator, seen).visitClass(classNode)
        destructive[source.name] = seen
        protections[source.name] = DeclaredProtection.of(classNode)
    }

    /** The destructive calls the last compilation of this file showed (empty if none or not compiled here). */
    List<DestructiveCall> destructiveIn(String fileName) {
        destructive.getOrDefault(fileName, Collections.<DestructiveCall>emptyList())
    }

    /** The literal protect statements the last compilation of this file showed. */
    List<DeclaredProtection> protectionsIn(String fileName) {
        protections.getOrDefault(fileName, Collections.<DeclaredProtection>emptyList())
    }
}
