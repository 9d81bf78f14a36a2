package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import groovy.transform.ThreadInterrupt
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer
import org.codehaus.groovy.ast.ClassHelper
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression
import org.codehaus.groovy.ast.expr.TupleExpression
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer
import org.codehaus.groovy.control.customizers.CompilationCustomizer

/**
 * What lets Ctrl-C stop a line the shell is running: the shell interrupts the evaluation thread,
 * but a busy loop ({@code while (true) { }}) never looks, and Groovy's {@code sleep} swallows the
 * interruption by design and sleeps on. So each input compiles with Groovy's {@link ThreadInterrupt}
 * (a check at each loop turn, closure and method start), and a {@code sleep(ms)} called without a
 * receiver becomes {@link #sleep}, which ends at the interruption.
 */
@CompileStatic
final class InterruptibleInputs {
    private InterruptibleInputs() {
    }

    static List<CompilationCustomizer> customizers() {
        [new ASTTransformationCustomizer(ThreadInterrupt), new InterruptibleSleep()] as List<CompilationCustomizer>
    }

    /** Sleeps, and ends with the {@link InterruptedException} when the thread is interrupted (Groovy's sleep carries on). */
    static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis)
    }

    /** {@code sleep 1000} and {@code sleep(1000)} (no receiver, one argument) call {@link InterruptibleInputs#sleep}. */
    private static final class InterruptibleSleep extends CompilationCustomizer {
        InterruptibleSleep() {
            super(CompilePhase.SEMANTIC_ANALYSIS)
        }

        @Override
        void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
            new ClassCodeExpressionTransformer() {
                @Override
                protected SourceUnit getSourceUnit() {
                    source
                }

                @Override
                Expression transform(Expression e) {
                    if (e instanceof ClosureExpression) {
                        ClosureExpression c = (ClosureExpression) e
                        c.code.visit(this)
                        return c
                    }
                    if (e instanceof MethodCallExpression) {
                        MethodCallExpression call = (MethodCallExpression) e
                        List<Expression> args = call.arguments instanceof TupleExpression ? ((TupleExpression) call.arguments).expressions : null
                        if (call.implicitThis && call.methodAsString == 'sleep' && args != null && args.size() == 1) {
                            StaticMethodCallExpression replaced = new StaticMethodCallExpression(ClassHelper.make(InterruptibleInputs), 'sleep',
                                new ArgumentListExpression(transform(args[0])))
                            replaced.sourcePosition = call
                            return replaced
                        }
                    }
                    e.transformExpression(this)
                }
            }.visitClass(classNode)
        }
    }
}
