package io.kecsh.dsl

import static groovy.lang.Closure.DELEGATE_FIRST

import io.kecsh.dsl.check.ScriptErrors
import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.ServiceProxy
import io.kecsh.dsl.engine.context.DataGuardContext
import io.kecsh.dsl.engine.context.DefaultsContext
import io.kecsh.dsl.engine.context.ImagesContext
import io.kecsh.dsl.engine.context.InstancesContext
import io.kecsh.dsl.engine.context.KeysContext
import io.kecsh.dsl.engine.context.KmsContext
import io.kecsh.dsl.engine.context.NetworkInterfacesContext
import io.kecsh.dsl.engine.context.PricesContext
import io.kecsh.dsl.engine.context.SnapshotsContext
import io.kecsh.dsl.engine.context.TemplatesContext
import io.kecsh.dsl.engine.context.VolumesContext
import io.kecsh.dsl.engine.internal.ConditionWait
import io.kecsh.dsl.engine.internal.Parallel
import io.kecsh.dsl.engine.internal.RetrySettings
import io.kecsh.dsl.engine.plan.Plan
import io.kecsh.dsl.engine.plan.Planning
import io.kecsh.dsl.engine.safety.Protection
import io.kecsh.dsl.result.ParallelResults
import io.kecsh.runtime.retry.RetryPolicy
import java.util.function.Function

/**
 * The base class of every kecsh script: {@code region}, {@code defaults {}}, the resource blocks
 * ({@code instances {}}), any documented action through {@code kec}, {@code vpc}, {@code sks},
 * {@code market}, {@code kms}, {@code bss}, and {@code waitUntil { condition }}.
 */
abstract class CloudScript extends Script {

    /** The session of this thread (a {@code parallel} region's own), else the script's. */
    KecshSession getKecshSession() {
        KecshSession.onThread() ?: (KecshSession) binding.getVariable('kecshSession')
    }

    /** A Script reads its binding before its getters: {@code kecshSession} must still mean this thread's. */
    @Override
    Object getProperty(String name) {
        name == 'kecshSession' ? getKecshSession() : super.getProperty(name)
    }

    /** The Kingsoft region for what follows: {@code region 'cn-shanghai-2'}. */
    void region(String name) {
        kecshSession.region(name)
    }

    String getCurrentRegion() {
        kecshSession.region
    }

    void defaults(@DelegatesTo(value = DefaultsContext, strategy = DELEGATE_FIRST) Closure body) {
        run(new DefaultsContext(kecshSession.defaults), body)
    }

    def instances(@DelegatesTo(value = InstancesContext, strategy = DELEGATE_FIRST) Closure body) {
        run(new InstancesContext(kecshSession), body)
    }

    InstancesContext getInstances() {
        new InstancesContext(kecshSession)
    }

    ServiceProxy getKec() { new ServiceProxy('kec') }
    ServiceProxy getVpc() { new ServiceProxy('vpc') }
    ServiceProxy getSks() { new ServiceProxy('sks') }
    ServiceProxy getMarket() { new ServiceProxy('cloud-market') }
    ServiceProxy getBss() { new ServiceProxy('bss') }
    /** The tag service ({@code tagv2.ListTagsByResourceIds(…)}); {@code where tags:} reads it for you. */
    ServiceProxy getTagv2() { new ServiceProxy('tagv2') }

    // The other resource groups: a block per group, and the same context as a property for one-liners.

    def images(@DelegatesTo(value = ImagesContext, strategy = DELEGATE_FIRST) Closure body) { run(new ImagesContext(kecshSession), body) }
    ImagesContext getImages() { new ImagesContext(kecshSession) }

    def volumes(@DelegatesTo(value = VolumesContext, strategy = DELEGATE_FIRST) Closure body) { run(new VolumesContext(kecshSession), body) }
    VolumesContext getVolumes() { new VolumesContext(kecshSession) }

    def snapshots(@DelegatesTo(value = SnapshotsContext, strategy = DELEGATE_FIRST) Closure body) { run(new SnapshotsContext(kecshSession), body) }
    SnapshotsContext getSnapshots() { new SnapshotsContext(kecshSession) }

    def keys(@DelegatesTo(value = KeysContext, strategy = DELEGATE_FIRST) Closure body) { run(new KeysContext(kecshSession), body) }
    KeysContext getKeys() { new KeysContext(kecshSession) }

    def networkInterfaces(@DelegatesTo(value = NetworkInterfacesContext, strategy = DELEGATE_FIRST) Closure body) {
        run(new NetworkInterfacesContext(kecshSession), body)
    }
    NetworkInterfacesContext getNetworkInterfaces() { new NetworkInterfacesContext(kecshSession) }

    def dataGuard(@DelegatesTo(value = DataGuardContext, strategy = DELEGATE_FIRST) Closure body) { run(new DataGuardContext(kecshSession), body) }
    DataGuardContext getDataGuard() { new DataGuardContext(kecshSession) }

    def templates(@DelegatesTo(value = TemplatesContext, strategy = DELEGATE_FIRST) Closure body) { run(new TemplatesContext(kecshSession), body) }
    TemplatesContext getTemplates() { new TemplatesContext(kecshSession) }

    def prices(@DelegatesTo(value = PricesContext, strategy = DELEGATE_FIRST) Closure body) { run(new PricesContext(kecshSession), body) }
    PricesContext getPrices() { new PricesContext(kecshSession) }

    /** Alibaba KMS instances; {@code kms.GetKmsInstance(…)} still reaches any kms action. */
    def kms(@DelegatesTo(value = KmsContext, strategy = DELEGATE_FIRST) Closure body) { run(new KmsContext(kecshSession), body) }
    KmsContext getKms() { new KmsContext(kecshSession) }

    /** The Kingsoft regions: [[id: 'cn-beijing-6', name: …], …]. */
    List<Map<String, String>> regions() {
        ((List<Map>) (kecshSession.ops.call('DescribeRegions', [:]).RegionSet ?: [])).collect { [id: it.Region as String, name: it.RegionName as String] }
    }

    /** The availability zones of the current region: [[id: 'cn-beijing-6a', region: 'cn-beijing-6'], …]. */
    List<Map<String, String>> zones() {
        ((List<Map>) (kecshSession.ops.call('DescribeAvailabilityZones', [:]).AvailabilityZoneSet ?: []))
            .collect { [id: it.AvailabilityZone as String, region: it.Region as String] }
    }

    /**
     * Polls the condition until it holds: {@code waitUntil(timeout: '10m', interval: 5) { … }}.
     * Progress goes to the session; time is the sandbox's or real time, never a hidden cap.
     */
    def waitUntil(Map options = [:], Closure<Boolean> condition) {
        ConditionWait.until(kecshSession, options, condition)
    }

    /**
     * Runs the block in plan mode and returns its {@link io.kecsh.dsl.engine.plan.Plan}: reads happen,
     * mutating calls are recorded, not sent. {@code println plan { instances { run type: 'S4.2B' } }}
     */
    Plan plan(Closure body) {
        Planning.run(kecshSession, body)
    }

    /**
     * True while the script (or the {@code plan { }} block around this line) is planned: nothing is
     * sent, so a script skips what a plan must not do locally — {@code if (!planning) file.text = key.privateKey}.
     */
    boolean getPlanning() {
        Planning.active(kecshSession)
    }

    /**
     * Guards destructive verbs for the rest of the script: {@code protect name: ~/^prod-/},
     * {@code protect id: '…', reason: 'the database'}; criteria id, name, type, kind.
     */
    Protection protect(Map criteria) {
        kecshSession.safety.protect(criteria)
    }

    /**
     * How hard calls try for the rest of the script: {@code retry attempts: 3, maxPause: '5s'} (also
     * {@code firstPause}, {@code total}). What may be retried at all stays the model's: reads and
     * mutations with a ClientToken; no setting repeats any other mutation.
     */
    void retry(Map settings) {
        KecshSession s = kecshSession
        s.retrySettings.putAll(RetrySettings.check(settings))
        RetryPolicy policy = RetrySettings.policy(s.retrySettings)
        s.rewrap { CloudOperations o -> o.withRetry(policy) }
    }

    /**
     * The block once per region, at most {@code concurrency} at a time, each call to an endpoint at most
     * {@code perSecond} a second: {@code parallel(regions: ['cn-beijing-6', 'cn-shanghai-2'], concurrency: 2) { region -> … }};
     * {@code waves: [[…], […]]} runs one list of regions after the other. Returns every region's
     * outcome as data ({@link io.kecsh.dsl.result.ParallelResults}): a failed region does not stop the others.
     */
    ParallelResults parallel(Map options, Closure body) {
        Parallel.run(kecshSession, options, body, { Throwable e -> ScriptErrors.message(e) } as Function<Throwable, String>)
    }

    private static def run(Object delegate, Closure body) {
        Closure c = (Closure) body.clone()
        c.resolveStrategy = DELEGATE_FIRST
        c.delegate = delegate
        c.call()
    }
}
