package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.result.VolumeInfo

/** {@code volumes { list() }}: local volumes (an instance's local system and data disks), plus the snapshot verbs. */
class VolumesContext extends SnapshotsContext {
    VolumesContext(KecshSession session) {
        super(session)
    }

    /** Local volumes in the region: {@code list(instance: 'db')}. */
    @Override
    @Verb(action = 'DescribeLocalVolumes', names = ['instance=InstanceName'])
    List list(Map criteria = [:]) {
        ((List<Map<String, Object>>) (send(Verbs.of(VolumesContext, 'list'), criteria).LocalVolumeSet ?: [])).collect { VolumeInfo.from(it) }
    }
}
