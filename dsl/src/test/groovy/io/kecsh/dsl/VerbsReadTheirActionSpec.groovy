package io.kecsh.dsl

import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import java.nio.file.Files
import java.nio.file.Path
import org.codehaus.groovy.ast.AnnotationNode
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.CodeVisitorSupport
import org.codehaus.groovy.ast.MethodNode
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.Phases
import spock.lang.Specification

/**
 * A verb's action is written once, in its {@code @Verb}: the body reads it from there (the
 * context's {@code declared('stop')}, {@code Verbs.of(…)}), never types {@code 'StopInstances'} again —
 * nor does any other method of the context (a helper reading every page of where's DescribeInstances
 * asks {@code declared('where').action}). Read from the Groovy sources' syntax trees, so a comment, or
 * an action no verb of the class declares, is no finding.
 */
class VerbsReadTheirActionSpec extends Specification {
    static final Path SOURCES = Path.of('src/main/groovy')

    def "no method of a context names an action one of its @Verbs declares"() {
        given:
        List<Path> files = Files.walk(SOURCES).withCloseable { s -> s.filter { it.toString().endsWith('.groovy') }.toList() }

        when:
        Map<String, String> sources = files.findAll { Files.readString(it).contains('@Verb(') }
            .collectEntries { [SOURCES.relativize(it).toString(), Files.readString(it)] }
        List<String> found = retyped(sources)

        then: 'the sources were read: the contexts declare dozens of verbs'
        verbs(sources).size() > 40

        and:
        found == []
    }

    def "the guard finds an action a verb body or a helper of its class retypes, and only there"() {
        given:
        String source = '''
            class SomeContext {
                @Verb(action = 'StopInstances')
                def stop(Map args) { session.ops.call('StopInstances', args) }   // retyped

                @Verb(action = 'StartInstances')
                def start(Map args) { perform(declared('start'), args); describe('DescribeImages') }   // no verb's action here: fine

                private def helper() { session.ops.pages('StartInstances', [:]) }   // a helper retyping start's action
            }

            class Elsewhere {
                def other() { 'StopInstances' }                                   // declares no verb
            }
        '''

        expect:
        retyped(['Some.groovy': source]) == ["Some.groovy:4 SomeContext.stop retypes 'StopInstances'",
                                             "Some.groovy:9 SomeContext.helper retypes 'StartInstances'"]
        verbs(['Some.groovy': source]).size() == 2
    }

    /**
     * "file:line Class.method retypes 'Action'" for each string literal, in any method of a class
     * declaring verbs, equal to an action one of that class's @Verbs declares.
     */
    static List<String> retyped(Map<String, String> sources) {
        List<String> out = []
        verbs(sources).groupBy { it[0] }.each { ClassNode c, List<List> declared ->
            Set<String> actions = declared.collect { it[2] as String } as Set<String>
            (c.methods + c.declaredConstructors).each { MethodNode m ->
                m.code?.visit(new CodeVisitorSupport() {
                    @Override
                    void visitConstantExpression(ConstantExpression e) {
                        if (e.value in actions) out << "${c.module.description}:${e.lineNumber} ${c.nameWithoutPackage}.${m.name} retypes '${e.value}'".toString()
                    }
                })
            }
        }
        out.sort()
    }

    /** [class, method, declared action] for each method annotated @Verb, from the sources' syntax trees (file name → text). */
    private static List<List> verbs(Map<String, String> sources) {
        CompilationUnit unit = new CompilationUnit()
        sources.each { name, text -> unit.addSource(name, text) }
        unit.compile(Phases.CONVERSION)
        unit.AST.classes.collectMany { ClassNode c ->
            c.methods.collectMany { MethodNode m ->
                AnnotationNode verb = m.annotations.find { it.classNode.nameWithoutPackage == 'Verb' }
                Object action = verb?.getMember('action') instanceof ConstantExpression ? ((ConstantExpression) verb.getMember('action')).value : null
                action == null ? [] : [[c, m, action as String]]
            }
        }
    }
}
