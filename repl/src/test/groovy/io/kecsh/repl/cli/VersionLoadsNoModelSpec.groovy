package io.kecsh.repl.cli

import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Specification

/**
 * {@code kecsh --version} answers without loading the service model (issue 16: the command's
 * constructor used to read it to decide which environment variables hold secrets). A fresh JVM,
 * since the test JVM has long loaded the model; the JVM's class-loading log is the witness.
 */
class VersionLoadsNoModelSpec extends Specification {

    def "--version loads neither the model nor the secret names read from it"() {
        given: 'an environment with a secret in it, as an operator has'
        def java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        def pb = new ProcessBuilder(java, '-Xshare:off', '-Xlog:class+load=info', '-cp', System.getProperty('java.class.path'),
            'io.kecsh.repl.Main', '--version').redirectErrorStream(true)
        pb.environment().put('KSYUN_SECRET_KEY', 'not-a-real-secret')

        when:
        def process = pb.start()
        def output = process.inputStream.getText('UTF-8')
        process.waitFor(120, TimeUnit.SECONDS)

        then:
        process.exitValue() == 0
        output.readLines().any { it.startsWith('kecsh ') }
        !output.contains('io.kecsh.runtime.overlay.InstalledModel ')
        !output.contains('io.kecsh.repl.output.SecretNames ')
    }
}
