package io.kecsh.dsl.plan

import io.kecsh.dsl.CloudOperations
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.model.Waiter
import io.kecsh.runtime.validate.OpenValueRule
import io.kecsh.runtime.validate.Validator
import io.kecsh.runtime.waiter.WaitOptions

import java.time.Clock
import java.util.concurrent.atomic.AtomicInteger

/**
 * {@link CloudOperations} for plan mode. Reads (operations the model does not mark mutating) go
 * to the real operations; a mutating call is validated by the runtime's {@link Validator} — so a
 * plan fails on what the real call would refuse before sending — then recorded in the {@link Plan}
 * with its secrets masked and answered with a placeholder shaped by the output model.
 *
 * <p>Instances a planned RunInstances "creates" (planned-1, …) are answered by DescribeInstances
 * as 'pending', so a script's follow-up selection keeps working. Waits never poll in plan mode:
 * the changes they would wait for were not sent, so a wait on a real instance would otherwise run
 * to its timeout. A wait returns the current description at once and leaves a note in the plan.
 */
class PlanningOperations implements CloudOperations {
    static final String PENDING = 'pending'

    final CloudOperations delegate
    final Plan plan
    private final Ledger ledger
    private final Validator validator

    PlanningOperations(CloudOperations delegate, Plan plan, Clock clock = Clock.systemUTC()) {
        this(delegate, plan, new Ledger(), new Validator(delegate.model, clock))
    }

    PlanningOperations(CloudOperations delegate, Plan plan, Ledger ledger, Clock clock) {
        this(delegate, plan, ledger, new Validator(delegate.model, clock))
    }

    private PlanningOperations(CloudOperations delegate, Plan plan, Ledger ledger, Validator validator) {
        this.delegate = delegate
        this.plan = plan
        this.ledger = ledger
        this.validator = validator
    }

    /** What planned calls "created", shared by every regional view of one plan. */
    static class Ledger {
        final AtomicInteger counter = new AtomicInteger()
        /** Planned instance ID → a DescribeInstances item for it. */
        final Map<String, Map<String, Object>> instances = Collections.synchronizedMap(new LinkedHashMap<>())
    }

    @Override
    Map<String, Object> call(String action, Map<String, ?> params) {
        Operation op = model.requireOperation(action)
        if (action == 'DescribeInstances') return merged(describeInstances(params))
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
        Map<String, Object> sendable = Placeholders.sendable(params)
        sendable == null ? [] : delegate.pages(action, sendable)
    }

    @Override
    Map<String, Object> waitFor(String waiterName, Map<String, ?> params, WaitOptions options) {
        Waiter waiter = model.services().collect { it.waiter(waiterName).orElse(null) }.find { it != null }
        Collection ids = (params.InstanceId instanceof Collection ? params.InstanceId : [params.InstanceId]).findAll { it != null }
        plan.notes << "${waiterName}${ids ? " on ${ids.size()} resource(s)" : ''}: not waited (plan mode returns at once; planned instances stay ${PENDING})".toString()
        call(waiter?.operation() ?: 'DescribeInstances', params)
    }

    @Override
    ServiceModel getModel() {
        delegate.model
    }

    @Override
    CloudOperations inRegion(String region) {
        new PlanningOperations(delegate.inRegion(region), plan, ledger, validator)
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
    io.kecsh.runtime.catalog.LiveCatalogue getCatalogue() {
        delegate.catalogue
    }

    private Map<String, Object> record(Operation op, Map<String, ?> params) {
        validator.validate(op, (Map<String, ?>) Placeholders.standIns(params)).orThrow()
        PlannedCall planned = new PlannedCall(service: model.serviceOf(op).name(), action: op.name(), region: region,
            params: Masking.masked(model, op, params))
        Map<String, Object> result = Placeholders.result(op, params, ledger.counter, planned.planned)
        if (op.name() == 'RunInstances') {
            result.InstancesSet = launched(params, planned.planned)
            planned.estimate = PriceEstimates.of(delegate, params)
        }
        synchronized (plan) {
            plan.calls << planned
        }
        result
    }

    /** RunInstances answers with its instances' IDs and names; each becomes a pending instance. */
    private List<Map<String, Object>> launched(Map<String, ?> params, List<String> ids) {
        ids.clear()
        int count = (params.MaxCount ?: 1) as int
        Integer suffix = params.InstanceNameSuffix == null ? null : params.InstanceNameSuffix as Integer
        (0..<count).collect { int i ->
            String id = Placeholders.PREFIX + ledger.counter.incrementAndGet()
            ids << id
            String name = params.InstanceName == null ? null : suffix == null ? params.InstanceName as String : "${params.InstanceName}-${suffix + i}".toString()
            Map<String, Object> item = [InstanceId: id, InstanceName: name, InstanceType: params.InstanceType ?: defaultType(),
                                        ImageId: params.ImageId, SubnetId: params.SubnetId, ChargeType: params.ChargeType,
                                        InstanceState: [Name: PENDING], Region: region] as Map<String, Object>
            ledger.instances[id] = item
            [InstanceId: id, InstanceName: name] as Map<String, Object>
        }
    }

    private String defaultType() {
        model.requireOperation('RunInstances').param('InstanceType').flatMap { it.defaultValue() }.orElse(null) as String
    }

    /**
     * The real answer for real IDs, then the planned instances asked for by ID — or, for a
     * selection with no server-side criteria, every planned instance of this region.
     */
    private List<Map<String, Object>> describeInstances(Map<String, ?> params) {
        List ids = params.InstanceId instanceof Collection ? new ArrayList((Collection) params.InstanceId)
            : params.InstanceId != null ? [params.InstanceId] : []
        List planned = ids.findAll { Placeholders.isPlaceholder(it) }
        List real = ids - planned
        List<Map<String, Object>> pages = []
        if (ids.isEmpty() || !real.isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>(params)
            if (!ids.isEmpty()) p.InstanceId = real
            delegate.pages('DescribeInstances', p).each { pages << it }
        }
        List<Map<String, Object>> mine
        if (!ids.isEmpty()) mine = planned.collect { ledger.instances[it as String] }.findAll { it != null }
        else if (params.Filter || params.ProjectId || params.Search) mine = []
        else mine = ledger.instances.values().findAll { it.Region == region } as List
        if (mine) pages << [InstancesSet: mine.collect { it.findAll { k, v -> k != 'Region' } }] as Map<String, Object>
        pages
    }

    private static Map<String, Object> merged(List<Map<String, Object>> pages) {
        Map<String, Object> out = pages ? new LinkedHashMap<>(pages[0]) : [:]
        out.InstancesSet = pages.collectMany { (it.InstancesSet ?: []) as List }
        out.InstanceCount = ((List) out.InstancesSet).size()
        out.remove('Marker')
        out
    }
}
