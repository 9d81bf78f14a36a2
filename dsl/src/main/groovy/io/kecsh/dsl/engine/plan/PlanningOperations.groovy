package io.kecsh.dsl.engine.plan

import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.runtime.catalog.LiveCatalogue
import io.kecsh.runtime.invoke.Invoker
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.model.Waiter
import io.kecsh.runtime.retry.Sleeper
import io.kecsh.runtime.validate.OpenValueRule
import io.kecsh.runtime.validate.Validator
import io.kecsh.runtime.waiter.WaitOptions
import io.kecsh.runtime.waiter.WaiterException
import io.kecsh.runtime.waiter.WaiterRunner
import java.time.Clock
import java.time.Duration

/**
 * {@link CloudOperations} for plan mode. Reads (operations the model does not mark mutating) go
 * to the real operations; a mutating call is validated by the runtime's {@link Validator} — so a
 * plan fails on what the real call would refuse before sending — then recorded in the {@link Plan}
 * with its secrets masked, its region (the Alibaba one for kms and bss), the names of the resources
 * it names and whether it is destructive, and answered with a placeholder shaped by the output model.
 *
 * <p>Each recorded call is applied to the plan's {@link PlannedWorld} ({@link PlannedEffects}), and
 * the reads of instances and network interfaces are answered through it, so the rest of the script
 * plans through what came before: stopped instances are stopped, terminated ones gone, launched
 * ones there ('pending'), created interfaces listed and attached. A wait never polls: it judges the
 * planned view once by the waiter's own acceptors — a failure state fails as it would for real — and
 * otherwise the planned resources are taken to reach the waiter's success state, with a note.
 */
class PlanningOperations implements CloudOperations {
    static final String PENDING = 'pending'

    final CloudOperations delegate
    final Plan plan
    private final PlannedWorld world
    private final Validator validator

    PlanningOperations(CloudOperations delegate, Plan plan, Clock clock = Clock.systemUTC()) {
        this(delegate, plan, new PlannedWorld(), new Validator(delegate.model, clock))
    }

    PlanningOperations(CloudOperations delegate, Plan plan, PlannedWorld world, Clock clock) {
        this(delegate, plan, world, new Validator(delegate.model, clock))
    }

    private PlanningOperations(CloudOperations delegate, Plan plan, PlannedWorld world, Validator validator) {
        this.delegate = delegate
        this.plan = plan
        this.world = world
        this.validator = validator
    }

    @Override
    Map<String, Object> call(String action, Map<String, ?> params) {
        Operation op = model.requireOperation(action)
        if (action == 'DescribeInstances') return merged(describeInstances(params))
        if (action == 'DescribeNetworkInterfaces') return describeInterfaces(params)
        if (!op.mutating()) {
            Map<String, Object> sendable = Placeholders.sendable(params)
            // A read about something only this plan created: nothing to ask the cloud, nothing found.
            return sendable == null ? [RequestId: 'planned'] as Map<String, Object> : delegate.call(action, sendable)
        }
        record(op, params)
    }

    @Override
    Iterable<Map<String, Object>> pages(String action, Map<String, ?> params) {
        if (action == 'DescribeInstances') return describeInstances(params)
        if (action == 'DescribeNetworkInterfaces') return [describeInterfaces(params)]
        Map<String, Object> sendable = Placeholders.sendable(params)
        sendable == null ? [] : delegate.pages(action, sendable)
    }

    /**
     * One look at the planned view, judged by the waiter's acceptors (the runtime's own runner with
     * no time to wait): success or failure as a real wait would end; otherwise the resources are
     * taken to reach the state the waiter's success acceptor names, and the plan notes it.
     */
    @Override
    Map<String, Object> waitFor(String waiterName, Map<String, ?> params, WaitOptions options) {
        Waiter waiter = model.services().collect { it.waiter(waiterName).orElse(null) }.find { it != null }
        Collection ids = (params.InstanceId instanceof Collection ? params.InstanceId : [params.InstanceId]).findAll { it != null }
        PlanningOperations self = this   // in a closure, call() would be the closure's own
        WaiterRunner once = new WaiterRunner({ String a, Map<String, ?> p -> self.call(a, p) } as Invoker, model, Clock.systemUTC(), { Duration d -> } as Sleeper)
        try {
            return once.await(waiter, params, (options ?: WaitOptions.defaultsFor(waiter)).withTimeout(Duration.ZERO).withProgress(null))
        } catch (WaiterException e) {
            if (!e.timedOut()) throw e
        }
        String reached = successState(waiter)
        if (reached != null && waiter.operation() == 'DescribeInstances') ids.each { world.change(it as String, [InstanceState: [Name: reached]] as Map<String, Object>) }
        plan.notes << "${waiterName}${ids ? " on ${ids.size()} resource(s)" : ''}: not waited (plan mode); taken to be ${reached ?: 'done'}".toString()
        call(waiter.operation(), params)
    }

    /** The value the waiter's pathAll success acceptor expects ('active' for InstanceActive), or null. */
    private static String successState(Waiter waiter) {
        waiter.acceptors().find { it.state() == 'success' && it.matcher() == 'pathAll' }?.expected() as String
    }

    @Override
    ServiceModel getModel() {
        delegate.model
    }

    @Override
    CloudOperations inRegion(String region) {
        new PlanningOperations(delegate.inRegion(region), plan, world, validator)
    }

    @Override
    OpenValueRule.Verdict judgeRegion(String region) {
        delegate.judgeRegion(region)
    }

    @Override
    String getRegion() {
        delegate.region
    }

    @Override
    String regionFor(String service) {
        delegate.regionFor(service)
    }

    @Override
    LiveCatalogue getCatalogue() {
        delegate.catalogue
    }

    /** The world this plan has changed so far (its before/after summary comes from here). */
    PlannedWorld getWorld() {
        world
    }

    private Map<String, Object> record(Operation op, Map<String, ?> params) {
        validator.validate(op, (Map<String, ?>) Placeholders.standIns(params)).orThrow()
        String service = model.serviceOf(op).name()
        PlannedCall planned = new PlannedCall(service: service, action: op.name(), region: delegate.regionFor(service),
            destructive: op.destructive(), params: Masking.masked(model, op, params), names: names(params))
        Map<String, Object> result = Placeholders.result(op, params, world.counter, planned.planned)
        if (op.name() == 'RunInstances') {
            result.InstancesSet = launched(params, planned.planned)
            planned.estimate = PriceEstimates.of(delegate, params)
        }
        PlannedEffects.apply(world, op.name(), params, result, region)
        synchronized (plan) {
            plan.calls << planned
        }
        result
    }

    /** The names of the resources a call names by ID, for the plan line (web-1 beside i-…). */
    private Map<String, String> names(Map<String, ?> params) {
        Map<String, String> out = [:]
        params.each { String k, Object v ->
            if (!k.endsWith('Id')) return
            (v instanceof Collection ? (Collection) v : [v]).each { Object id ->
                String name = id == null ? null : world.nameOf(id as String)
                if (name) out[id as String] = name
            }
        }
        out
    }

    /** RunInstances answers with its instances' IDs and names; each becomes a pending instance. */
    private List<Map<String, Object>> launched(Map<String, ?> params, List<String> ids) {
        ids.clear()
        int count = (params.MaxCount ?: 1) as int
        Integer suffix = params.InstanceNameSuffix == null ? null : params.InstanceNameSuffix as Integer
        (0..<count).collect { int i ->
            String id = Placeholders.PREFIX + world.counter.incrementAndGet()
            ids << id
            String name = params.InstanceName == null ? null : suffix == null ? params.InstanceName as String : "${params.InstanceName}-${suffix + i}".toString()
            Map<String, Object> item = [InstanceId: id, InstanceName: name, InstanceType: params.InstanceType ?: defaultType(),
                                        ImageId: params.ImageId, SubnetId: params.SubnetId, ChargeType: params.ChargeType,
                                        InstanceState: [Name: PENDING], Region: region] as Map<String, Object>
            world.instances[id] = item
            [InstanceId: id, InstanceName: name] as Map<String, Object>
        }
    }

    private String defaultType() {
        model.requireOperation('RunInstances').param('InstanceType').flatMap { it.defaultValue() }.orElse(null) as String
    }

    /**
     * DescribeInstances through the planned world: the real answer for real IDs with the planned
     * changes applied, then the planned instances asked for by ID — or, for a selection with no
     * server-side criteria but the state, every planned instance of this region. A state filter is
     * judged here on the planned state (the cloud would judge the state before the plan), and
     * terminated instances are left out as the cloud leaves them out.
     */
    private List<Map<String, Object>> describeInstances(Map<String, ?> params) {
        List ids = params.InstanceId instanceof Collection ? new ArrayList((Collection) params.InstanceId)
            : params.InstanceId != null ? [params.InstanceId] : []
        List planned = ids.findAll { Placeholders.isPlaceholder(it) }
        List real = ids - planned
        List<String> states = stateFilter(params)
        List<Map<String, Object>> items = []
        if (ids.isEmpty() || !real.isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>(params)
            if (!ids.isEmpty()) p.InstanceId = real
            List<Map<String, Object>> reads = [p]
            // instances the plan moved into the asked-for state: the cloud does not list them under it yet
            if (states != null && !world.changed.isEmpty()) reads << withoutStateFilter(p)
            Map<String, Map<String, Object>> byId = new LinkedHashMap<>()
            CloudOperations cloud = this.delegate   // in a closure, 'delegate' would be the closure's
            reads.each { Map<String, Object> r ->
                cloud.pages('DescribeInstances', r).each { Map page ->
                    ((List<Map<String, Object>>) (page.InstancesSet ?: [])).each { byId.putIfAbsent(it.InstanceId as String, it) }
                }
            }
            byId.values().each { items << world.instance(it) }
        }
        if (!ids.isEmpty()) items.addAll(planned.collect { world.instances[it as String] }.findAll { it != null })
        else if (onlyStateCriteria(params)) items.addAll(world.instances.values().findAll { it.Region == region })
        List<Map<String, Object>> shown = items.findAll { Map i ->
            String s = PlannedWorld.state(i)
            states != null ? states.contains(s) : !PlannedWorld.HIDDEN.contains(s)
        }.collect { it.findAll { k, v -> k != 'Region' } as Map<String, Object> }
        [[InstancesSet: shown, InstanceCount: shown.size()] as Map<String, Object>]
    }

    private static List<String> stateFilter(Map<String, ?> params) {
        Map f = ((params.Filter ?: []) as List<Map>).find { it.Name == 'instance-state.name' }
        f == null ? null : ((f.Value instanceof Collection ? f.Value : [f.Value]) as List).collect { it as String }
    }

    private static Map<String, Object> withoutStateFilter(Map<String, Object> params) {
        Map<String, Object> p = new LinkedHashMap<>(params)
        List rest = ((params.Filter ?: []) as List<Map>).findAll { it.Name != 'instance-state.name' }
        if (rest) p.Filter = rest else p.remove('Filter')
        p
    }

    private static boolean onlyStateCriteria(Map<String, ?> params) {
        !params.ProjectId && !params.Search && ((params.Filter ?: []) as List<Map>).every { it.Name == 'instance-state.name' }
    }

    /**
     * DescribeNetworkInterfaces through the planned world: real interfaces with planned attachments,
     * less the deleted; the planned ones asked for by ID, or all of this region's when nothing is filtered.
     */
    private Map<String, Object> describeInterfaces(Map<String, ?> params) {
        List ids = params.NetworkInterfaceId instanceof Collection ? new ArrayList((Collection) params.NetworkInterfaceId)
            : params.NetworkInterfaceId != null ? [params.NetworkInterfaceId] : []
        List planned = ids.findAll { Placeholders.isPlaceholder(it) }
        List real = ids - planned
        Map<String, Object> out = [RequestId: 'planned'] as Map<String, Object>
        List<Map<String, Object>> items = []
        if (ids.isEmpty() || !real.isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>(params)
            if (!ids.isEmpty()) p.NetworkInterfaceId = real
            out = new LinkedHashMap<>(delegate.call('DescribeNetworkInterfaces', p))
            ((List<Map<String, Object>>) (out.NetworkInterfaceSet ?: [])).each { Map<String, Object> n ->
                Map<String, Object> now = world.networkInterface(n)
                if (now != null) items << now
            }
        }
        Collection<Map<String, Object>> mine = ids ? planned.collect { world.interfaces[it as String] }
            : params.Filter ? [] : world.interfaces.findAll { k, v -> Placeholders.isPlaceholder(k) }.values()
        mine.findAll { it != null && it.Region == region }.each { items << (it.findAll { k, v -> k != 'Region' } as Map<String, Object>) }
        out.NetworkInterfaceSet = items
        out
    }

    private static Map<String, Object> merged(List<Map<String, Object>> pages) {
        Map<String, Object> out = pages ? new LinkedHashMap<>(pages[0]) : [:]
        out.InstancesSet = pages.collectMany { (it.InstancesSet ?: []) as List }
        out.InstanceCount = ((List) out.InstancesSet).size()
        out.remove('Marker')
        out
    }
}
