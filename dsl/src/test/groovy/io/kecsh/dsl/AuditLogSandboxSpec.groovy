package io.kecsh.dsl

import io.kecsh.runtime.config.Cloud
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * ~/.kecsh/audit.log over the sandbox: a line for every mutating call sent (time, region, action,
 * IDs, outcome), none for reads, plans or refused calls, private modes, and never a secret.
 */
class AuditLogSandboxSpec extends KecshSandboxSpecification {
    static final String PASSWORD = 'Audit-Pass-4242x!'

    Path getLog() {
        home.resolve('.kecsh').resolve('audit.log')
    }

    List<String> lines() {
        Files.exists(log) ? Files.readAllLines(log) : []
    }

    def "every mutating call sent is one line with its region, IDs and outcome; reads are not written"() {
        when:
        List<String> ids = kecsh.eval("""
            def web = instances { run type: 'S4.2B', count: 2, name: 'web', password: '${PASSWORD}' }.waitUntil('active')
            instances { where name: 'web'; stop() }.waitUntil('stopped')
            web*.id
        """) as List<String>

        then:
        lines().size() == 2
        lines()[0] ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ cn-beijing-6 RunInstances ids=\S+ outcome=ok via=sandbox/
        ids.every { lines()[0].contains(it) }
        lines()[1].contains(' StopInstances ')
        ids.every { lines()[1].contains(it) }
        !lines().any { it.contains('DescribeInstances') }
    }

    def "the file is 0600 in a 0700 directory, and a known password is never in it"() {
        when:
        kecsh.eval("""
            def web = instances { run type: 'S4.2B', name: 'db', password: '${PASSWORD}' }.waitUntil('active')
            instances { where name: 'db'; stop() }.waitUntil('stopped')
            instances { where name: 'db'; modify password: '${PASSWORD}2' }.waitUntil('stopped')
            kec.ModifyInstanceAttribute(InstanceId: web[0].id, InstancePassword: '${PASSWORD}3')
        """)

        then:
        lines().size() == 4
        !Files.readString(log).contains(PASSWORD.substring(0, 10))
        PosixFilePermissions.toString(Files.getPosixFilePermissions(log)) == 'rw-------'
        PosixFilePermissions.toString(Files.getPosixFilePermissions(log.parent)) == 'rwx------'
    }

    def "a call the service refused is written with its code; one refused before sending, planned or protected is not"() {
        given:
        kecsh.eval("instances { run type: 'S4.2B', name: 'web' }.waitUntil('active')")
        kecsh.sandbox.faults().failNext('StopInstances', 'ServiceTimeout', 1)

        when:
        kecsh.eval("try { instances { where name: 'web'; stop() } } catch (e) { }")
        kecsh.eval("def t = 'S4.2X'; try { instances { run type: t } } catch (e) { }")   // refused by the validator: nothing sent
        kecsh.eval("plan { instances { where name: 'web'; terminate() } }")
        kecsh.eval("protect name: 'web'; try { instances { where name: ~/^we/; terminate() } } catch (e) { }")   // a choice only the call can judge

        then:
        lines().size() == 2
        lines()[1].contains(' StopInstances ')
        lines()[1].contains('outcome=ServiceTimeout')
        !lines().any { it.contains('TerminateInstances') }
    }

    def "a KMS change's line and its wait's progress lines name the Alibaba region the calls went to"() {
        given: 'a pay-as-you-go KMS instance (the sandbox seeds a subscription one first)'
        String kst = (kecsh.sandbox.state().kmsInstances.keySet() as List)[1]
        String alibaba = kecsh.client.region(Cloud.ALIBABA)

        when:
        kecsh.eval("kms { downgrade '${kst}', keyNum: 1000; waitUntil 'connected', '${kst}' }")

        then:
        alibaba == 'cn-hangzhou'
        lines().size() == 1
        lines()[0] ==~ /\S+ cn-hangzhou ModifyInstance ids=\S+ outcome=ok via=sandbox/
        !progress.isEmpty()
        progress.every { !it.contains('[cn-beijing-6]') }
        progress.findAll { it.contains('[cn-hangzhou]') }.size() == progress.size()
    }
}
