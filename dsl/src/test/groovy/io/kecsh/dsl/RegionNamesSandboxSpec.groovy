package io.kecsh.dsl


import io.kecsh.dsl.error.KecshScriptException
/**
 * Issue 14 item 6: a script that works region by region used to learn of a misspelt region only when
 * it got there — as SignatureDoesNotMatch (403), after the earlier regions were already changed. A
 * region known to be wrong (the model and the live region list say no, or the name has not the form
 * of one) is now refused before the first call when the script names it literally, and before any
 * call in it when the name is computed; the message is one line with a "did you mean".
 */
class RegionNamesSandboxSpec extends KecshSandboxSpecification {

    def "a literal region no source lists stops the script before its first call, at its line"() {
        when:
        kecsh.eval('''region 'cn-shanghai-2'
instances { run type: 'S4.2B' }
region 'cn-guangzhou-9'
instances.list()''')

        then:
        KecshScriptException e = thrown()
        e.message.contains("unknown region 'cn-guangzhou-9'")
        e.message.contains('line 3') || e.message.contains(':3')
        !e.message.contains('SignatureDoesNotMatch')

        and: 'nothing was launched in the region before it'
        kecsh.sandbox.state().region('cn-shanghai-2').instances.isEmpty()
    }

    def "a misspelt region gets a did-you-mean"() {
        when:
        kecsh.eval("region 'cn-bejing-6'")

        then:
        KecshScriptException e = thrown()
        e.message.contains("unknown region 'cn-bejing-6' (did you mean cn-beijing-6?)")
        e.message.readLines().size() == 1
    }

    def "a computed region is refused when the script switches to it, before any call there"() {
        when:
        kecsh.eval('''String[] wave = ['cn-shanghai-2', 'cn-guangzhoux-1']
wave.each { String r ->
    region r
    instances { run type: 'S4.2B' }
}''')

        then:
        KecshScriptException e = thrown()
        e.message.contains("unknown region 'cn-guangzhoux-1'")
        !e.message.contains('SignatureDoesNotMatch')
        kecsh.sandbox.state().region('cn-shanghai-2').instances.size() == 1
    }

    def "every region the service lists is accepted, without a warning"() {
        when:
        kecsh.eval("['cn-beijing-6', 'cn-shanghai-2', 'cn-guangzhou-1', 'cn-hongkong-2', 'ap-singapore-1', 'eu-east-1'].each { region it }")

        then:
        noExceptionThrown()
        progress.every { !it.contains('region') }
    }
}
