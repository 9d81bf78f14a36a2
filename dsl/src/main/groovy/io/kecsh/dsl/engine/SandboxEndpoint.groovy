package io.kecsh.dsl.engine

import groovy.transform.CompileStatic
import io.kecsh.runtime.sandbox.auth.SandboxCredentials

/**
 * A sandbox another process serves (the shell's home sandbox, shared by every kecsh of one home):
 * where it listens on loopback, the keys it accepts, and the words the banner uses for it (which
 * sandbox, where its state lives — never a key). The process that serves it owns it; a Kecsh built
 * with one neither starts nor stops it.
 */
@CompileStatic
record SandboxEndpoint(URI endpoint, SandboxCredentials credentials, String description) {
    @Override
    String toString() {
        description   // the record's own text would show the keys
    }
}
