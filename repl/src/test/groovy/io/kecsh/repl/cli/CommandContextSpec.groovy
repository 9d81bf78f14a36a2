package io.kecsh.repl.cli

import io.kecsh.runtime.config.SettingsResolver
import java.nio.file.Path
import spock.lang.Specification

class CommandContextSpec extends Specification {
    def "the home directory is \$HOME when it is set, as ~ means to a Unix user; else the JVM's user.home"() {
        expect:
        SettingsResolver.userHome(env) == Path.of(expected ?: System.getProperty('user.home'))

        where:
        env                  | expected
        [HOME: '/tmp/other'] | '/tmp/other'
        [:]                  | null
        [HOME: '']           | null
    }
}
