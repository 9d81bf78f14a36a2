package io.kecsh.dsl.check

import groovy.transform.CompileStatic
import io.kecsh.dsl.CloudScript
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.ParameterNames
import io.kecsh.dsl.engine.ServiceProxy
import io.kecsh.dsl.engine.TakesActions
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.safety.Targets
import io.kecsh.dsl.result.WaitStates
import io.kecsh.dsl.result.WaitsFor
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.Service
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.validate.Problem
import io.kecsh.runtime.validate.Validator
import java.lang.reflect.Method
import java.util.regex.Pattern
import org.codehaus.groovy.ast.ASTNode
import org.codehaus.groovy.ast.ClassCodeVisitorSupport
import org.codehaus.groovy.ast.DynamicVariable
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.ListExpression
import org.codehaus.groovy.ast.expr.MapEntryExpression
import org.codehaus.groovy.ast.expr.MapExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.PropertyExpression
import org.codehaus.groovy.ast.expr.TupleExpression
import org.codehaus.groovy.ast.expr.UnaryMinusExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.ast.stmt.BlockStatement
import org.codehaus.groovy.ast.stmt.Statement
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.messages.SyntaxErrorMessage
import org.codehaus.groovy.syntax.SyntaxException

/**
 * Walks a script the way the DSL resolves it at run time: {@code instances { … }} makes
 * InstancesContext the delegate (read from the {@code @DelegatesTo} of the block's parameter),
 * implicit calls go to the innermost delegate first, {@code instances.where(…)} and
 * {@code kec.Action(…)} go through the script's getters. Calls to {@link io.kecsh.dsl.engine.Verb}s with
 * literal named arguments are checked; anything only known at run time (variables, GStrings,
 * computed keys) is left to the runtime validator.
 */
@CompileStatic
class LiteralVisitor extends ClassCodeVisitorSupport {
    private final SourceUnit source
    private final ServiceModel model
    private final Validator validator
    private static final String WAIT = 'waitUntil'

    /** The delegates in scope, innermost first; the script itself is the outermost. */
    private final Deque<Class<?>> contexts = new ArrayDeque<>()

    /** Where the destructive calls the script shows are reported (see {@link DestructiveCall}). */
    private final List<DestructiveCall> destructive
    /** Visiting the script's body (its run method), not a method it declares. */
    private boolean inBody
    /**
     * What the innermost {@code instances { }} block has chosen before the statement being visited,
     * as protect's criteria ({@link ChoiceWords}); null when nothing is known.
     */
    private Map<String, Object> chosen

    LiteralVisitor(SourceUnit source, ServiceModel model, Validator validator, List<DestructiveCall> destructive = []) {
        this.destructive = destructive
        this.source = source
        this.model = model
        this.validator = validator
        contexts.push(CloudScript)
    }

    @Override
    protected SourceUnit getSourceUnit() {
        source
    }

    @Override
    protected void visitConstructorOrMethod(MethodNode node, boolean isConstructor) {
        inBody = !isConstructor && node.name == 'run' && node.parameters.length == 0
        super.visitConstructorOrMethod(node, isConstructor)
    }

    @Override
    void visitMethodCallExpression(MethodCallExpression call) {
        String name = call.methodAsString
        if (name == null) {
            super.visitMethodCallExpression(call)
            return
        }
        if (call.implicitThis || isThis(call.objectExpression)) {
            implicitCall(call, name)
            return
        }
        Class<?> receiver = receiverType(call.objectExpression)
        if (receiver != null && TakesActions.isAssignableFrom(receiver) && Character.isUpperCase(name.charAt(0))) {
            fallbackCall(call, name, serviceNameOf(call.objectExpression))
        } else if (receiver != null) {
            Verbs.Info verb = Verbs.of(receiver)[name]
            if (verb != null) checkVerb(verb, name, namedArguments(call), call)
            if (name == WAIT) checkWaitState(call, waitStates(receiver))
        } else if (name == WAIT && dynamicRoot(call.objectExpression)) {
            // web.waitUntil 'activ': the type of web is known only at run time, but no resource has that state.
            checkWaitState(call, WaitStates.all().values().collectMany { it.keySet() }.unique())
        }
        super.visitMethodCallExpression(call)
    }

    /** Resolves like DELEGATE_FIRST: the innermost delegate that has the method takes the call. */
    private void implicitCall(MethodCallExpression call, String name) {
        for (Class<?> context : contexts) {
            Collection<String> states = name == WAIT ? waitStates(context) : null
            if (states != null) {
                checkWaitState(call, states)
                break
            }
            Verbs.Info verb = Verbs.of(context)[name]
            if (verb != null) {
                // the innermost block's choice is the one its verbs act on
                checkVerb(verb, name, namedArguments(call), call, context.is(contexts.peek()) ? chosen : null)
                break
            }
            if (TakesActions.isAssignableFrom(context) && Character.isUpperCase(name.charAt(0)) && !hasOwnMethod(context, name)) {
                // kms { GetKmsInstance(…) }: the block's fallback, checked as kms.GetKmsInstance(…) is
                fallbackCall(call, name, serviceNameOf(context))
                break
            }
            Class<?> delegate = blockDelegate(context, name)
            if (delegate != null) {
                call.objectExpression.visit(this)
                visitWithDelegate(call.arguments, delegate)
                return
            }
            if (hasMethod(context, name)) break
        }
        super.visitMethodCallExpression(call)
    }

    private void visitWithDelegate(Expression arguments, Class<?> delegate) {
        List<Expression> args = arguments instanceof TupleExpression ? ((TupleExpression) arguments).expressions : [arguments]
        for (Expression arg : args) {
            if (arg instanceof ClosureExpression) {
                contexts.push(delegate)
                Map<String, Object> outer = chosen
                chosen = null
                try {
                    Statement code = ((ClosureExpression) arg).code
                    if (ChoiceWords.chooses(delegate) && code instanceof BlockStatement) visitChoosing((BlockStatement) code)
                    else arg.visit(this)
                } finally {
                    contexts.pop()
                    chosen = outer
                }
            } else {
                arg.visit(this)
            }
        }
    }

    /**
     * An {@code instances { }} block, statement by statement, knowing what is chosen before each: a
     * {@code where} (or {@code list}) statement of the block itself chooses for the statements after
     * it; one inside a condition or a loop makes the choice unknown from there on.
     */
    private void visitChoosing(BlockStatement block) {
        for (Statement s : block.statements) {
            MethodCallExpression choice = ChoiceWords.directChoice(s)
            if (choice == null && ChoiceWords.mentionsChoice(s)) chosen = null
            s.visit(this)
            if (choice != null) chosen = ChoiceWords.criteria(choice)
        }
    }

    /**
     * {@code kec.RunInstances(InstanceType: 'S4.2B')}, {@code kms.GetKmsInstance(…)}: any name that
     * {@link TakesActions} of a modelled service; the action must exist, its parameters and literals too.
     */
    private void fallbackCall(MethodCallExpression call, String action, String serviceName) {
        Service service = serviceName == null ? null : model.service(serviceName).orElse(null)
        if (service == null) return
        Operation op
        try {
            op = ServiceProxy.requireOperation(service, serviceName, action)
        } catch (IllegalArgumentException e) {
            error(call.method, e.message)
            return
        }
        String label = "${serviceName}.${op.name()}"
        if (op.destructive()) {
            String target = Targets.targetParameter(op)
            Expression given = target == null ? null : namedArguments(call).find { constantString(it.keyExpression) == target }?.valueExpression
            Object ids = given == null ? null : DeclaredProtection.literal(given)
            destructive << new DestructiveCall(label, label, call.lineNumber, call.columnNumber, Targets.kindOf(op),
                ids instanceof Pattern || ids == null ? null : [id: ids] as Map<String, Object>, inBody)
        }
        namedArguments(call).each { MapEntryExpression entry ->
            String key = constantString(entry.keyExpression)
            if (key == null) return
            String api = apiName(op, key, label, [], entry.keyExpression)
            if (api != null) checkValue(op, api, "${label} ${key}", entry.valueExpression)
        }
    }

    private void checkVerb(Verbs.Info verb, String label, List<MapEntryExpression> named, MethodCallExpression call, Map<String, Object> selection = null) {
        Operation op = model.findOperation(verb.action).orElse(null)
        if (op == null) return   // a spec checks every @Verb names a real action
        if (op.destructive()) {
            destructive << new DestructiveCall(label, "${model.serviceOf(op).name()}.${op.name()}".toString(), call.lineNumber, call.columnNumber,
                Targets.kindOf(op), verb.selected ? selection : null, inBody)
        }
        named.each { MapEntryExpression entry ->
            String key = constantString(entry.keyExpression)
            if (key == null) return
            Verbs.Word word
            try {
                word = verb.word(op, key)
            } catch (IllegalArgumentException e) {
                error(entry.keyExpression, e.message)
                return
            }
            checkCount(verb, op, word, entry.valueExpression)
            checkWord(op, word, "${label} ${key}", entry.valueExpression)
        }
    }

    /** A known word's literal value: a filter's against the filter's values, a parameter's against the parameter. */
    protected void checkWord(Operation op, Verbs.Word word, String label, Expression valueExpression) {
        if (word.kind == Verbs.Word.Kind.FILTER) checkFilter(op, word.target, label, valueExpression)
        else if (word.parameter != null && op.params().containsKey(word.parameter)) checkValue(op, word.parameter, label, valueExpression)
    }

    /** An own word that counts a parameter ({@code run count: 0}): at least the parameter's minimum in the model. */
    private void checkCount(Verbs.Info verb, Operation op, Verbs.Word word, Expression valueExpression) {
        String tooFew = word.kind == Verbs.Word.Kind.OWN ? verb.tooFew(op, word.word, number(valueExpression)) : null
        if (tooFew != null) error(valueExpression, tooFew)
    }

    /** {@code waitUntil 'active'}: the first positional literal must be a state of that resource. */
    private void checkWaitState(MethodCallExpression call, Collection<String> states) {
        if (states == null) return
        Expression arg = positionalArguments(call).find()
        String state = arg == null ? null : constantString(arg)
        if (state != null && !states.contains(state)) error(arg, WaitStates.unknown(state, states))
    }

    /** The states a class's {@code waitUntil} takes, from its {@link WaitsFor}; null when it has none. */
    private static Collection<String> waitStates(Class<?> type) {
        String resource = WaitStates.declaredBy(type)
        resource == null ? null : WaitStates.of(resource).keySet()
    }

    /** {@code web}, {@code web[0]}, {@code web.first()}: rooted in an untyped local or a script name. */
    private static boolean dynamicRoot(Expression e) {
        Expression at = e
        while (true) {
            if (at instanceof VariableExpression) {
                VariableExpression v = (VariableExpression) at
                return !v.isThisExpression() && !v.isSuperExpression() && v.isDynamicTyped()
            }
            if (at instanceof PropertyExpression) at = ((PropertyExpression) at).objectExpression
            else if (at instanceof MethodCallExpression) at = ((MethodCallExpression) at).objectExpression
            else if (at instanceof BinaryExpression) at = ((BinaryExpression) at).leftExpression
            else return false
        }
    }

    private String apiName(Operation op, String key, String label, List<String> extra, ASTNode at) {
        try {
            ParameterNames.apiName(op, key, label, extra)
        } catch (IllegalArgumentException e) {
            error(at, e.message)
            null
        }
    }

    private void checkValue(Operation op, String api, String label, Expression valueExpression) {
        Object literal = literal(valueExpression)
        if (literal == null) return
        // a number or a flag has no spelling to suggest: any value the model rules out is known to be wrong
        boolean anyInvalid = !(literal instanceof String) && !(literal instanceof List)
        report(validator.validate(op, [(api): literal]).problems(), api, label, valueExpression, anyInvalid)
    }

    private void checkFilter(Operation op, String filterName, String label, Expression valueExpression) {
        Object literal = literal(valueExpression)
        if (literal == null) return
        List<Object> values = literal instanceof List ? (List<Object>) literal : [literal]
        Map<String, Object> request = [Filter: [[Name: filterName, Value: values]]] as Map<String, Object>
        report(validator.validate(op, request).problems(), 'Filter.1.Value', label, valueExpression, false)
    }

    /** The enumeration problems (or, {@code anyInvalid}, every invalid value) at {@code path}, each at its literal (the item of a list literal). */
    private void report(List<Problem> problems, String path, String label, Expression valueExpression, boolean anyInvalid) {
        problems.findAll { Problem p -> (anyInvalid ? invalid(p) : enumProblem(p)) && (p.path() == path || p.path().startsWith(path + '.')) }.each { Problem p ->
            String text = p.message().startsWith(p.path() + ': ') ? p.message().substring(p.path().length() + 2) : p.message()
            error(itemAt(valueExpression, p.path(), path), "${label}: ${text}")
        }
    }

    /**
     * A value outside an enumeration that is known to be wrong: the runtime validator lists what is
     * allowed for those. An unknown value of an open enumeration is a warning, left to run time.
     */
    private static boolean enumProblem(Problem p) {
        invalid(p) && !p.allowed().isEmpty()
    }

    /** A value the validator refuses outright: out of range, or ruled out ({@code ForceDelete} only true). */
    private static boolean invalid(Problem p) {
        p.kind() == Problem.Kind.INVALID_VALUE && !p.warning()
    }

    private static Expression itemAt(Expression value, String problemPath, String path) {
        if (!(value instanceof ListExpression) || problemPath.length() <= path.length() + 1) return value
        String rest = problemPath.substring(path.length() + 1)
        int dot = rest.indexOf('.')
        String index = dot < 0 ? rest : rest.substring(0, dot)
        List<Expression> items = ((ListExpression) value).expressions
        index.isInteger() && index.toInteger() in 1..items.size() ? items[index.toInteger() - 1] : value
    }

    /** A String, number or boolean constant, or a list of strings; null for anything decided at run time. */
    private static Object literal(Expression e) {
        Number n = number(e)
        if (n != null) return n
        if (e instanceof ConstantExpression && ((ConstantExpression) e).value instanceof Boolean) return ((ConstantExpression) e).value
        if (e instanceof ConstantExpression && ((ConstantExpression) e).value instanceof String) return ((ConstantExpression) e).value
        if (e instanceof ListExpression) {
            List<Expression> items = ((ListExpression) e).expressions
            if (!items.isEmpty() && items.every { Expression i -> i instanceof ConstantExpression && ((ConstantExpression) i).value instanceof String }) {
                return items.collect { Expression i -> ((ConstantExpression) i).value }
            }
        }
        null
    }

    /** A number literal, {@code -3} included; null otherwise. */
    private static Number number(Expression e) {
        if (e instanceof ConstantExpression && ((ConstantExpression) e).value instanceof Number) return (Number) ((ConstantExpression) e).value
        if (e instanceof UnaryMinusExpression) {
            Number n = number(((UnaryMinusExpression) e).expression)
            return n == null ? null : (Number) (new BigDecimal(n.toString()).negate())
        }
        null
    }

    private static String constantString(Expression e) {
        e instanceof ConstantExpression && ((ConstantExpression) e).value instanceof String ? (String) ((ConstantExpression) e).value : null
    }

    private static List<Expression> positionalArguments(MethodCallExpression call) {
        Expression args = call.arguments
        List<Expression> list = args instanceof TupleExpression ? ((TupleExpression) args).expressions : [args]
        list.findAll { !(it instanceof MapExpression) }
    }

    private static List<MapEntryExpression> namedArguments(MethodCallExpression call) {
        Expression args = call.arguments
        List<Expression> list = args instanceof TupleExpression ? ((TupleExpression) args).expressions : [args]
        list.findAll { it instanceof MapExpression }.collectMany { ((MapExpression) it).mapEntryExpressions }
    }

    private static boolean isThis(Expression e) {
        e instanceof VariableExpression && ((VariableExpression) e).isThisExpression()
    }

    /** The type a script-level name stands for ({@code instances}, {@code kec}), from the delegates' getters. */
    private Class<?> receiverType(Expression e) {
        String name = scriptName(e)
        if (name == null) return null
        for (Class<?> context : contexts) {
            Method getter = context.methods.find { Method m -> m.name == 'get' + name.capitalize() && m.parameterCount == 0 }
            if (getter != null) return getter.returnType
        }
        null
    }

    /** {@code instances} or {@code this.instances}, when not a local variable of the script. */
    private static String scriptName(Expression e) {
        if (e instanceof VariableExpression) {
            VariableExpression v = (VariableExpression) e
            boolean dynamic = v.accessedVariable == null || v.accessedVariable instanceof DynamicVariable
            return dynamic && !v.isThisExpression() && !v.isSuperExpression() ? v.name : null
        }
        if (e instanceof PropertyExpression && isThis(((PropertyExpression) e).objectExpression)) {
            return ((PropertyExpression) e).propertyAsString
        }
        null
    }

    /** The service a {@link TakesActions} getter of the script stands for, asked of what the getter returns. */
    private String serviceNameOf(Expression e) {
        String name = scriptName(e)
        Method getter = name == null ? null : CloudScript.methods.find { Method m -> m.name == 'get' + name.capitalize() && m.parameterCount == 0 }
        if (getter == null) return null
        Object proxy = getter.invoke(Probe.SCRIPT)
        proxy instanceof TakesActions ? ((TakesActions) proxy).serviceName : null
    }

    /** The service a {@link TakesActions} block stands for ({@code kms { }}), asked of the script getter that returns its context. */
    private static String serviceNameOf(Class<?> context) {
        Method getter = CloudScript.methods.find { Method m -> m.name.startsWith('get') && m.parameterCount == 0 && m.returnType == context }
        Object proxy = getter?.invoke(Probe.SCRIPT)
        proxy instanceof TakesActions ? ((TakesActions) proxy).serviceName : null
    }

    /** A method the class declares itself (not the methodMissing fallback), e.g. KmsContext's verbs. */
    private static boolean hasOwnMethod(Class<?> context, String name) {
        context.methods.any { Method m -> m.name == name && m.declaringClass != Object && m.declaringClass != Script && m.declaringClass != GroovyObject }
    }

    /** The {@code @DelegatesTo} class of a method's closure parameter, if it has one. */
    static Class<?> blockDelegate(Class<?> context, String name) {
        for (Method m : context.methods) {
            if (m.name != name) continue
            for (int i = 0; i < m.parameterCount; i++) {
                DelegatesTo d = (DelegatesTo) m.parameterAnnotations[i].find { it instanceof DelegatesTo }
                if (d != null && Closure.isAssignableFrom(m.parameterTypes[i]) && d.value() != DelegatesTo.Target) return d.value()
            }
        }
        null
    }

    private static boolean hasMethod(Class<?> context, String name) {
        context.methods.any { Method m -> m.name == name && m.declaringClass != Object && m.declaringClass != Script && m.declaringClass != GroovyObject } ||
            context.methods.any { Method m -> m.name == 'methodMissing' && m.declaringClass == context }
    }

    private void error(ASTNode at, String message) {
        source.errorCollector.addErrorAndContinue(new SyntaxErrorMessage(
            new SyntaxException(message, at.lineNumber, at.columnNumber, at.lastLineNumber, at.lastColumnNumber), source))
    }

    /** A bare script to ask the ServiceProxy getters which service they stand for. */
    private static final class Probe extends CloudScript {
        static final Probe SCRIPT = new Probe()

        /** No session: the getters only build their proxies, nothing is called. */
        @Override
        KecshSession getKecshSession() {
            null
        }

        @Override
        Object run() {
            null
        }
    }
}
