package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.internal.Batches
import io.kecsh.dsl.engine.internal.ImageNames
import io.kecsh.dsl.engine.internal.InstanceCriteria
import io.kecsh.dsl.engine.internal.InstanceTags
import io.kecsh.dsl.engine.internal.RunDefaults
import io.kecsh.dsl.engine.internal.RunNames
import io.kecsh.dsl.engine.internal.TemplateLaunch
import io.kecsh.dsl.error.BatchException
import io.kecsh.dsl.result.InstanceGroup
import io.kecsh.dsl.result.InstanceInfo
import io.kecsh.dsl.result.InstanceStream
import io.kecsh.dsl.result.WaitStates
import io.kecsh.dsl.result.WaitsFor
import io.kecsh.runtime.model.Operation
import java.util.function.Predicate

/**
 * {@code instances { … }}: launch with {@code run}, choose with {@code where}, then act on the
 * choice — {@code stop}, {@code start}, {@code reboot}, {@code terminate}, {@code resize},
 * {@code reinstall}, {@code modify}, {@code autoDelete}, {@code monitor}/{@code unmonitor},
 * {@code vnc}, {@code waitUntil}.
 * Also reachable as a property: {@code instances.where(type: ~/^S4\./)*.privateIp}.
 * The vocabulary only: calls are split and failures part way reported by {@link Batches}, where
 * criteria compile in {@link InstanceCriteria}, launch defaults come from {@link RunDefaults}.
 */
class InstancesContext extends ResourceContext {
    /** What where(...) takes and how each word reaches DescribeInstances (declared on where). */
    static final InstanceCriteria CRITERIA = new InstanceCriteria(Verbs.of(InstancesContext, 'where'))

    private Map<String, Object> criteria
    /** DescribeInstances' MaxResults when a script sets it ({@code list(pageSize: 100)}); else the paginator's. */
    private Integer pageSize

    InstancesContext(KecshSession session) {
        super(session)
    }

    /**
     * {@code run type: 'S4.2B', count: 3, name: 'web', suffix: 1, image: 'centos-7.6'}. A count above
     * the model's MaxCount becomes several calls; names and host names number on across them
     * (count 120, suffix 1: web-1 … web-120). A failure part way stops the run and says, per
     * instance, what was created (ids), what was not, and what may have been (see BatchException).
     */
    @Verb(action = 'RunInstances', own = ['count', 'min', 'zone', 'tags'], counts = ['count=MaxCount', 'min=MinCount'])
    InstanceGroup run(Map args = [:]) {
        Verbs.Info declared = declared('run')
        Operation op = session.ops.model.requireOperation(declared.action)
        Map a = new LinkedHashMap(args)
        int count = a.containsKey('count') ? a.remove('count') as int : 1
        Integer min = a.remove('min') as Integer
        String zone = a.remove('zone') as String
        Object tags = a.remove('tags')
        String tooFew = declared.tooFew(op, 'count', count) ?: declared.tooFew(op, 'min', min)
        if (tooFew) throw new IllegalArgumentException(tooFew)
        Map<String, Object> params = params(declared, a)
        if (tags != null) params.Tag = InstanceTags.forRun(tags)
        TemplateLaunch.fill(session, params)
        RunDefaults.fill(session, params, zone)
        RunNames names = new RunNames(params, count)
        List<String> created = Batches.overCount('run', names.labels(0, count), op, 'MaxCount') { List<String> chunk, int offset ->
            int n = chunk.size()
            Map<String, Object> call = new LinkedHashMap<>(params)
            call.MaxCount = n
            call.MinCount = offset == 0 && min != null ? Math.min(min, n) : n
            call.putAll(names.continuing(offset))
            List<Map> set = (List<Map>) (perform(declared, call).InstancesSet ?: [])
            Batches.Answer made = Batches.Answer.all(set.collect { it.InstanceId as String })
            made.exhausted = set.size() < n   // the quota ran out: RunInstances made what it could
            made
        }
        if (created.size() < count) session.progress("run: the quota allowed ${created.size()} of ${count} instances")
        try {
            InstanceGroup launched = describe(created)
            if (tags != null) showTags(launched, (Map) tags)
            launched
        } catch (RuntimeException e) {
            // the instances exist: say which, whatever went wrong in reading them back
            throw new BatchException('run', created, [:], [:], e)
        }
    }

    /**
     * Chooses instances: {@code state:}, {@code zone:}, {@code subnet:}, {@code vpc:} filter on the
     * server; {@code name:} and {@code type:} take a string or a pattern ({@code ~/^ci-/});
     * {@code id:}/{@code ids:}, {@code project:}, {@code search:}, {@code sort: [CreationDate: 'DESC']};
     * {@code tags: [env: 'prod']} (read from the tag service; the instances found then show their tags). Returns what it found now; the
     * verbs that follow in the same block act on the same choice.
     */
    @Verb(action = 'DescribeInstances', own = ['id', 'ids', 'name', 'type', 'tags'], fills = ['project=ProjectId', 'search=Search', 'sort=Sort'],
        filters = ['state=instance-state.name', 'zone=availability-zone.name', 'subnet=subnet-id', 'vpc=vpc-id'])
    InstanceGroup where(Map criteria) {
        Verbs.Info declared = declared('where')
        Operation op = session.ops.model.requireOperation(declared.action)
        criteria.keySet().each { k -> declared.word(op, k as String) }   // an unknown criterion is refused, as the compile-time check words it
        this.criteria = new LinkedHashMap<>(criteria)
        select()
    }

    /**
     * Every instance of the region (the recycle bin aside), read into one list: it materialises, as
     * {@link #where} does, so that the verbs after it act on that list. For a large inventory walk
     * {@link #stream} or {@link #each} instead, which hold two pages at most. {@code list(pageSize: 100)}
     * sets DescribeInstances' MaxResults (5-1000, the model's range; default the largest).
     */
    InstanceGroup list(Map options = [:]) {
        options.keySet().each { Object k ->
            if (k != 'pageSize') throw new IllegalArgumentException("list: unknown option ${io.kecsh.runtime.text.UserText.quoted(k as String)}${io.kecsh.runtime.text.Suggestions.didYouMean(k as String, ['pageSize'])}; list takes pageSize (or use where for criteria)")
        }
        this.pageSize = options.pageSize == null ? null : pageSize('list', session.ops.model.requireOperation(declared('where').action), options.pageSize, 'instances') as Integer
        this.criteria = [:]
        select()
    }

    /**
     * The instances {@code where} would choose, read lazily one page of DescribeInstances at a time
     * as they are iterated ({@link InstanceStream}): constant memory at any inventory size. Takes
     * where's criteria and {@code pageSize:} (instances a call, the model's MaxResults range;
     * the largest by default). It chooses nothing for the verbs that follow: to act on instances,
     * collect what you need from it or use {@code where}.
     * {@code instances.stream(state: 'active').findAll { it.type ==~ /S4.*}*.id}
     */
    @Verb(action = 'DescribeInstances', own = ['id', 'ids', 'name', 'type', 'pageSize'], fills = ['project=ProjectId', 'search=Search', 'sort=Sort'],
        filters = ['state=instance-state.name', 'zone=availability-zone.name', 'subnet=subnet-id', 'vpc=vpc-id'])
    InstanceStream stream(Map criteria = [:]) {
        Verbs.Info declared = declared('stream')
        Operation op = session.ops.model.requireOperation(declared.action)
        criteria.keySet().each { k -> declared.word(op, k as String) }
        Map<String, Object> request = CRITERIA.request(criteria, op)
        if (criteria.pageSize != null) request.MaxResults = pageSize('stream', op, criteria.pageSize, 'instances')
        Map<String, Object> c = new LinkedHashMap<>(criteria)
        streamOf(request, CRITERIA.ids(c), c)
    }

    /**
     * {@code instances.each { InstanceInfo i -> … }}: every instance of the region, one page in
     * memory at a time (see {@link #stream}).
     */
    void each(Closure<?> action) {
        stream().each(action)
    }

    @Verb(action = 'StopInstances', selected = 'InstanceId', names = ['mode=StoppedMode', 'force=ForceStop'])
    InstanceGroup stop(Map options = [:]) {
        act('stop', options)
    }

    @Verb(action = 'StartInstances', selected = 'InstanceId')
    InstanceGroup start(Map options = [:]) {
        act('start', options)
    }

    @Verb(action = 'RebootInstances', selected = 'InstanceId', names = ['force=ForceReboot'])
    InstanceGroup reboot(Map options = [:]) {
        act('reboot', options)
    }

    /** To the recycle bin; {@code force: true} destroys for good. */
    @Verb(action = 'TerminateInstances', selected = 'InstanceId', names = ['force=ForceDelete'])
    InstanceGroup terminate(Map options = [:]) {
        act('terminate', options)
    }

    /** {@code resize type: 'I1.4B'}: a new type for each chosen instance (ModifyInstanceType, one a call). */
    @Verb(action = 'ModifyInstanceType', selected = 'InstanceId')
    InstanceGroup resize(Map args) {
        eachOne('resize', params(declared('resize'), args))
    }

    /**
     * {@code reinstall image: 'centos-7.6', keepImageLogin: true}: a new system (or, with no image,
     * the same one again) on each chosen, stopped instance. It wipes the system disk, so the model
     * marks it destructive and protection applies.
     */
    @Verb(action = 'ModifyInstanceImage', selected = 'InstanceId')
    InstanceGroup reinstall(Map args = [:]) {
        Map<String, Object> p = params(declared('reinstall'), args)   // image:, imageId:, ImageId: all mean ImageId, as the declaration reads them
        if (p.ImageId != null) p.ImageId = ImageNames.resolve(session, p.ImageId as String)
        eachOne('reinstall', p)
    }

    /**
     * {@code modify name: 'web-1', hostName: 'web1', password: …}: ModifyInstanceAttribute on each
     * chosen instance. The action changes one attribute a call, so each attribute is its own call.
     */
    @Verb(action = 'ModifyInstanceAttribute', selected = 'InstanceId')
    InstanceGroup modify(Map args) {
        if (!args) throw new IllegalArgumentException("modify: say what to change, e.g. modify name: 'web-1'")
        InstanceGroup changed = null
        args.each { k, v -> changed = eachOne('modify', params(declared('modify'), [(k): v])) }
        changed
    }

    /** {@code autoDelete at: '2026-12-01 18:00', eip: true}; {@code autoDelete()} turns it off. */
    @Verb(action = 'ModifyInstanceAutoDeleteTime', selected = 'InstanceId', names = ['at=AutoDeleteTime', 'eip=AutoDeleteEip'])
    InstanceGroup autoDelete(Map args = [:]) {
        act('autoDelete', args)
    }

    /** Turns detailed monitoring on for the chosen instances (the 0913 edition's MonitorInstances). */
    @Verb(action = 'MonitorInstances', selected = 'InstanceId')
    InstanceGroup monitor() {
        act('monitor', [:])
    }

    @Verb(action = 'UnmonitorInstances', selected = 'InstanceId')
    InstanceGroup unmonitor() {
        act('unmonitor', [:])
    }

    /** The VNC console address of each chosen instance: [instanceId: url]. */
    @Verb(action = 'DescribeInstanceVnc', selected = 'InstanceId')
    Map<String, String> vnc() {
        Verbs.Info verb = declared('vnc')
        chosen('vnc').ids.collectEntries { String id -> [id, perform(verb, [(verb.selected): id]).vncUrl as String] }
    }

    @WaitsFor(WaitStates.INSTANCE)
    InstanceGroup waitUntil(Map options = [:], String state) {
        chosen('waitUntil').waitUntil(options, state)
    }

    /**
     * A guard on the choice before the verbs that follow act on it: {@code expect count: 3},
     * {@code expect atLeast: 1, atMost: 20}, {@code expect nonEmpty: true}. A miss throws
     * {@link io.kecsh.dsl.error.ExpectationException}, naming what was found; nothing after it in the block runs.
     */
    InstanceGroup expect(Map guard) {
        chosen('expect').expect(guard)
    }

    private InstanceGroup chosen(String verb) {
        if (criteria == null) {
            throw new IllegalArgumentException("${verb}: choose instances first, e.g. where state: 'active', name: ~/^ci-/")
        }
        select()
    }

    /**
     * A verb whose action takes one instance a call, with these API parameters ({@link #params} of
     * its declaration), on each chosen instance in turn (see {@link Batches}: the first failure stops
     * it, nothing is retried).
     */
    private InstanceGroup eachOne(String verb, Map<String, Object> extra) {
        Verbs.Info declared = declared(verb)
        InstanceGroup targets = chosen(verb)
        List<String> done = Batches.over(verb, targets.ids, 1) { List<String> one, int offset ->
            Map<String, Object> r = perform(declared, [(declared.selected): one[0]] + extra)
            if (r.Return == false) throw new IllegalStateException("${declared.action} returned false")
            Batches.Answer.all(one)
        }
        session.progress("${verb}: ${done.size()} instance(s)")
        describe(done)
    }

    /**
     * A verb whose action takes a list of instances, on the choice, as many a call as the model
     * allows (see {@link Batches}). Instances the answer refuses are reported as not done.
     */
    private InstanceGroup act(String verb, Map options) {
        Verbs.Info declared = declared(verb)
        String action = declared.action
        Map<String, Object> extra = params(declared, options)
        InstanceGroup targets = chosen(verb)
        List<String> done = Batches.overList(verb, targets.ids, session.ops.model.requireOperation(action), declared.selected) { List<String> chunk, int offset ->
            answered(action, chunk, targets, perform(declared, [(declared.selected): new ArrayList<>(chunk)] + extra))
        }
        session.progress("${verb}: ${done.size()} instance(s)")
        // as they are after the call (terminate used to print the old 'active'), in the choice's order
        describe(targets.ids.findAll { done.contains(it) })
    }

    /** What one answer says of its instances: a Return flag for all, or one per instance. */
    private static Batches.Answer answered(String action, List<String> chunk, InstanceGroup targets, Map<String, Object> r) {
        Batches.Answer answer = new Batches.Answer()
        if (r.InstancesSet == null) {
            if (r.Return == false) chunk.each { answer.refused[it] = "${action} returned false".toString() } else answer.done.addAll(chunk)
            return answer
        }
        ((List<Map>) r.InstancesSet).each { Map item ->
            // Monitor answers carry each instance's monitoring state rather than a Return flag.
            boolean ok = item.containsKey('Return') ? item.Return as boolean : true
            if (ok) answer.done << (item.InstanceId as String)
            else answer.refused[item.InstanceId as String] = "refused in state ${targets.find { it.id == item.InstanceId }?.state}".toString()
        }
        answer
    }

    private InstanceGroup select() {
        Map<String, Object> c = criteria ?: [:]
        Map<String, Object> request = CRITERIA.request(c, session.ops.model.requireOperation(declared('where').action))
        if (pageSize != null) request.MaxResults = pageSize
        List<InstanceInfo> found = streamOf(request, CRITERIA.ids(c), c).readAll()
        if (c.tags == null) return new InstanceGroup(found)
        // DescribeInstances neither returns nor filters tags: the tag service says which have them
        InstanceTags.fill(session, found)
        new InstanceGroup(found.findAll { InstanceTags.matches((Map) c.tags, it.tags) })
    }

    /** The tags a launch put on, read back from the tag service (in a plan, as asked: nothing was made). */
    private void showTags(InstanceGroup launched, Map tags) {
        if (session.plan != null) launched.each { it.tags = tags.collectEntries { k, v -> [k as String, v as String] } as Map<String, String> }
        else InstanceTags.fill(session, launched)
    }

    /** Fresh details for instances by ID, in that order. */
    private InstanceGroup describe(List<String> ids) {
        if (ids.isEmpty()) return new InstanceGroup()
        Map<String, InstanceInfo> byId = read([:], ids).collectEntries { [it.id, it] }
        new InstanceGroup(ids.collect { byId[it] }.findAll { it != null })
    }

    /** Every page of where's action (DescribeInstances), all kept. */
    private List<InstanceInfo> read(Map<String, Object> request, List<String> ids) {
        streamOf(request, ids, [:]).readAll()
    }

    /**
     * Every page of where's action (DescribeInstances), read as iterated; more ids than one call
     * takes: one paged listing per slice (a sort then holds within each slice). Only the criteria
     * kecsh checks itself (name and type patterns) are applied here; the rest are in the request.
     */
    private InstanceStream streamOf(Map<String, Object> request, List<String> ids, Map criteria) {
        String action = declared('where').action
        List<List<String>> slices = ids ? Batches.slices(ids, session.ops.model.requireOperation(action), 'InstanceId') : [null]
        List<Iterable<Map<String, Object>>> listings = slices.collect { List<String> slice ->
            session.ops.pages(action, slice == null ? request : request + [InstanceId: slice])
        }
        // only name and type patterns are kecsh's to check; without them every instance is kept unchecked
        Predicate<InstanceInfo> keep = criteria.name == null && criteria.type == null ? null : { InstanceInfo i -> CRITERIA.matches(criteria, i) } as Predicate<InstanceInfo>
        new InstanceStream(listings, keep)
    }
}
