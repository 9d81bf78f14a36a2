package io.kecsh.runtime.sandbox.state;

/**
 * A {@link NetworkInterface}'s fields read and compared in plain Java: the fields of every kept view are checked on every page,
 * and reflection's {@code Field.get} per field per call was a tenth of the sandbox's time. Used only
 * while {@link #NAMES} are exactly the class's fields ({@link FieldLayout#of} checks that once);
 * a field added to {@link NetworkInterface} and not here makes snapshots fall back to reflection, still correct
 * ({@code FieldSnapshotTest} says so).
 */
final class NicFieldLayout extends FieldLayout {
    static final String[] NAMES = {
        "id",
        "type",
        "elastic",
        "instanceId",
        "subnetId",
        "vpcId",
        "zone",
        "securityGroupIds",
        "privateIp",
        "mac",
        "dns1",
        "dns2",
        "status",
        "transition",
        "creationTime",
        "name"
    };

    NicFieldLayout() {
        super(NetworkInterface.class, NAMES);
    }

    @Override
    Object[] read(Object from) {
        NetworkInterface n = (NetworkInterface) from;
        return new Object[] {
            n.id,
            n.type,
            n.elastic,
            n.instanceId,
            n.subnetId,
            n.vpcId,
            n.zone,
            n.securityGroupIds,
            n.privateIp,
            n.mac,
            n.dns1,
            n.dns2,
            n.status,
            n.transition,
            n.creationTime,
            n.name
        };
    }

    @Override
    boolean matches(Object[] kept, Object live) {
        NetworkInterface n = (NetworkInterface) live;
        return same(kept[0], n.id)
                && same(kept[1], n.type)
                && sameBoolean(kept[2], n.elastic)
                && same(kept[3], n.instanceId)
                && same(kept[4], n.subnetId)
                && same(kept[5], n.vpcId)
                && same(kept[6], n.zone)
                && same(kept[7], n.securityGroupIds)
                && same(kept[8], n.privateIp)
                && same(kept[9], n.mac)
                && same(kept[10], n.dns1)
                && same(kept[11], n.dns2)
                && same(kept[12], n.status)
                && same(kept[13], n.transition)
                && same(kept[14], n.creationTime)
                && same(kept[15], n.name);
    }
}
