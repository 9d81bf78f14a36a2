package io.kecsh.dsl

import io.kecsh.dsl.error.KecshScriptException
import java.time.Duration
import spock.lang.Unroll

/**
 * Known wrong versus unknown in scripts run against a sandbox whose catalogue differs from the model
 * (it sells S6 and N3.1A; issue 12, items 1, 2 and 6): a type only the live catalogue lists compiles
 * and runs; a typo fails at compile time and at run time with a did-you-mean. The compile-time
 * tables are {@link io.kecsh.dsl.check.OpenValueChecksSpec}.
 */
class OpenValuesSandboxSpec extends KecshSandboxSpecification {
    @Unroll
    def "a typo in a value known only at run time fails there with a did-you-mean, nothing sent: #typo"() {
        given: 'the sandbox\'s catalogue, read in the background since the session started'
        kecsh.catalogues.awaitReads(Duration.ofSeconds(20))
        int before = kecsh.sandbox.state().region('cn-beijing-6').instances.size()

        when:
        kecsh.eval("def t = '${typo}'\ninstances { run type: t }")

        then:
        KecshScriptException e = thrown()
        e.message.startsWith('script.groovy:2')
        e.message.contains(expected)
        kecsh.sandbox.state().region('cn-beijing-6').instances.size() == before

        where:
        typo     | expected
        'S4.2X'  | 'did you mean S4.2A, S4.2B, S4.2C or S4.2D?'
        's6.2b'  | 'is not a valid InstanceType'
        'N3.1Z'  | 'did you mean N3.1A'
    }

    def "a type only the sandbox's live catalogue lists runs with no warning once the catalogue is read, and its typo fails to compile"() {
        given: 'the catalogue is read in the background from the start; wait for it here'
        kecsh.catalogues.awaitReads(Duration.ofSeconds(20))

        when:
        def created = kecsh.eval("instances { run type: 'S6.2B', count: 1 }")

        then:
        created*.type == ['S6.2B']
        !progress.any { it.contains('warning') }

        when:
        kecsh.eval("instances { run type: 'S6.2X', count: 1 }")

        then:
        KecshScriptException e = thrown()
        e.message.startsWith('script.groovy:1:')
        e.message.contains('did you mean S6.2A, S6.2B, S6.2C or S6.2D?')
    }
}
