package io.kecsh.repl.shell

import io.kecsh.dsl.CloudScript
import io.kecsh.dsl.check.LiteralVisitor
import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.Defaults
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.context.ResourceContext
import io.kecsh.dsl.ide.DslClasses
import io.kecsh.dsl.ide.Gdsl
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.validate.Validator
import java.time.Clock
import java.time.Duration
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.classgen.GeneratorContext
import org.codehaus.groovy.control.CompilePhase
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.MultipleCompilationErrorsException
import org.codehaus.groovy.control.SourceUnit
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.jline.reader.Candidate
import spock.lang.Shared
import spock.lang.Specification

/**
 * One word, one meaning, wherever it is read: for every verb of every block and every word the
 * shell offers for it, what completion says the word is, what :help shows, what the IDE descriptor
 * documents, what the compile-time check checks it as, and the parameter the call sends it as are
 * the same — an API parameter, a filter, or a word the verb handles itself.
 */
class VerbWordsAgreeSpec extends Specification {
    static final String OWN = 'own'

    @Shared
    ServiceModel model = ServiceModel.bundled()
    @Shared
    DslVocabulary vocabulary = new DslVocabulary(model)
    @Shared
    ShellCompleter completer = new ShellCompleter(vocabulary, new ShellCommands(),
        new LiveIds(model, { null }, { 'none' }, Clock.systemUTC(), Duration.ofMinutes(1)))
    @Shared
    HelpText help = new HelpText(vocabulary)
    @Shared
    String gdsl = new Gdsl(model).generate()

    def "#context.simpleName #verb.name: completion, :help, kecsh.gdsl, the compile-time check and the call read each word alike"() {
        given:
        Operation op = model.requireOperation(verb.action)
        String block = blockWord(context)
        Map<String, String> offered = completion("${block} { ${verb.name} ")

        expect: 'the shell offers the verb its words'
        !offered.isEmpty()

        and: 'the IDE descriptor documents each word offered with the same meaning, and the shell offers every parameter it documents —'
        and: 'once: the first of its words (the shell offers the API names after a capital, accepted as they are)'
        Map<String, String> ide = ideWords(context, verb.name)
        Map<String, String> friendly = offered.findAll { w, meaning -> !Character.isUpperCase(w.charAt(0)) }
        friendly.every { w, meaning -> ide[w] == meaning }
        friendly.values() as Set == ide.values() as Set

        and: ':help shows each word against the same parameter'
        Map<String, String> shown = helpWords(context, verb, op)
        offered.every { w, meaning -> shown[w] == meaning }

        and: 'the compile-time check reads each word as that parameter'
        offered.every { w, meaning -> checkedAs(block, verb.name, w) == meaning }

        and: 'the call sends each parameter word as that parameter (run reads its words inline; DslSeamSpec and the sandbox specs send them)'
        verb.name == 'run' || offered.findAll { w, meaning -> meaning != OWN && !meaning.startsWith('filter ') }.every { w, meaning ->
            sentAs(context, verb, w) == meaning
        }

        where:
        [context, verb] << DslClasses.reachable().collectMany { Class<?> c -> Verbs.of(c).values().collect { [c, it] } }
    }

    def "#context.simpleName #verb.name: what the verb fills itself (its argument, the selection) is declared, and :help never calls it required"() {
        given:
        Operation op = model.requireOperation(verb.action)
        boolean takesArgument = context.methods.findAll { it.name == verb.name && it.isAnnotationPresent(io.kecsh.dsl.engine.Verb) }
            .any { m -> m.parameterTypes.any { !Map.isAssignableFrom(it) } }
        String filled = verb.selected ?: verb.argument
        List<String> section = helpSection(context, verb).readLines()

        expect: 'a verb that takes an argument says which API parameter it becomes'
        !takesArgument || filled != null

        and: 'the declared parameter is one of the action\'s'
        filled == null || op.params().containsKey(filled)

        and: ':help says where it comes from, not that it must be typed'
        filled == null || section.findAll { it =~ /^  \w+:\s+${filled} \(/ }.every { line ->
            !line.contains('required') && (line.contains('from the argument') || line.contains('from the selection'))
        }

        where:
        [context, verb] << DslClasses.reachable().collectMany { Class<?> c -> Verbs.of(c).values().collect { [c, it] } }
    }

    def "the shell completes a word as the parameter it fills"() {
        expect:
        completion('instances { run ')['type'] == 'InstanceType'
        completion('instances { stop ')['force'] == 'ForceStop'
        completion('instances { reboot ')['force'] == 'ForceReboot'
        completion('instances { where ')['state'] == 'filter instance-state.name'
        completion('instances { run ')['count'] == OWN
        completion("kms { upgrade 'kst-1', ")['token'] == 'ClientToken'
    }

    def ":help shows a verb even where an action's name differs from it only in case"() {
        expect:
        help.of('importKey').startsWith('keys { importKey … } calls sks.ImportKey')
        help.of('ImportKey').startsWith('sks.ImportKey')
    }

    /** The block word a script opens this context with ({@code instances} → InstancesContext). */
    private String blockWord(Class<?> context) {
        String word = vocabulary.wordsIn(CloudScript).find { vocabulary.open(CloudScript, it) == context }
        assert word != null: "no script word opens ${context.simpleName}"
        word
    }

    /** Completion's parameter words at the buffer → what each is, from its description. */
    private Map<String, String> completion(String buffer) {
        completer.candidates(buffer, buffer.length()).findAll { Candidate c -> c.group() == 'parameter' }.collectEntries { Candidate c ->
            [c.value().replace(': ', ''), meaning(c.descr())]
        }
    }

    /** "InstanceType: string, required — …" → InstanceType; "filter x" and "handled by run itself" as they are read everywhere. */
    private static String meaning(String doc) {
        if (doc.startsWith('handled by ')) return OWN
        if (doc.startsWith('filter ')) return doc.split(';')[0]
        doc.split(':')[0]
    }

    /** The named parameters kecsh.gdsl gives one verb of one context → what each is, from its doc. */
    private Map<String, String> ideWords(Class<?> context, String verb) {
        String contributor = gdsl.substring(gdsl.indexOf("contributor(${context.simpleName.uncapitalize()}) {"))
        contributor = contributor.substring(0, contributor.indexOf('\n}\n'))
        String method = contributor.substring(contributor.indexOf("method name: '${verb}',"))
        method = method.substring(0, method.indexOf('\n        ]'))
        (method =~ /parameter\(name: '([^']+)', type: '[^']+', doc: '((?:[^'\\]|\\.)*)'\)/).results().toList()
            .collectEntries { m -> [m.group(1), meaning(m.group(2))] }
    }

    /** The part of :help VERB about this context's verb. */
    private String helpSection(Class<?> context, Verbs.Info verb) {
        List<String> sections = help.of(verb.name).split(/\n(?=\w+ \{ )/) as List<String>
        String section = sections.find { it.startsWith("${blockWord(context)} { ${verb.name} ") }
        assert section != null: ":help ${verb.name} has no section for ${context.simpleName}"
        section
    }

    /** What :help VERB shows for this context: each word it lists, as the verb itself, a filter or the parameter it fills. */
    private Map<String, String> helpWords(Class<?> context, Verbs.Info verb, Operation op) {
        String section = helpSection(context, verb)
        Map<String, String> out = [:]
        section.eachLine { String line ->
            def word = line =~ /^  (\w+):\s+(.*)$/
            if (!word.matches()) return
            String says = word.group(2)
            if (says.startsWith('how many: ')) out[word.group(1)] = OWN   // a count the verb splits into calls itself
            else if (says.startsWith('handled by ') || says.startsWith('filter ')) out[word.group(1)] = meaning(says)
            else {
                def param = says =~ /^(\w+) \(/
                if (param.find()) {
                    out[word.group(1)] = param.group(1)
                    out[param.group(1)] = param.group(1)   // the line names the API parameter, which the verb also takes as it is
                }
            }
        }
        out
    }

    /** How the compile-time check reads {@code word:} in {@code block { verb word: '…' }}: the parameter or filter it checks, or own. */
    private String checkedAs(String block, String verb, String word) {
        List<String> seen = []
        CompilerConfiguration config = new CompilerConfiguration(scriptBaseClass: CloudScript.name)
        config.addCompilationCustomizers(new CompilationCustomizer(CompilePhase.SEMANTIC_ANALYSIS) {
            @Override
            void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
                if (classNode.isScript()) new Recording(source, model, seen).visitClass(classNode)
            }
        })
        try {
            new GroovyShell(config).parse("${block} { ${verb} ${word}: 'kecsh-agreement' }")
        } catch (MultipleCompilationErrorsException ignored) {
            // the literal is no valid value of an enumerated parameter: what matters here is what it was checked as
        }
        seen.size() == 1 ? seen[0] : "not checked (${seen})".toString()
    }

    /** The API parameter a call of the verb sends the word as, through the context's own reading (ResourceContext.params, InstancesContext's). */
    private String sentAs(Class<?> context, Verbs.Info verb, String word) {
        CloudOperations ops = Stub(CloudOperations) { getModel() >> model; getRegion() >> 'cn-beijing-6' }
        KecshSession session = new KecshSession(ops, new Defaults([:], null), null)
        Object ctx = context.getConstructor(KecshSession).newInstance(session)
        Map<String, Object> sent = ResourceContext.isAssignableFrom(context) ? ctx.params(verb, [(word): 'v']) : ctx.apiParams(verb, verb.name, [(word): 'v'])
        sent.keySet().join(',')
    }

    /** The compile-time check, noting each word it checks and as what. */
    static class Recording extends LiteralVisitor {
        final List<String> seen

        Recording(SourceUnit source, ServiceModel model, List<String> seen) {
            super(source, model, new Validator(model))
            this.seen = seen
        }

        @Override
        protected void checkWord(Operation op, Verbs.Word word, String label, Expression valueExpression) {
            seen << (word.kind == Verbs.Word.Kind.FILTER ? "filter ${word.target}".toString() : word.kind == Verbs.Word.Kind.OWN ? OWN : word.target)
            super.checkWord(op, word, label, valueExpression)
        }
    }
}
