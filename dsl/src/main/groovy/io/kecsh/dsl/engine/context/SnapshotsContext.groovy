package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.internal.Batches
import io.kecsh.dsl.result.SnapshotInfo
import io.kecsh.dsl.result.WaitStates
import io.kecsh.dsl.result.WaitsFor
import io.kecsh.runtime.model.Operation

/**
 * {@code snapshots { … }}: local-volume snapshots — {@code list()}, {@code snapshot volume, name: …},
 * {@code rollback volume, to: snapshot}, {@code delete snapshot}, {@code waitUntil 'ready'}.
 * {@code volumes { }} has the same verbs, with {@code list()} listing volumes.
 */
class SnapshotsContext extends ResourceContext {

    private final List<SnapshotInfo> taken = []

    SnapshotsContext(KecshSession session) {
        super(session)
    }

    /**
     * Snapshots in the region: {@code list(volume: 'ksc-…-vda')}, {@code list(instance: 'db')}. Materialised:
     * DescribeLocalVolumeSnapshots takes no page size or token and answers every snapshot at once.
     */
    @Verb(action = 'DescribeLocalVolumeSnapshots', names = ['volume=LocalVolumeName', 'instance=InstanceName'])
    List list(Map criteria = [:]) {
        listed(Verbs.of(SnapshotsContext, 'list'), criteria)
    }

    @Verb(action = 'DescribeLocalVolumeSnapshots', names = ['volume=LocalVolumeName', 'instance=InstanceName'])
    List<SnapshotInfo> snapshots(Map criteria = [:]) {
        listed(declared('snapshots'), criteria)
    }

    /** The snapshots, as snapshots' own list (volumes { list() } lists volumes). */
    protected List<SnapshotInfo> listed(Verbs.Info verb, Map criteria) {
        ((List<Map<String, Object>>) (send(verb, criteria).LocalVolumeSnapshotSet ?: [])).collect { SnapshotInfo.from(it) }
    }

    /** {@code snapshot volume, name: 'before-upgrade'} → the new snapshot (creating, then ACTIVE). */
    @Verb(action = 'CreateLocalVolumeSnapshot', argument = 'LocalVolumeId', names = ['name=LocalVolumeSnapshotName', 'description=LocalVolumeSnapshotDesc'])
    SnapshotInfo snapshot(Map args = [:], Object volume) {
        Verbs.Info verb = declared('snapshot')
        required(verb, args, 'name', "snapshot volume, name: 'before-upgrade'")
        String id = send(verb, args, [LocalVolumeId: id(volume, 'snapshot', 'volume')]).LocalVolumeSnapshotId as String
        SnapshotInfo s = snapshots().find { it.id == id } ?: new SnapshotInfo(id: id, name: args.name as String)
        taken << s
        s
    }

    /** {@code rollback volume, to: snapshot}: the instance must be stopped. */
    @Verb(action = 'RollbackLocalVolume', argument = 'LocalVolumeId', names = ['to=LocalVolumeSnapshotId'])
    boolean rollback(Map args = [:], Object volume) {
        Verbs.Info verb = declared('rollback')
        required(verb, args, 'to', 'rollback volume, to: snapshot')
        send(verb, args, [LocalVolumeId: id(volume, 'rollback', 'volume')]).Return != false
    }

    /** Deletes snapshots, as many a call as the model allows (see {@link Batches}); an unknown ID fails its call, which deletes nothing. */
    @Verb(action = 'DeleteLocalVolumeSnapshot', argument = 'LocalVolumeSnapshotId')
    List<String> delete(Object snapshots) {
        List<String> wanted = ids(snapshots, 'delete', 'snapshot')
        Verbs.Info verb = declared('delete')
        Operation op = session.ops.model.requireOperation(verb.action)
        List<String> done = Batches.overList('delete', wanted, op, 'LocalVolumeSnapshotId') { List<String> chunk, int offset ->
            Map<String, Object> r = perform(verb, [LocalVolumeSnapshotId: new ArrayList<>(chunk)])
            List<Map> set = (List<Map>) (r.ReturnSet ?: [])
            if (!set) return Batches.Answer.all(chunk)
            Batches.Answer answer = new Batches.Answer()
            set.each { Map item -> item.Return == false ? answer.refused.put(item.LocalVolumeSnapshotId as String, 'refused') : answer.done.add(item.LocalVolumeSnapshotId as String) }
            answer
        }
        session.progress("delete: ${done.size()} snapshot(s)")
        done
    }

    /** Waits for the snapshots this block took (or those given) to be {@code ready}. */
    @WaitsFor(WaitStates.SNAPSHOT)
    List<SnapshotInfo> waitUntil(Map options = [:], String state) {
        waitFor(options, state, taken)
    }

    /** {@code waitUntil 'ready', snapshot} for snapshots taken elsewhere. */
    @WaitsFor(WaitStates.SNAPSHOT)
    List<SnapshotInfo> waitUntil(Map options = [:], String state, Object snapshots) {
        waitFor(options, state, (snapshots instanceof Collection ? snapshots as List : [snapshots]).collect {
            it instanceof SnapshotInfo ? it : this.snapshots().find { s -> s.id == id(it, 'waitUntil', 'snapshot') }
        })
    }

    private List<SnapshotInfo> waitFor(Map options, String state, List<SnapshotInfo> wanted) {
        if (wanted.isEmpty() || wanted.contains(null)) {
            throw new IllegalArgumentException("waitUntil: no snapshot to wait for: take one in this block, or name it: waitUntil 'ready', snapshot")
        }
        wanted.collect { SnapshotInfo s -> s.waitUntil(options, state) }
    }
}
