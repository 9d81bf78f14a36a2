package io.kecsh.repl.shell

import io.kecsh.runtime.catalog.LiveCatalogue
import io.kecsh.runtime.overlay.InstalledModel
import spock.lang.Shared
import spock.lang.Specification

/**
 * Help while typing (issue 15): the line below the input for the parameter under the cursor, its
 * type, range, default and allowed values, read from the model and the verbs' declarations.
 */
class ParameterHintSpec extends Specification {
    @Shared
    DslVocabulary vocabulary = new DslVocabulary(InstalledModel.get())
    @Shared
    String region = 'cn-beijing-6'
    @Shared
    ParameterHint hints = new ParameterHint(vocabulary, { LiveCatalogue.NONE }, { region })

    private String hint(String buffer) {
        hints.at(buffer, buffer.length()).orElse(null)
    }

    def "#buffer → #expected"() {
        expect:
        expected.every { hint(buffer)?.contains(it) }

        where:
        buffer                               || expected
        "instances { run type: '"            || ['type → InstanceType: string', 'default I1.1A', 'e.g. I1.1A, I1.1B']
        'instances { run type'               || ['type → InstanceType']
        'instances { run count: '            || ['count → handled by run itself, counts MaxCount', 'at least 1']
        'instances { run '                   || ['run → RunInstances: ']
        "instances { where state: '"         || ['state → filter instance-state.name', 'one of active, building']
        "instances { stop mode: '"           || ['mode → StoppedMode: string', 'default KeepCharging', 'one of KeepCharging, StopCharging']
        'kec.RunInstances(MaxCount: '        || ['MaxCount: integer', 'required', '1–50']
        "instances { waitUntil '"            || ['waitUntil: instance state, one of active, stopped, recycling, deleted']
        "instances { run zone: '"            || ['zone → handled by run itself', 'cn-beijing-6a, cn-beijing-6b, cn-beijing-6c']
    }

    def "a verb's parameter is not called required when the verb may fill it (run's image), an API call's is"() {
        expect:
        !hint('instances { run image: ').contains('required')
        hint('kec.RunInstances(ImageId: ').contains('required')
    }

    def "the zones named are the session region's"() {
        expect:
        !hint("instances { run zone: '").contains('cn-shanghai')
    }

    def "nothing to say outside a call"() {
        expect:
        hint(buffer) == null

        where:
        buffer << ['', 'ins', 'instances { ', "println 'a"]
    }
}
