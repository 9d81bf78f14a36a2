package io.kecsh.repl.cli

import spock.lang.Specification

import java.nio.file.Path

class CommandContextSpec extends Specification {
    def "the home directory is \$HOME when it is set, as ~ means to a Unix user; else the JVM's user.home"() {
        expect:
        CommandContext.home(env, '/home/from-passwd') == Path.of(expected)

        where:
        env                  | expected
        [HOME: '/tmp/other'] | '/tmp/other'
        [:]                  | '/home/from-passwd'
        [HOME: '']           | '/home/from-passwd'
    }
}
