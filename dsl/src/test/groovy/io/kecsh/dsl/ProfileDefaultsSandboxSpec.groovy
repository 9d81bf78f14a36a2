package io.kecsh.dsl

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A profile's region-bound defaults (issue 14 item 6): {@code default.subnet} and
 * {@code default.security_group} name resources of the profile's region, so they are used there and
 * not sent to another region, where the subnet and group come from that region's own network;
 * {@code default.<region>.<key>} gives a region its own value.
 */
class ProfileDefaultsSandboxSpec extends Specification {
    @TempDir
    Path home

    def "a profile's default.subnet is used in its own region and not sent to another one"() {
        given:
        Files.createDirectories(home.resolve('.kecsh'))
        Files.writeString(home.resolve('.kecsh/config'), '[default]\nregion = cn-beijing-6\ndefault.subnet = default-cn-beijing-6a\n')
        Kecsh kecsh = KecshSandboxSpecification.hermetic(home).progress {}.build()

        when:
        def r = kecsh.eval('''
            def here = instances { run type: 'S4.2B', name: 'here' }[0]
            region 'cn-shanghai-2'
            def there = instances { run type: 'S4.2B', name: 'there' }[0]
            [here: here.zone, there: there.zone]
        ''')

        then:
        r.here == 'cn-beijing-6a'
        r.there.startsWith('cn-shanghai-2')

        cleanup:
        kecsh?.close()
    }

    def "a profile with a subnet per region launches in each region with that region's own subnet"() {
        given:
        Files.createDirectories(home.resolve('.kecsh'))
        Files.writeString(home.resolve('.kecsh/config'), '''[default]
region = cn-beijing-6
default.subnet = default-cn-beijing-6a
default.cn-beijing-6.subnet = default-cn-beijing-6c
default.cn-shanghai-2.subnet = default-cn-shanghai-2b
''')
        Kecsh kecsh = KecshSandboxSpecification.hermetic(home).progress {}.build()

        when:
        def r = kecsh.eval('''
            def beijing = instances { run type: 'S4.2B', name: 'bj' }[0]
            region 'cn-shanghai-2'
            def shanghai = instances { run type: 'S4.2B', name: 'sh' }[0]
            [beijing: beijing.zone, shanghai: shanghai.zone]
        ''')

        then: 'the regional value wins over the plain one, and each region gets its own'
        r.beijing == 'cn-beijing-6c'
        r.shanghai == 'cn-shanghai-2b'

        cleanup:
        kecsh?.close()
    }
}
