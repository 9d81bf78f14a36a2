package io.kecsh.dsl.check

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.context.InstancesContext
import org.codehaus.groovy.ast.CodeVisitorSupport
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.MapEntryExpression
import org.codehaus.groovy.ast.expr.MapExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.TupleExpression
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.Statement

/**
 * What an {@code instances { where … }} statement chooses, in protect's words, for the check before
 * a script's first call ({@link VisibleRefusals}): {@code where name: ~/^db-/, state: 'active'}
 * chooses {@code [name: ~/^db-/]} (only the criteria protect has count; the others only narrow),
 * {@code list()} chooses everything ({@code [:]}).
 */
@CompileStatic
final class ChoiceWords {
    private static final Set<String> CHOOSING = ['where', 'list'] as Set<String>
    /** where's words → protect's criterion. */
    private static final Map<String, String> AS_PROTECT = [name: 'name', type: 'type', id: 'id', ids: 'id']

    private ChoiceWords() {
    }

    /** Whether a block with this delegate chooses resources for the verbs after the choice. */
    static boolean chooses(Class<?> delegate) {
        delegate == InstancesContext
    }

    /** The statement's own {@code where(…)}/{@code list()} ({@code def db = where …} too), or null. */
    static MethodCallExpression directChoice(Statement s) {
        Expression e = s instanceof ExpressionStatement ? ((ExpressionStatement) s).expression : null
        if (e instanceof BinaryExpression && ((BinaryExpression) e).operation.text == '=') e = ((BinaryExpression) e).rightExpression
        e instanceof MethodCallExpression && ((MethodCallExpression) e).implicitThis && ((MethodCallExpression) e).methodAsString in CHOOSING ?
            (MethodCallExpression) e : null
    }

    /** Whether a choice is made anywhere inside the statement (a where in a condition, a loop, a nested block). */
    static boolean mentionsChoice(Statement s) {
        boolean[] found = [false] as boolean[]
        s.visit(new CodeVisitorSupport() {
            @Override
            void visitMethodCallExpression(MethodCallExpression call) {
                if (call.methodAsString in CHOOSING) found[0] = true
                super.visitMethodCallExpression(call)
            }
        })
        found[0]
    }

    /** The choice as protect's criteria with literal values; null when any of it is known only at run time. */
    static Map<String, Object> criteria(MethodCallExpression choice) {
        if (choice.methodAsString == 'list') return [:]
        List<Expression> args = choice.arguments instanceof TupleExpression ? ((TupleExpression) choice.arguments).expressions : [choice.arguments]
        if (args.size() != 1 || !(args[0] instanceof MapExpression)) return null
        Map<String, Object> out = [:]
        for (MapEntryExpression e : ((MapExpression) args[0]).mapEntryExpressions) {
            Object key = e.keyExpression instanceof ConstantExpression ? ((ConstantExpression) e.keyExpression).value : null
            if (!(key instanceof String)) return null
            String criterion = AS_PROTECT[(String) key]
            if (criterion == null) continue
            Object value = DeclaredProtection.literal(e.valueExpression)
            if (value != null) out[criterion] = value   // not literal: left unstated, so nothing is proven from it
        }
        out
    }
}
