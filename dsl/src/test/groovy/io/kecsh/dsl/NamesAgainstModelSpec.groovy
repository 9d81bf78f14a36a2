package io.kecsh.dsl

import io.kecsh.dsl.engine.ParameterNames
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.context.KmsContext
import io.kecsh.dsl.engine.context.NetworkInterfacesContext
import io.kecsh.dsl.engine.context.ResourceContext
import io.kecsh.dsl.engine.internal.ResourceWaits
import io.kecsh.dsl.ide.DslClasses
import io.kecsh.dsl.result.WaitsFor
import io.kecsh.runtime.model.ServiceModel
import spock.lang.Shared
import spock.lang.Specification

/** The DSL's words name real things in the model: no parameter, filter, waiter or quota code typed twice or wrong. */
class NamesAgainstModelSpec extends Specification {
    @Shared
    ServiceModel model = ServiceModel.bundled()

    def "every short form in ParameterNames names a parameter of some operation: #alias → #api"() {
        expect:
        model.operations().any { it.params().containsKey(api) }

        where:
        [alias, api] << ParameterNames.ALIASES.collect { k, v -> [k, v] }
    }

    def "every curated context reachable from a script declares its verbs with @Verb: #context.simpleName"() {
        expect:
        !Verbs.of(context).isEmpty()

        where:
        context << DslClasses.reachable().findAll { ResourceContext.isAssignableFrom(it) }
    }

    def "every word #verb.name offers is one its action takes, read by the declaration alone"() {
        given:
        def op = model.requireOperation(verb.action)

        expect:
        verb.words(op).every { Verbs.Word w ->
            // an own word fills no parameter, or (Verb.fills: where's sort → Sort) one its action takes
            w.kind == Verbs.Word.Kind.OWN ? w.target == null || op.params().containsKey(w.target) :
                w.kind == Verbs.Word.Kind.FILTER ? verb.filters[w.word] == w.target : op.params().containsKey(w.target)
        }

        where:
        verb << DslClasses.reachable().collectMany { Verbs.of(it).values() }
    }

    def "the KMS verbs take the quota words of BssKmsParameterCode as their own"() {
        expect:
        ['upgrade', 'downgrade', 'renew'].every { Verbs.of(KmsContext, it).own.containsAll(KmsContext.parameterCodes(model).keySet()) }
    }

    def "every waitUntil of the DSL names the states it takes"() {
        expect:
        DslClasses.reachable().collectMany { it.methods.toList() }.findAll { it.name == 'waitUntil' && it.parameterTypes.contains(String) }
            .every { it.getAnnotation(WaitsFor) != null }
    }

    def "the network-interface list criteria are the model's filter names"() {
        expect:
        model.requireService('vpc').requireEnum('DescribeNetworkInterfacesFilterName').names() as Set ==
            NetworkInterfacesContext.FILTERS.values() as Set
    }

    def "every waiter in the model is reachable through a waitUntil"() {
        expect:
        model.services().collectMany { it.waiters().keySet() } as Set == ResourceWaits.exposed()
    }

    def "the KMS quota words come from BssKmsParameterCode"() {
        expect:
        KmsContext.parameterCodes(model) == [spec: 'Spec', keyNum: 'KeyNum', secretNum: 'SecretNum', vpcNum: 'VpcNum', log: 'log', logStore: 'logStore']
        KmsContext.parameterCodes(model).values() as List == model.requireService('bss').requireEnum('BssKmsParameterCode').names()
    }
}
