package io.kecsh.repl.cli

import io.kecsh.repl.shell.SecretLiterals
import spock.lang.Specification

/** What reaches stderr when a run fails: one line a problem, and never a raw control character. */
class FailureReportSpec extends Specification {
    def "control characters in a failure's message are escaped before they reach the terminal"() {
        given:
        def bytes = new ByteArrayOutputStream()
        def report = new FailureReport(new PrintStream(bytes, true, 'UTF-8'), false, new SecretLiterals())

        when:
        report.report(new IllegalStateException("bad value 'a\u001b[2J\u0000b'\n  - second problem"))
        String err = bytes.toString('UTF-8')

        then:
        err == "kecsh: bad value 'a\\e[2J\\0b'\n  - second problem\n".replace('\n', System.lineSeparator())
        !err.chars().anyMatch { it == 0x1b || it == 0 }
    }
}
