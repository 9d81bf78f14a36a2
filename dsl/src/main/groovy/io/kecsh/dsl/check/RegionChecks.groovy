package io.kecsh.dsl.check

import groovy.transform.CompileStatic
import io.kecsh.runtime.validate.OpenValueRule
import io.kecsh.runtime.validate.RegionNames
import java.util.function.Function
import java.util.function.Supplier
import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.control.messages.SyntaxErrorMessage
import org.codehaus.groovy.syntax.SyntaxException

/**
 * Fails compilation when a script's {@code region '…'} names a region known to be wrong, so that a
 * script that works in several regions stops before its first call rather than after changing the
 * regions before the misspelt one (issue 14). The judgement is the client's
 * ({@link io.kecsh.runtime.client.CloudClient#judgeRegion}: the model, the live list, the name's
 * form); a region no source knows compiles and is warned about when the script switches to it.
 */
@CompileStatic
class RegionChecks extends CompilationCustomizer {
    private final Function<String, OpenValueRule.Verdict> judge
    private final Supplier<List<String>> known

    /**
     * @param judge the verdict on a region name (null: no opinion, as from a test double)
     * @param known the region names to suggest from
     */
    RegionChecks(Function<String, OpenValueRule.Verdict> judge, Supplier<List<String>> known) {
        super(CompilePhase.SEMANTIC_ANALYSIS)
        this.judge = judge
        this.known = known
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) return
        new ClassCodeVisitorSupport() {
            @Override
            protected SourceUnit getSourceUnit() {
                source
            }

            @Override
            void visitMethodCallExpression(MethodCallExpression call) {
                String region = regionLiteral(call)
                if (region != null && judge.apply(region) == OpenValueRule.Verdict.WRONG) {
                    source.errorCollector.addErrorAndContinue(new SyntaxErrorMessage(new SyntaxException(
                        "region: " + RegionNames.refusal(region, known.get()),
                        call.lineNumber, call.columnNumber, call.lastLineNumber, call.lastColumnNumber), source))
                }
                super.visitMethodCallExpression(call)
            }
        }.visitClass(classNode)
    }

    /** The name in {@code region 'cn-shanghai-2'} called on the script itself; null for anything else. */
    private static String regionLiteral(MethodCallExpression call) {
        if (call.methodAsString != 'region' || !call.implicitThis) return null
        if (!(call.arguments instanceof ArgumentListExpression)) return null
        List<?> args = ((ArgumentListExpression) call.arguments).expressions
        if (args.size() != 1 || !(args[0] instanceof ConstantExpression)) return null
        Object value = ((ConstantExpression) args[0]).value
        value instanceof String ? (String) value : null
    }
}
