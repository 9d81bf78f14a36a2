package io.kecsh.dsl.ide

import static groovy.lang.Closure.DELEGATE_FIRST

import io.kecsh.dsl.CloudScript
import io.kecsh.dsl.engine.ParameterNames
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.context.InstancesContext
import io.kecsh.runtime.model.ServiceModel
import java.lang.reflect.Method
import spock.lang.Specification
import spock.lang.Unroll

/** IDE support stays true to the code: @DelegatesTo everywhere, and a GDSL generated from the classes and the model. */
class GdslSpec extends Specification {
    /** Closure parameters that deliberately have no delegate, and why. */
    static final Map<String, String> NO_DELEGATE = [
        'CloudScript.waitUntil': 'a condition runs where it is written (its owner), so inside instances { } it still sees where(…)',
        'CloudScript.plan'     : "plan's block is ordinary script code: it runs where it is written, so every block and verb works inside it",
        'CloudScript.parallel' : "parallel's block is ordinary script code run once per region (its owner), each on a thread whose session is that region's",
        'InstancesContext.each': "each's closure is Groovy's each: it gets one InstanceInfo and runs where it is written",
        'VolumesContext.each': "each's closure is Groovy's each: it gets one VolumeInfo and runs where it is written",
        'NetworkInterfacesContext.each': "each's closure is Groovy's each: it gets one NetworkInterfaceInfo and runs where it is written",
    ]
    static final ServiceModel MODEL = ServiceModel.bundled()

    def "the shipped kecsh.gdsl is what the generator makes from today's classes and model"() {
        given:
        String shipped = GdslSpec.getResourceAsStream('/' + Gdsl.RESOURCE)?.getText('UTF-8')
        String generated = new Gdsl(MODEL).generate()

        expect:
        // To update after changing a verb or the model, from the dsl module:
        // mvn test -Dtest=GdslSpec -Dkecsh.gdsl.update=true (or run io.kecsh.dsl.ide.Gdsl with the target path).
        if (System.getProperty('kecsh.gdsl.update') == 'true') new File('src/main/resources/' + Gdsl.RESOURCE).text = generated
        else assert shipped == generated, 'kecsh.gdsl is stale: regenerate it with io.kecsh.dsl.ide.Gdsl'
    }

    def "the descriptor is valid Groovy and names every verb, its friendly parameters and every documented action"() {
        given:
        String gdsl = new Gdsl(MODEL).generate()

        when:
        new GroovyShell().parse(gdsl, 'kecsh.gdsl')

        then:
        noExceptionThrown()
        gdsl.contains("delegatesTo(findClass('io.kecsh.dsl.CloudScript'))")
        gdsl.contains("enclosingCall('instances')")
        Verbs.of(InstancesContext).keySet().every { gdsl.contains("method name: '${it}'") }
        ParameterNames.friendlyNames(MODEL.requireOperation('RunInstances')).every { gdsl.contains("parameter(name: '${it}'") }
        gdsl.contains("parameter(name: 'mode', type: 'java.lang.String', doc: 'StoppedMode: ")
        gdsl.contains('one of: KeepCharging, StopCharging')
        gdsl.contains("parameter(name: 'state', type: 'java.lang.Object', doc: 'filter instance-state.name")
        MODEL.operations().every { gdsl.contains("method name: '${it.name()}'") }
    }

    @Unroll
    def "#owner.#method's closure parameter delegates with DELEGATE_FIRST"() {
        expect:
        NO_DELEGATE.containsKey("${owner}.${method}".toString()) || (annotation != null && annotation.strategy() == DELEGATE_FIRST)

        where:
        [owner, method, annotation] << closureParameters()
    }

    def "the DSL classes are found from CloudScript, not listed by hand"() {
        expect:
        DslClasses.reachable().containsAll([CloudScript, InstancesContext])
    }

    @Unroll
    def "verb #ctx.simpleName.#verb.name matches the model"() {
        given:
        def op = MODEL.findOperation(verb.action)

        expect:
        op.isPresent()
        verb.names.values().every { op.get().params().containsKey(it) }
        verb.filters.values().every { String f ->
            def nameMember = op.get().params().Filter.member().members().Name
            MODEL.serviceOf(op.get()).requireEnum(nameMember.enumName().get()).contains(f)
        }

        where:
        [ctx, verb] << DslClasses.reachable().collectMany { Class<?> c -> Verbs.of(c).values().collect { [c, it] } }
    }

    /** Every (class, method, @DelegatesTo or null) for each Closure parameter of the DSL's classes. */
    static List<List<Object>> closureParameters() {
        DslClasses.reachable().collectMany { Class<?> c ->
            DslClasses.dslMethods(c).collectMany { Method m ->
                (0..<m.parameterCount).findAll { Closure.isAssignableFrom(m.parameterTypes[it]) }.collect { int i ->
                    [m.declaringClass.simpleName, m.name, m.parameterAnnotations[i].find { it instanceof DelegatesTo }]
                }
            }
        }.unique()
    }
}
