package io.kecsh.dsl.engine.safety


import io.kecsh.dsl.error.Target
/**
 * Asked before a destructive call is sent, with the verb ({@code kec.TerminateInstances}) and every
 * resource it would affect; false stops the call, nothing is sent. The shell supplies one that
 * prompts; with none (scripts, Jenkins, embedding) nothing ever prompts and unprotected targets
 * proceed. Never asked in plan mode, where nothing is sent.
 */
@FunctionalInterface
interface Confirmer {
    boolean confirm(String verb, List<Target> targets)
}
