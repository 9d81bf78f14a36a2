package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode
import groovy.transform.ToString

/** A local-volume snapshot (a DescribeLocalVolumeSnapshots item); {@code waitUntil 'ready'} refreshes it. */
@CompileStatic
@EqualsAndHashCode(includes = ['id', 'state'])
@ToString(includes = ['id', 'name', 'state', 'volumeId'], includeNames = true, includePackage = false)
class SnapshotInfo implements Serializable {
    private static final long serialVersionUID = 1L

    String id
    String name
    String description
    String state
    String volumeId
    String volumeName
    String instanceId
    Long diskSize
    String creationDate
    String snapshotType

    static SnapshotInfo from(Map<String, Object> item) {
        new SnapshotInfo(id: item.LocalVolumeSnapshotId as String, name: item.LocalVolumeSnapshotName as String,
            description: item.LocalVolumeSnapshotDesc as String, state: item.State as String,
            volumeId: item.SourceLocalVolumeId as String, volumeName: item.SourceLocalVolumeName as String,
            instanceId: item.InstanceId as String, diskSize: item.DiskSize as Long, creationDate: item.CreationDate as String,
            snapshotType: item.SnapshotType as String)
    }

    /**
     * LocalVolumeSnapshotReady ({@code 'ready'}). DescribeLocalVolumeSnapshots has no snapshot-ID
     * filter, so the wait covers the snapshots of this snapshot's volume.
     */
    @WaitsFor(WaitStates.SNAPSHOT)
    SnapshotInfo waitUntil(Map options = [:], String state) {
        Map<String, Object> last = RunningScript.waits().forResource(WaitStates.SNAPSHOT, state,
            [LocalVolumeName: volumeName] as Map<String, Object>, options)
        Map<String, Object> now = ((List<Map<String, Object>>) (last.LocalVolumeSnapshotSet ?: [])).find { it.LocalVolumeSnapshotId == id }
        now ? from(now) : this
    }
}
