package io.kecsh.runtime.sandbox.state;

/**
 * An {@link Instance}'s fields read and compared in plain Java: the fields of every kept view are checked on every page,
 * and reflection's {@code Field.get} per field per call was a tenth of the sandbox's time. Used only
 * while {@link #NAMES} are exactly the class's fields ({@link FieldLayout#of} checks that once);
 * a field added to {@link Instance} and not here makes snapshots fall back to reflection, still correct
 * ({@code FieldSnapshotTest} says so).
 */
final class InstanceFieldLayout extends FieldLayout {
    static final String[] NAMES = {
        "id",
        "name",
        "hostName",
        "type",
        "imageId",
        "zone",
        "subnetId",
        "vpcId",
        "securityGroupIds",
        "privateIp",
        "chargeType",
        "purchaseTime",
        "projectId",
        "keyIds",
        "dataGuardId",
        "modelId",
        "state",
        "transition",
        "afterTransition",
        "creationDate",
        "stoppedMode",
        "autoDeleteTime",
        "autoDeleteEip",
        "monitoring",
        "userData",
        "systemDiskType",
        "systemDiskSize",
        "dataDiskGb",
        "dataDisks",
        "sriovNetSupport",
        "spotStrategy",
        "spotPriceLimit",
        "passwordSet",
        "keepImageLogin",
        "recycledAt",
        "extra"
    };

    InstanceFieldLayout() {
        super(Instance.class, NAMES);
    }

    @Override
    Object[] read(Object from) {
        Instance i = (Instance) from;
        return new Object[] {
            i.id,
            i.name,
            i.hostName,
            i.type,
            i.imageId,
            i.zone,
            i.subnetId,
            i.vpcId,
            i.securityGroupIds,
            i.privateIp,
            i.chargeType,
            i.purchaseTime,
            i.projectId,
            i.keyIds,
            i.dataGuardId,
            i.modelId,
            i.state,
            i.transition,
            i.afterTransition,
            i.creationDate,
            i.stoppedMode,
            i.autoDeleteTime,
            i.autoDeleteEip,
            i.monitoring,
            i.userData,
            i.systemDiskType,
            i.systemDiskSize,
            i.dataDiskGb,
            i.dataDisks,
            i.sriovNetSupport,
            i.spotStrategy,
            i.spotPriceLimit,
            i.passwordSet,
            i.keepImageLogin,
            i.recycledAt,
            i.extra
        };
    }

    @Override
    boolean matches(Object[] kept, Object live) {
        Instance i = (Instance) live;
        return same(kept[0], i.id)
                && same(kept[1], i.name)
                && same(kept[2], i.hostName)
                && same(kept[3], i.type)
                && same(kept[4], i.imageId)
                && same(kept[5], i.zone)
                && same(kept[6], i.subnetId)
                && same(kept[7], i.vpcId)
                && same(kept[8], i.securityGroupIds)
                && same(kept[9], i.privateIp)
                && same(kept[10], i.chargeType)
                && same(kept[11], i.purchaseTime)
                && sameLong(kept[12], i.projectId)
                && same(kept[13], i.keyIds)
                && same(kept[14], i.dataGuardId)
                && same(kept[15], i.modelId)
                && same(kept[16], i.state)
                && same(kept[17], i.transition)
                && same(kept[18], i.afterTransition)
                && same(kept[19], i.creationDate)
                && same(kept[20], i.stoppedMode)
                && same(kept[21], i.autoDeleteTime)
                && sameBoolean(kept[22], i.autoDeleteEip)
                && same(kept[23], i.monitoring)
                && same(kept[24], i.userData)
                && same(kept[25], i.systemDiskType)
                && sameLong(kept[26], i.systemDiskSize)
                && sameLong(kept[27], i.dataDiskGb)
                && same(kept[28], i.dataDisks)
                && sameBoolean(kept[29], i.sriovNetSupport)
                && same(kept[30], i.spotStrategy)
                && same(kept[31], i.spotPriceLimit)
                && sameBoolean(kept[32], i.passwordSet)
                && sameBoolean(kept[33], i.keepImageLogin)
                && same(kept[34], i.recycledAt)
                && same(kept[35], i.extra);
    }
}
