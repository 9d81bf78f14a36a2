package io.kecsh.dsl.context

import io.kecsh.dsl.BatchException
import io.kecsh.dsl.KecshSession
import io.kecsh.dsl.Verb
import io.kecsh.dsl.Verbs
import io.kecsh.dsl.WaitStates
import io.kecsh.dsl.WaitsFor
import io.kecsh.dsl.internal.ImageNames
import io.kecsh.dsl.internal.KeyNames
import io.kecsh.dsl.internal.Limits
import io.kecsh.dsl.internal.NetworkPlacement
import io.kecsh.dsl.internal.RunNames
import io.kecsh.dsl.result.InstanceGroup
import io.kecsh.dsl.result.InstanceInfo
import io.kecsh.runtime.model.Operation

import java.util.regex.Pattern

/**
 * {@code instances { … }}: launch with {@code run}, choose with {@code where}, then act on the
 * choice — {@code stop}, {@code start}, {@code reboot}, {@code terminate}, {@code resize},
 * {@code reinstall}, {@code modify}, {@code autoDelete}, {@code monitor}/{@code unmonitor},
 * {@code vnc}, {@code waitUntil}.
 * Also reachable as a property: {@code instances.where(type: ~/^S4\./)*.privateIp}.
 */
class InstancesContext {
    /** where(...) keys that are server-side filters, and the filter name each becomes (declared on where). */
    static final Map<String, String> FILTERS = Verbs.of(InstancesContext, 'where').filters

    private final KecshSession session
    private Map<String, Object> criteria

    InstancesContext(KecshSession session) {
        this.session = session
    }

    /**
     * {@code run type: 'S4.2B', count: 3, name: 'web', suffix: 1, image: 'centos-7.6'}. A count above
     * the model's MaxCount becomes several calls; names and host names number on across them
     * (count 120, suffix 1: web-1 … web-120). A failure part way stops the run and says, per
     * instance, what was created (ids), what was not, and what may have been (see BatchException).
     */
    @Verb(action = 'RunInstances', own = ['count', 'min', 'zone'])
    InstanceGroup run(Map args = [:]) {
        Verbs.Info declared = Verbs.of(InstancesContext, 'run')
        Operation op = session.ops.model.requireOperation(declared.action)
        Map<String, Object> params = [:]
        int count = 1
        Integer min = null
        String zone = null
        args.each { k, v ->
            String key = k as String
            if (key == 'count') count = v as int
            else if (key == 'min') min = v as int
            else if (key == 'zone') zone = v as String
            else params[declared.word(op, key).parameter] = v
        }
        if (count < 1) throw new IllegalArgumentException("run: count must be at least 1, got ${count}")
        io.kecsh.dsl.internal.TemplateLaunch.fill(session, params)
        fillDefaults(params, zone)
        int batch = Limits.largest(op, 'MaxCount')
        RunNames names = new RunNames(params, count)
        List<InstanceInfo> created = []
        int offset = 0
        while (offset < count) {
            int n = Math.min(count - offset, batch)
            Map<String, Object> call = new LinkedHashMap<>(params)
            call.MaxCount = n
            call.MinCount = offset == 0 && min != null ? Math.min(min, n) : n
            call.putAll(names.continuing(offset))
            try {
                Map<String, Object> r = session.ops.call(declared.action, call)
                List<Map> set = (List<Map>) (r.InstancesSet ?: [])
                set.each { created << new InstanceInfo(id: it.InstanceId as String, name: it.InstanceName as String) }
                if (set.size() < n) break   // the quota ran out: RunInstances made what it could
            } catch (RuntimeException e) {
                if (count == 1) throw e     // one instance: the error itself says whether it may have been created
                Map<String, String> unknown = [:]
                Map<String, String> notDone = [:]
                (BatchException.mayHaveTakenEffect(e) ? unknown : notDone).putAll(names.labels(offset, n).collectEntries { [it, e.message] })
                if (offset + n < count) {
                    notDone.putAll(names.labels(offset + n, count - offset - n).collectEntries { [it, 'not tried: an earlier call failed'] })
                }
                throw new BatchException('run', created*.id, notDone, unknown, e)
            }
            offset += n
        }
        if (created.size() < count) session.progress("run: the quota allowed ${created.size()} of ${count} instances")
        try {
            describe(created*.id)
        } catch (RuntimeException e) {
            // the instances exist: say which, whatever went wrong in reading them back
            throw new BatchException('run', created*.id, [:], [:], e)
        }
    }

    /**
     * The required parameters a run leaves out, from the defaults (script, profile, sandbox); the subnet
     * and security group from the account's own network (NetworkPlacement), in {@code zone} when given.
     */
    private void fillDefaults(Map<String, Object> params, String zone) {
        String region = session.region
        if (!params.containsKey('ImageId')) params.ImageId = session.defaults.require('image', region, 'run', 'image')
        params.ImageId = ImageNames.resolve(session, params.ImageId as String)
        if (!params.containsKey('ChargeType')) params.ChargeType = session.defaults.require('chargeType', region, 'run', 'chargeType')
        if (!params.containsKey('InstanceType') && session.defaults.get('instanceType', region)) {
            params.InstanceType = session.defaults.get('instanceType', region)
        }
        String type = (params.InstanceType ?: session.ops.model.requireOperation('RunInstances').params().InstanceType?.defaultValue()?.orElse(null)) as String
        NetworkPlacement.fill(session, params, 'run', zone, type, false, 'securityGroup')
        if (!params.containsKey('KeyId') && session.defaults.get('keyId', region)) params.KeyId = [session.defaults.get('keyId', region)]
        if (params.containsKey('KeyId')) params.KeyId = KeyNames.resolve(session, 'run', params.KeyId)
    }

    /**
     * Chooses instances: {@code state:}, {@code zone:}, {@code subnet:}, {@code vpc:} filter on the
     * server; {@code name:} and {@code type:} take a string or a pattern ({@code ~/^ci-/});
     * {@code id:}/{@code ids:}, {@code project:}, {@code search:}, {@code sort: [CreationDate: 'DESC']}. Returns what it found now; the
     * verbs that follow in the same block act on the same choice.
     */
    @Verb(action = 'DescribeInstances', own = ['id', 'ids', 'name', 'type', 'project', 'search', 'sort'],
        filters = ['state=instance-state.name', 'zone=availability-zone.name', 'subnet=subnet-id', 'vpc=vpc-id'])
    InstanceGroup where(Map criteria) {
        Verbs.Info declared = Verbs.of(InstancesContext, 'where')
        Operation op = session.ops.model.requireOperation(declared.action)
        criteria.keySet().each { k -> declared.word(op, k as String) }   // an unknown criterion is refused, as the compile-time check words it
        this.criteria = new LinkedHashMap<>(criteria)
        select()
    }

    /** Every instance of the region (the recycle bin aside). */
    InstanceGroup list() {
        this.criteria = [:]
        select()
    }

    @Verb(action = 'StopInstances', names = ['mode=StoppedMode', 'force=ForceStop'])
    InstanceGroup stop(Map options = [:]) {
        act('stop', options)
    }

    @Verb(action = 'StartInstances')
    InstanceGroup start(Map options = [:]) {
        act('start', options)
    }

    @Verb(action = 'RebootInstances', names = ['force=ForceReboot'])
    InstanceGroup reboot(Map options = [:]) {
        act('reboot', options)
    }

    /** To the recycle bin; {@code force: true} destroys for good. */
    @Verb(action = 'TerminateInstances', names = ['force=ForceDelete'])
    InstanceGroup terminate(Map options = [:]) {
        act('terminate', options)
    }

    /** {@code resize type: 'I1.4B'}: a new type for each chosen instance (ModifyInstanceType, one a call). */
    @Verb(action = 'ModifyInstanceType')
    InstanceGroup resize(Map args) {
        eachOne('resize', args)
    }

    /**
     * {@code reinstall image: 'centos-7.6', keepImageLogin: true}: a new system (or, with no image,
     * the same one again) on each chosen, stopped instance. It wipes the system disk, so the model
     * marks it destructive and protection applies.
     */
    @Verb(action = 'ModifyInstanceImage')
    InstanceGroup reinstall(Map args = [:]) {
        Map resolved = new LinkedHashMap(args)
        Object image = resolved.image ?: resolved.ImageId ?: resolved.imageId
        if (image != null) {
            resolved.keySet().removeAll(['image', 'ImageId', 'imageId'])
            resolved.ImageId = ImageNames.resolve(session, image as String)
        }
        eachOne('reinstall', resolved)
    }

    /**
     * {@code modify name: 'web-1', hostName: 'web1', password: …}: ModifyInstanceAttribute on each
     * chosen instance. The action changes one attribute a call, so each attribute is its own call.
     */
    @Verb(action = 'ModifyInstanceAttribute')
    InstanceGroup modify(Map args) {
        if (!args) throw new IllegalArgumentException("modify: say what to change, e.g. modify name: 'web-1'")
        InstanceGroup changed = null
        args.each { k, v -> changed = eachOne('modify', [(k): v]) }
        changed
    }

    /** {@code autoDelete at: '2026-12-01 18:00', eip: true}; {@code autoDelete()} turns it off. */
    @Verb(action = 'ModifyInstanceAutoDeleteTime', names = ['at=AutoDeleteTime', 'eip=AutoDeleteEip'])
    InstanceGroup autoDelete(Map args = [:]) {
        act('autoDelete', args)
    }

    /** Turns detailed monitoring on for the chosen instances (the 0913 edition's MonitorInstances). */
    @Verb(action = 'MonitorInstances')
    InstanceGroup monitor() {
        act('monitor', [:])
    }

    @Verb(action = 'UnmonitorInstances')
    InstanceGroup unmonitor() {
        act('unmonitor', [:])
    }

    /** The VNC console address of each chosen instance: [instanceId: url]. */
    @Verb(action = 'DescribeInstanceVnc')
    Map<String, String> vnc() {
        String action = Verbs.of(InstancesContext, 'vnc').action
        chosen('vnc').ids.collectEntries { String id -> [id, session.ops.call(action, [InstanceId: id]).vncUrl as String] }
    }

    @WaitsFor(WaitStates.INSTANCE)
    InstanceGroup waitUntil(Map options = [:], String state) {
        chosen('waitUntil').waitUntil(options, state)
    }

    private InstanceGroup chosen(String verb) {
        if (criteria == null) {
            throw new IllegalArgumentException("${verb}: choose instances first, e.g. where state: 'active', name: ~/^ci-/")
        }
        select()
    }

    /** A verb's words as API parameters, as its declaration reads them. */
    private Map<String, Object> apiParams(Verbs.Info declared, String verb, Map args) {
        Operation op = session.ops.model.requireOperation(declared.action)
        Map<String, Object> out = [:]
        args.each { k, v -> out[declared.word(op, k as String).parameter] = v }
        out
    }

    /**
     * Runs a verb whose action takes one instance a call on each chosen instance in turn. The first
     * failure stops it: what was changed, what was not and what may have been are all reported;
     * nothing is retried.
     */
    private InstanceGroup eachOne(String verb, Map args) {
        Verbs.Info declared = Verbs.of(InstancesContext, verb)
        Map<String, Object> extra = apiParams(declared, verb, args).collectEntries { k, v -> [k, ResourceContext.plain(v)] } as Map<String, Object>
        InstanceGroup targets = chosen(verb)
        List<String> done = []
        for (String id : targets.ids) {
            try {
                Map<String, Object> r = session.ops.call(declared.action, [InstanceId: id] + extra)
                if (r.Return == false) throw new IllegalStateException("${declared.action} returned false")
                done << id
            } catch (RuntimeException e) {
                if (targets.size() == 1) throw e
                Map<String, String> failed = [(id): e.message]
                Map<String, String> notTried = targets.ids.findAll { !done.contains(it) && it != id }.collectEntries { [it, 'not tried: an earlier call failed'] }
                boolean maybe = BatchException.mayHaveTakenEffect(e)
                throw new BatchException(verb, done, maybe ? notTried : failed + notTried, maybe ? failed : [:], e)
            }
        }
        session.progress("${verb}: ${done.size()} instance(s)")
        describe(done)
    }

    /**
     * Runs a batch verb on the choice, as many ids a call as the model allows. Instances the service
     * refused are reported as not done; a call that failed stops the verb, its instances reported
     * as not done or, when it may have taken effect, unknown.
     */
    private InstanceGroup act(String verb, Map options) {
        Verbs.Info declared = Verbs.of(InstancesContext, verb)
        String action = declared.action
        Map<String, Object> extra = apiParams(declared, verb, options)
        InstanceGroup targets = chosen(verb)
        List<String> done = []
        Map<String, String> refused = [:]
        List<List<String>> chunks = Limits.slices(targets.ids, session.ops.model.requireOperation(action), 'InstanceId')
        for (int c = 0; c < chunks.size(); c++) {
            List<String> chunk = chunks[c]
            Map<String, Object> r
            try {
                r = session.ops.call(action, [InstanceId: chunk] + extra)
            } catch (RuntimeException e) {
                if (targets.size() == 1) throw e
                Map<String, String> failed = chunk.collectEntries { [it, e.message] }
                Map<String, String> notTried = chunks.drop(c + 1).flatten().collectEntries { [it, 'not tried: an earlier call failed'] }
                boolean maybe = BatchException.mayHaveTakenEffect(e)
                throw new BatchException(verb, done, refused + (maybe ? notTried : failed + notTried), maybe ? failed : [:], e)
            }
            if (r.InstancesSet == null) {
                if (r.Return == false) chunk.each { refused[it] = "${action} returned false".toString() } else done.addAll(chunk)
                continue
            }
            ((List<Map>) r.InstancesSet).each { Map item ->
                // Monitor answers carry each instance's monitoring state rather than a Return flag.
                boolean ok = item.containsKey('Return') ? item.Return as boolean : true
                if (ok) done << (item.InstanceId as String)
                else refused[item.InstanceId as String] = "refused in state ${targets.find { it.id == item.InstanceId }?.state}".toString()
            }
        }
        if (!refused.isEmpty()) throw new BatchException(verb, done, refused, null)
        session.progress("${verb}: ${done.size()} instance(s)")
        new InstanceGroup(targets.findAll { done.contains(it.id) })
    }

    private InstanceGroup select() {
        Map<String, Object> c = criteria ?: [:]
        Map<String, Object> params = [:]
        List<Map> filters = []
        FILTERS.each { key, filter ->
            if (c.containsKey(key)) filters << [Name: filter, Value: asList(c[key]).collect { it as String }]
        }
        if (filters) params.Filter = filters
        // where ids: web takes results (and groups of them) as well as ID strings.
        List<String> ids = asList(ResourceContext.plain(c.id ?: c.ids)).collect { it as String }
        if (c.project != null) params.ProjectId = asList(c.project)
        if (c.search != null) params.Search = c.search as String
        if (c.sort != null) params.Sort = sortKeys(c.sort)
        List<InstanceInfo> found = []
        // more ids than one call takes: one paged listing per slice (a sort then holds within each slice)
        List<List<String>> slices = ids ? Limits.slices(ids, session.ops.model.requireOperation('DescribeInstances'), 'InstanceId') : [null]
        slices.each { List<String> slice ->
            Map<String, Object> call = slice == null ? params : params + [InstanceId: slice]
            session.ops.pages('DescribeInstances', call).each { Map page ->
                ((List<Map<String, Object>>) (page.InstancesSet ?: [])).each { found << InstanceInfo.from(it) }
            }
        }
        new InstanceGroup(found.findAll { matches(c.name, it.name) && matches(c.type, it.type) })
    }

    /** {@code sort: 'InstanceName'} (ascending), {@code sort: [CreationDate: 'DESC']}, or a list of either, in order. */
    private static List<Map<String, String>> sortKeys(Object sort) {
        asList(sort).collectMany { Object key ->
            key instanceof Map ? ((Map) key).collect { k, v -> [Name: k as String, Value: v as String] } : [[Name: key as String, Value: 'ASC']]
        } as List<Map<String, String>>
    }

    private static boolean matches(Object wanted, String actual) {
        if (wanted == null) return true
        if (wanted instanceof Pattern) return actual != null && ((Pattern) wanted).matcher(actual).find()
        asList(wanted).any { it as String == actual }
    }

    private static List asList(Object v) {
        v == null ? [] : v instanceof Collection ? new ArrayList((Collection) v) : [v]
    }

    /** Fresh details for instances by ID, in that order. */
    private InstanceGroup describe(List<String> ids) {
        List<InstanceInfo> out = []
        Limits.slices(ids, session.ops.model.requireOperation('DescribeInstances'), 'InstanceId').each { List<String> chunk ->
            session.ops.pages('DescribeInstances', [InstanceId: chunk]).each { Map page ->
                ((List<Map<String, Object>>) (page.InstancesSet ?: [])).each { out << InstanceInfo.from(it) }
            }
        }
        Map<String, InstanceInfo> byId = out.collectEntries { [it.id, it] }
        new InstanceGroup(ids.collect { byId[it] }.findAll { it != null })
    }
}
