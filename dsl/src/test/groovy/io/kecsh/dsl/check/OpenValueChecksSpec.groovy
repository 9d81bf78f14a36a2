package io.kecsh.dsl.check

import io.kecsh.dsl.ScriptRunner
import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.Defaults
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.runtime.catalog.LiveCatalogue
import io.kecsh.runtime.model.EnumValue
import io.kecsh.runtime.model.ServiceModel
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import spock.lang.Specification
import spock.lang.Unroll

/**
 * Known wrong versus unknown at compile time (issue 12, items 1 and 6): with or without a live
 * catalogue, a typo fails with a did-you-mean; a value only today's service lists compiles, and an
 * unknown value of an open enumeration is left to run time (a warning, and the call goes out).
 */
class OpenValueChecksSpec extends Specification {
    /** A catalogue at hand as a real service would answer: today's types and the zones of cn-beijing-6. */
    static final LiveCatalogue TODAY = { String service, String enumName ->
        if (service != 'kec') return Optional.empty()
        switch (enumName) {
            case 'InstanceType': return Optional.of(['S6.2B', 'S6.4B', 'N3.1A', 'S4.2B'].collect { new EnumValue(it, '', '', [:]) })
            case 'AvailabilityZone': return Optional.of(['cn-beijing-6a', 'cn-beijing-6b', 'cn-beijing-6c'].collect { new EnumValue(it, '', '', [:]) })
            default: return Optional.empty()
        }
    } as LiveCatalogue

    private ScriptRunner runner(LiveCatalogue catalogue) {
        CloudOperations ops = Stub(CloudOperations) { getModel() >> ServiceModel.bundled() }
        new ScriptRunner(new KecshSession(ops, new Defaults([:], null), null),
            [new LiteralChecks(ServiceModel.bundled(), catalogue)] as List<CompilationCustomizer>)
    }

    @Unroll
    def "a typo fails at compile time with a did-you-mean, catalogue or not: #source"() {
        when:
        runner(catalogue).check(source, 'deploy.groovy')

        then:
        KecshScriptException e = thrown()
        e.message.startsWith('deploy.groovy:1:')
        e.message.contains(expected)

        where:
        source                                                              | catalogue          | expected
        "instances { run type: 'S4.2X' }"                                   | LiveCatalogue.NONE | 'did you mean S4.2A, S4.2B, S4.2C or S4.2D?'
        "instances { run type: 's4.2b' }"                                   | LiveCatalogue.NONE | 'did you mean S4.2B?'
        "instances { run type: 'S4.2BB' }"                                  | LiveCatalogue.NONE | 'S4.2B?'
        "instances { run type: 'S4.2B', chargeType: 'Dayly' }"              | LiveCatalogue.NONE | 'did you mean Daily?'
        "instances { where zone: 'cn-beijing-6A' }"                         | LiveCatalogue.NONE | 'did you mean cn-beijing-6a?'
        "instances { run type: 'S4.2X' }"                                   | TODAY              | 'did you mean S4.2A, S4.2B, S4.2C or S4.2D?'
        "instances { run type: 'S6.2X' }"                                   | TODAY              | 'did you mean S6.2B?'
        "instances { run type: 'S6.2C' }"                                   | TODAY              | 'is not a valid InstanceType'
        "instances { where zone: ['cn-beijing-6a', 'cn-beijing-6z'] }"      | TODAY              | 'did you mean cn-beijing-6a, cn-beijing-6b or cn-beijing-6c?'
        "kec.ModifyInstanceType(InstanceId: 'i', InstanceType: 'S4.4X')"   | TODAY              | 'did you mean S4.4A, S4.4B, S4.4C or S4.4D?'
    }

    @Unroll
    def "a value only today's service knows compiles: #source"() {
        when:
        runner(catalogue).check(source, 'deploy.groovy')

        then:
        noExceptionThrown()

        where:
        source                                                       | catalogue
        "instances { run type: 'S6.2B' }"                            | TODAY
        "instances { run type: 'N3.1A' }"                            | TODAY
        "instances { run type: 'S6.2B' }"                            | LiveCatalogue.NONE   // unknown: warned about when it runs
        "instances { where zone: 'cn-beijing-6d' }"                  | LiveCatalogue.NONE
        "kec.ModifyInstanceType(InstanceId: 'i', InstanceType: 'N3.2B')" | LiveCatalogue.NONE
        "kec.ModifyInstanceType(InstanceId: 'i', InstanceType: 'S6.4B')" | TODAY
    }
}
