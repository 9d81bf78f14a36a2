package io.kecsh.repl.cli

import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.dsl.error.RefusedException
import io.kecsh.runtime.config.ConfigException
import io.kecsh.runtime.error.ServiceException
import io.kecsh.runtime.error.TransportException
import java.net.SocketTimeoutException
import java.nio.channels.ClosedByInterruptException
import spock.lang.Specification

class ExitCodesSpec extends Specification {
    static Throwable inScript(Throwable cause) {
        new KecshScriptException('job.groovy', 3, 0, cause.message ?: 'x', cause)
    }

    def "the code is read from the failure's cause chain"() {
        expect:
        ExitCodes.of(failure) == expected

        where:
        failure                                                                        || expected
        new RuntimeException('boom')                                                   || ExitCodes.SCRIPT_ERROR
        inScript(new IllegalStateException('boom'))                                    || ExitCodes.SCRIPT_ERROR
        inScript(new ServiceException('StopInstances', 'cn-beijing-6', 'InvalidParameterValue', 'no', 400, 'r-1', null)) || ExitCodes.SERVICE
        inScript(new RuntimeException('wrapped', new TransportException('refused', false, null)))                     || ExitCodes.TRANSPORT
        inScript(new RefusedException('terminate', [], 'protected'))                   || ExitCodes.REFUSED
        new ConfigException('bad profile')                                             || ExitCodes.USAGE
        inScript(new InterruptedException())                                           || ExitCodes.INTERRUPTED
        new RuntimeException(new ClosedByInterruptException())       || ExitCodes.INTERRUPTED
        new SocketTimeoutException('slow')                                    || ExitCodes.SCRIPT_ERROR
    }
}
