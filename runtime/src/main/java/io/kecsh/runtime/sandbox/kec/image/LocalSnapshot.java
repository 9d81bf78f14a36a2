package io.kecsh.runtime.sandbox.kec.image;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kecsh.runtime.sandbox.state.Transition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A local-volume snapshot as this domain works with it. RegionState keeps snapshots as plain maps
 * (so the state file needs no class of ours); {@link #from} and {@link #toMap} convert, with the
 * state file's own rules (fields only).
 */
final class LocalSnapshot {
    private static final ObjectMapper FIELDS = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    String id;
    String name;
    String description;
    String volumeId;
    String volumeName;
    String volumeCategory;
    long diskSize;
    String instanceId;
    /** creating, then ACTIVE (the sample's and the LocalVolumeSnapshotReady waiter's value). */
    String state;

    Transition transition;
    String creationDate;
    /** manual: made by CreateLocalVolumeSnapshot (the sample's auto comes from a snapshot policy). */
    String snapshotType = "manual";

    static LocalSnapshot from(Map<String, Object> stored) {
        return FIELDS.convertValue(stored, LocalSnapshot.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> toMap() {
        return FIELDS.convertValue(this, LinkedHashMap.class);
    }

    /** As the LocalVolumeSnapshot type (§5) and the sample describe it. */
    Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LocalVolumeSnapshotId", id);
        m.put("LocalVolumeSnapshotName", name);
        if (description != null) m.put("LocalVolumeSnapshotDesc", description);
        m.put("SourceLocalVolumeId", volumeId);
        m.put("SourceLocalVolumeName", volumeName);
        m.put("SourceLocalVolumeCategory", volumeCategory);
        m.put("SourceLocalVolumeState", LocalVolume.ATTACHED);
        m.put("State", state);
        m.put("CreationDate", creationDate);
        m.put("InstanceId", instanceId);
        m.put("DiskSize", diskSize);
        m.put("SnapshotType", snapshotType);
        return m;
    }
}
