package io.kecsh.dsl.engine

import io.kecsh.runtime.catalog.LiveCatalogue
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.retry.RetryPolicy
import io.kecsh.runtime.validate.OpenValueRule
import io.kecsh.runtime.waiter.WaitOptions

/**
 * The DSL's one seam to the runtime: every call the DSL makes goes through here, so a Spock spec
 * can assert {@code 1 * ops.call('RunInstances', [...])} and plan mode can stand in for it.
 */
interface CloudOperations {
    /** Calls a modelled action with API parameter names; returns the typed result tree. */
    Map<String, Object> call(String action, Map<String, ?> params)

    /** Every page of a list action, lazily. */
    Iterable<Map<String, Object>> pages(String action, Map<String, ?> params)

    /** Polls a modelled waiter until success; throws on failure or timeout. */
    Map<String, Object> waitFor(String waiter, Map<String, ?> params, WaitOptions options)

    ServiceModel getModel()

    /** The same operations against another Kingsoft region a user names (refused when known to be wrong). */
    CloudOperations inRegion(String region)

    /** Whether a region a user names can be used (may read the live region list first; see CloudClient.judgeRegion). */
    OpenValueRule.Verdict judgeRegion(String region)

    /** The Kingsoft region calls go to. */
    String getRegion()

    /**
     * The region a call of this service goes to (kms and bss: the Alibaba region; plan lines, progress
     * and the audit log show it). No default: a wrapper that forgot to pass it on showed the Kingsoft
     * region for KMS calls.
     */
    String regionFor(String service)

    /** What the live service lists for open enumerations in that region, as far as known now (never waits). */
    default LiveCatalogue getCatalogue() {
        LiveCatalogue.NONE
    }

    /**
     * The same operations with another retry policy (a script's {@code retry attempts: 3, maxPause: '5s'}).
     * Wrappers pass it down to the client; one that sends nothing (a plan's recorder) may keep itself.
     */
    default CloudOperations withRetry(RetryPolicy policy) {
        this
    }
}
