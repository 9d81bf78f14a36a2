package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.Parameter
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.CastExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.EmptyExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.ExpressionStatement
import org.codehaus.groovy.ast.stmt.Statement
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.syntax.Token
import org.codehaus.groovy.syntax.Types

/**
 * In the shell each line is its own script, so a {@code def web = …} on one line would be a local
 * the next line cannot see. As groovysh does, a declaration at the top level of an input becomes
 * an assignment to the session's binding: {@code def a = 5} keeps {@code a}, and a typed one
 * ({@code String s = 'x'}, {@code int n = 2}) keeps its type's conversion as a cast. Declarations
 * inside blocks, closures, methods and classes stay local, and {@code @Field} is left alone.
 * Scripts run from files never get this: they are one compilation, where locals are enough.
 */
@CompileStatic
final class SessionDeclarations extends CompilationCustomizer {
    SessionDeclarations() {
        // before semantic analysis: the scopes are then computed for binding variables, not locals
        super(CompilePhase.CONVERSION)
    }

    @Override
    void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) return
        MethodNode run = classNode.getMethod('run', Parameter.EMPTY_ARRAY)
        if (run == null || !(run.code instanceof BlockStatement)) return
        List<Statement> statements = ((BlockStatement) run.code).statements
        for (int i = 0; i < statements.size(); i++) {
            Statement kept = kept(statements[i])
            if (kept != null) statements[i] = kept
        }
    }

    /** The statement as an assignment to the binding, or null when it is not a plain top-level declaration. */
    private static Statement kept(Statement statement) {
        if (!(statement instanceof ExpressionStatement)) return null
        Expression e = ((ExpressionStatement) statement).expression
        if (!(e instanceof DeclarationExpression)) return null
        DeclarationExpression d = (DeclarationExpression) e
        if (d.isMultipleAssignmentDeclaration() || !d.annotations.isEmpty()) return null
        VariableExpression variable = d.variableExpression
        Expression value = d.rightExpression instanceof EmptyExpression ? ConstantExpression.NULL : d.rightExpression
        if (!variable.isDynamicTyped()) value = new CastExpression(variable.originType, value).tap { it.sourcePosition = d.rightExpression }
        VariableExpression target = new VariableExpression(variable.name)
        target.sourcePosition = variable
        BinaryExpression assignment = new BinaryExpression(target, Token.newSymbol(Types.ASSIGN, d.operation.startLine, d.operation.startColumn), value)
        assignment.sourcePosition = d
        ExpressionStatement replaced = new ExpressionStatement(assignment)
        replaced.sourcePosition = statement
        statement.statementLabels?.each { String label -> replaced.addStatementLabel(label) }
        replaced
    }
}
