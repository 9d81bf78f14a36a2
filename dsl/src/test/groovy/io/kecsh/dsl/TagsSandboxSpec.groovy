package io.kecsh.dsl


import io.kecsh.dsl.error.KecshScriptException
/**
 * Tags as the current API has them, over the sandbox: put on by RunInstances (Tag.N.Key/Value), read
 * from the tag service (ListTagsByResourceIds), chosen by with where tags:, shown on the results.
 */
class TagsSandboxSpec extends KecshSandboxSpecification {
    List<String> wire = Collections.synchronizedList([])

    @Override
    protected Kecsh.Builder configure(Kecsh.Builder builder) {
        builder.wireLog { String line -> wire << line }
    }

    def "run tags: puts them on as Tag.N; the launched instances show them"() {
        when:
        def tags = kecsh.eval("instances { run type: 'S4.2B', count: 2, name: 'web', tags: [env: 'prod', team: 'web'] }*.tags")

        then:
        tags == [[env: 'prod', team: 'web'], [env: 'prod', team: 'web']]
        wire.any { it.contains('Tag.1.Key=env') && it.contains('Tag.1.Value=prod') && it.contains('Tag.2.Key=team') }
    }

    def "where tags: chooses by tag (a value, a pattern or one of a list) and the verbs act on that choice"() {
        given:
        kecsh.eval("""
            instances { run type: 'S4.2B', count: 2, name: 'pr', suffix: 1, tags: [env: 'prod', tier: 'web'] }.waitUntil('active')
            instances { run type: 'S4.2B', count: 3, name: 'st', suffix: 1, tags: [env: 'staging', tier: 'api'] }.waitUntil('active')
            instances { run type: 'S4.2B', name: 'untagged' }.waitUntil('active')
        """)

        expect:
        kecsh.eval("instances.where(tags: [env: 'prod'])*.name.sort()") == ['pr-1', 'pr-2']
        kecsh.eval("instances.where(tags: [tier: ~/^(web|api)\$/])*.name.size()") == 5
        kecsh.eval("instances.where(tags: [env: ['prod', 'staging'], tier: 'api'])*.name.sort()") == ['st-1', 'st-2', 'st-3']
        kecsh.eval("instances.where(tags: [owner: 'nobody']).size()") == 0
        kecsh.eval("instances.where(tags: [env: 'staging'])[0].tags") == [env: 'staging', tier: 'api']
        kecsh.eval("instances { where tags: [env: 'staging'], state: 'active'; expect count: 3; stop() }.waitUntil('stopped').size()") == 3
        kecsh.eval("instances.where(state: 'stopped')*.name.sort()") == ['st-1', 'st-2', 'st-3']
        kecsh.eval("instances.list()[0].tags") == null   // not read unless asked
    }

    def "tags are read from the tag service as many IDs a call as the model's bound allows"() {
        given:
        kecsh.eval("instances { run type: 'S4.2B', count: 150, name: 'nn', suffix: 1, tags: [fleet: 'big'] }")
        wire.clear()

        when:
        def n = kecsh.eval("instances.where(tags: [fleet: 'big']).size()")

        then:
        n == 150
        wire.count { it.startsWith('→') && it.contains('Action=ListTagsByResourceIds') } == 2
    }

    def "tags that are not key: value pairs are one line saying what to give"() {
        when:
        kecsh.eval("instances { run type: 'S4.2B', tags: ['prod'] }")

        then:
        KecshScriptException e = thrown()
        e.message.contains("run tags: '[prod]' is not allowed; give key: value pairs")
    }
}
