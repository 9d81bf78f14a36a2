package io.kecsh.runtime.sandbox.kec.image;

import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local disk of an instance. Local volumes are not kept in the state: they follow from the
 * instances, as the document's samples show them: the system volume {@code <instanceId>-a}
 * ({@code ksc-<instanceId>-vda}) when the system disk is local, and the data volume
 * {@code <instanceId>-c} ({@code ksc-<instanceId>-vdc}) when the instance has a local data disk
 * (DataDiskGb &gt; 0). A system disk of a cloud type (SSD3.0, EHDD) is an EBS volume, not a local
 * one, so such an instance has no {@code -a} local volume.
 */
record LocalVolume(String id, String name, String category, long sizeGb, Instance instance) {
    static final String SYSTEM = "system";
    static final String DATA = "data";
    /** LocalVolume.LocalVolumeType: the only documented value. */
    static final String TYPE = "SSD";
    /** The only local-volume state the documents show: the disk is part of its instance. */
    static final String ATTACHED = "attached";

    private static final String SYSTEM_SUFFIX = "-a";
    private static final String DATA_SUFFIX = "-c";
    private static final long DEFAULT_SYSTEM_GB = 20;

    /** The local volumes of an instance (none for a deleted one). */
    static List<LocalVolume> of(Instance instance, RegionState region) {
        List<LocalVolume> volumes = new ArrayList<>(2);
        if (instance.inState("deleted")) return volumes;
        if (hasLocalSystemDisk(instance)) {
            volumes.add(new LocalVolume(
                    instance.id + SYSTEM_SUFFIX,
                    "ksc-" + instance.id + "-vda",
                    SYSTEM,
                    systemSize(instance, region),
                    instance));
        }
        if (instance.dataDiskGb > 0) {
            volumes.add(new LocalVolume(
                    instance.id + DATA_SUFFIX, "ksc-" + instance.id + "-vdc", DATA, instance.dataDiskGb, instance));
        }
        return volumes;
    }

    /** The volume with this ID: {@code <instanceId>-a} or {@code -c} of an instance of the region that has it. */
    static Optional<LocalVolume> find(RegionState region, String volumeId) {
        if (volumeId.length() <= 2) return Optional.empty();
        Instance instance = region.instances.get(volumeId.substring(0, volumeId.length() - 2));
        if (instance == null) return Optional.empty();
        return of(instance, region).stream().filter(v -> v.id.equals(volumeId)).findFirst();
    }

    /** Local_SSD, or no type recorded (the local-disk families I1, C1, I2 take no SystemDisk.DiskType). */
    static boolean hasLocalSystemDisk(Instance instance) {
        return instance.systemDiskType == null || instance.systemDiskType.equalsIgnoreCase("Local_SSD");
    }

    private static long systemSize(Instance instance, RegionState region) {
        if (instance.systemDiskSize > 0) return instance.systemDiskSize;
        Image image = instance.imageId == null ? null : region.images.get(instance.imageId);
        return image != null ? image.sizeGb : DEFAULT_SYSTEM_GB;
    }

    /** As the LocalVolume type (§5) describes it. */
    Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LocalVolumeId", id);
        m.put("LocalVolumeName", name);
        m.put("LocalVolumeState", ATTACHED);
        m.put("InstanceId", instance.id);
        m.put("InstanceName", instance.name);
        m.put("InstanceState", instance.state);
        m.put("LocalVolumeType", TYPE);
        m.put("LocalVolumeCategory", category);
        m.put("LocalVolumeSize", sizeGb);
        m.put("CreationDate", instance.creationDate);
        return m;
    }
}
