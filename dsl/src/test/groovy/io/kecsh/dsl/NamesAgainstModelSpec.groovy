package io.kecsh.dsl

import io.kecsh.dsl.context.DataGuardContext
import io.kecsh.dsl.context.ImagesContext
import io.kecsh.dsl.context.KeysContext
import io.kecsh.dsl.context.KmsContext
import io.kecsh.dsl.context.NetworkInterfacesContext
import io.kecsh.dsl.context.PricesContext
import io.kecsh.dsl.context.SnapshotsContext
import io.kecsh.dsl.context.TemplatesContext
import io.kecsh.dsl.internal.ResourceWaits
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

    def "every word of #context.simpleName fills a real parameter of its action"() {
        expect:
        context.WORDS.each { String action, Map<String, String> words ->
            def op = model.requireOperation(action)
            words.each { word, api -> assert op.params().containsKey(api), "${context.simpleName} ${action}: ${word} → ${api}" }
        }

        where:
        context << [ImagesContext, SnapshotsContext, KeysContext, NetworkInterfacesContext, DataGuardContext, TemplatesContext,
                    PricesContext, KmsContext]
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
