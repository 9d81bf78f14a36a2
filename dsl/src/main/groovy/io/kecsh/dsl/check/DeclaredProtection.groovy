package io.kecsh.dsl.check

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.safety.Protection
import java.util.regex.Pattern
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.expr.BitwiseNegationExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.ListExpression
import org.codehaus.groovy.ast.expr.MapEntryExpression
import org.codehaus.groovy.ast.expr.MapExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.TupleExpression
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.Statement

/**
 * A {@code protect} rule the compiler can see: a statement of the script's body itself (not inside
 * a block, a condition or a method, so it certainly runs before everything written after it) whose
 * criteria are all literals ({@code protect name: ~/^db-/, reason: 'the databases'}). A rule built
 * from variables is still applied at each call; it is just not known before the first one.
 */
@CompileStatic
class DeclaredProtection {
    final Protection rule
    final int line
    final int column

    DeclaredProtection(Protection rule, int line, int column) {
        this.rule = rule
        this.line = line
        this.column = column
    }

    /** Whether the statement comes before the call in the script's text (and so runs before it). */
    boolean before(DestructiveCall call) {
        call.inBody && (line < call.line || (line == call.line && column < call.column))
    }

    /** The literal protect statements of a script class's body, in order. */
    static List<DeclaredProtection> of(ClassNode script) {
        MethodNode run = script.getDeclaredMethod('run', new org.codehaus.groovy.ast.Parameter[0])
        if (run == null || !(run.code instanceof BlockStatement)) return []
        List<DeclaredProtection> found = []
        for (Statement s : ((BlockStatement) run.code).statements) {
            if (!(s instanceof ExpressionStatement) || !(((ExpressionStatement) s).expression instanceof MethodCallExpression)) continue
            MethodCallExpression call = (MethodCallExpression) ((ExpressionStatement) s).expression
            if (!call.implicitThis || call.methodAsString != 'protect') continue
            Map<String, Object> criteria = literalCriteria(call)
            if (criteria == null) continue
            try {
                found << new DeclaredProtection(new Protection(criteria), call.lineNumber, call.columnNumber)
            } catch (IllegalArgumentException ignored) {
                // an unknown criterion: the call itself says so, with its line, when it runs
            }
        }
        found
    }

    private static Map<String, Object> literalCriteria(MethodCallExpression call) {
        List<Expression> args = call.arguments instanceof TupleExpression ? ((TupleExpression) call.arguments).expressions : [call.arguments]
        if (args.size() != 1 || !(args[0] instanceof MapExpression)) return null
        Map<String, Object> criteria = [:]
        for (MapEntryExpression e : ((MapExpression) args[0]).mapEntryExpressions) {
            Object key = e.keyExpression instanceof ConstantExpression ? ((ConstantExpression) e.keyExpression).value : null
            Object value = literal(e.valueExpression)
            if (!(key instanceof String) || value == null) return null
            criteria[(String) key] = value
        }
        criteria
    }

    /** A string, a pattern ({@code ~/…/}), or a list of those; null for anything known only at run time. */
    static Object literal(Expression e) {
        if (e instanceof ConstantExpression && ((ConstantExpression) e).value instanceof String) return ((ConstantExpression) e).value
        if (e instanceof BitwiseNegationExpression) {
            Expression inner = ((BitwiseNegationExpression) e).expression
            return inner instanceof ConstantExpression && ((ConstantExpression) inner).value instanceof String ? Pattern.compile((String) ((ConstantExpression) inner).value) : null
        }
        if (e instanceof ListExpression) {
            List<Object> items = ((ListExpression) e).expressions.collect { Expression i -> literal(i) }
            return items.isEmpty() || items.contains(null) ? null : items
        }
        null
    }
}
