package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.result.PagedItems
import io.kecsh.dsl.result.VolumeInfo
import java.util.function.Function

/** {@code volumes { list() }}: local volumes (an instance's local system and data disks), plus the snapshot verbs. */
class VolumesContext extends SnapshotsContext {
    VolumesContext(KecshSession session) {
        super(session)
    }

    /**
     * Local volumes in the region, every page of DescribeLocalVolumes read into one list:
     * {@code list(instance: 'db')}. For a large inventory walk {@link #stream} or {@link #each},
     * which hold two pages at most.
     */
    @Override
    @Verb(action = 'DescribeLocalVolumes', names = ['instance=InstanceName'])
    List list(Map criteria = [:]) {
        paged(declared('list'), criteria, null).readAll()
    }

    /**
     * The volumes {@link #list} gives, read lazily page by page as they are iterated
     * ({@link PagedItems}): constant memory at any inventory size. Takes list's criteria and
     * {@code pageSize:} (volumes a call, the model's MaxResults range; the largest by default).
     */
    @Verb(action = 'DescribeLocalVolumes', names = ['instance=InstanceName'], own = ['pageSize'])
    PagedItems<VolumeInfo> stream(Map criteria = [:]) {
        Map rest = new LinkedHashMap(criteria)
        Object size = rest.remove('pageSize')
        paged(declared('stream'), rest, size)
    }

    /** {@code volumes.each { VolumeInfo v -> … }}: every local volume, two pages in memory at most. */
    void each(Closure<?> action) {
        stream().each(action)
    }

    private PagedItems<VolumeInfo> paged(Verbs.Info verb, Map criteria, Object size) {
        Map<String, Object> request = params(verb, criteria)
        if (size != null) request.MaxResults = pageSize(verb.name, session.ops.model.requireOperation(verb.action), size, 'volumes')
        new PagedItems<VolumeInfo>(session.ops.pages(verb.action, request), 'LocalVolumeSet', { Map<String, Object> it -> VolumeInfo.from(it) } as Function)
    }
}
