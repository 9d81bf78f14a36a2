package io.kecsh.repl.cli

import java.nio.file.Files
import java.nio.file.Path

/**
 * Issue 12 item 3 through the command: an overlay in ~/.kecsh/models adds a parameter and an enum
 * value that `validate`, the DSL's compile-time checks, the client and the embedded sandbox all take;
 * a bad overlay file is one line on stderr naming the file and the entry, and the rest works.
 */
class ModelOverlaySpec extends CommandSpecification {
    static final String GOOD = '''
        {
          "enums": {"StoppedMode": {"values": [{"value": "OverlayHibernate", "doc": "a stop mode added by an overlay"}]}},
          "operations": {"RunInstances": {"params": {"OverlayLaunchNote": {"type": "string", "maxLength": 64,
            "doc": "a launch parameter added by an overlay"}}}}
        }
        '''
    static final String UNBOUNDED = '''
        {"operations": {"CreateNetworkInterface": {"params": {"Description": {"type": "string", "doc": "no maxLength"}}}}}
        '''

    Path overlay(String relative, String text) {
        Path file = home.resolve('.kecsh/models').resolve(relative)
        Files.createDirectories(file.parent)
        Files.writeString(file, text)
        file
    }

    def "an overlay's parameter and enum value pass validate, the compile-time checks and the embedded sandbox"() {
        given:
        overlay('kec/2016-03-04/service.json', GOOD)
        def file = script('''
            def web = instances { run type: 'S4.2B', name: 'noted', OverlayLaunchNote: 'from an overlay' }
            web.waitUntil 'active'
            instances { where name: 'noted'; stop mode: 'OverlayHibernate' }
            println 'stopped'
        ''')

        expect:
        kecsh('validate', 'StopInstances', 'InstanceId.1=48de6f74-e287-45df-b55e-94266d77483f', 'StoppedMode=OverlayHibernate') == ExitCodes.OK
        kecsh('run', file.toString()) == ExitCodes.OK
        stdout.endsWith('stopped\n')
        !stderr.contains('model overlay')

        when:
        outBytes.reset()
        kecsh('models')

        then:
        stdout.contains('overlay: ' + home.resolve('.kecsh/models/kec/2016-03-04/service.json'))
    }

    def "a typo of an overlay's value is still refused with a did-you-mean"() {
        given:
        overlay('kec/2016-03-04/service.json', GOOD)

        when:
        int code = kecsh('validate', 'StopInstances', 'InstanceId.1=48de6f74-e287-45df-b55e-94266d77483f', 'StoppedMode=OverlayHibernat')

        then:
        code == ExitCodes.VALIDATION
        stderr.contains('did you mean OverlayHibernate')
    }

    def "a bad overlay file is one line naming the file and the entry; the built-in model and the good overlay still work"() {
        given:
        overlay('kec/2016-03-04/service.json', GOOD)
        Path bad = overlay('vpc/2016-03-04/service.json', UNBOUNDED)

        when:
        int code = kecsh('validate', 'StopInstances', 'InstanceId.1=48de6f74-e287-45df-b55e-94266d77483f', 'StoppedMode=OverlayHibernate')

        then:
        code == ExitCodes.OK
        stderr.readLines().findAll { it.contains('model overlay') } ==
            ["kecsh: model overlay ${bad}: vpc CreateNetworkInterface.Description: string without maxLength; the file is not used (the built-in model and the other overlays are)".toString()]
        !stderr.contains('Exception')

        when: "the built-in vpc action is untouched"
        errBytes.reset()
        code = kecsh('describe', 'CreateNetworkInterface')

        then:
        code == ExitCodes.OK
        !stdout.contains('Description')
        !stderr.contains('model overlay')   // reported once per process
    }
}
