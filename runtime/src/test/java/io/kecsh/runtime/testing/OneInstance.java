package io.kecsh.runtime.testing;

import io.kecsh.runtime.sandbox.state.RegionState;
import java.util.HashMap;
import java.util.Map;

/** The instance most sandbox tests launch: one S4.2B on CentOS 7.6 in the region's default subnet and group. */
public final class OneInstance {
    private OneInstance() {}

    /** CentOS 7.6's image in this region. */
    public static String centos(RegionState region) {
        return region.images.values().stream()
                .filter(i -> i.platform.equals("centos-7.6"))
                .map(i -> i.id)
                .findFirst()
                .orElseThrow();
    }

    /** RunInstances' parameters for it, in a map a test may add to. */
    public static Map<String, Object> runParams(RegionState region) {
        return new HashMap<>(Map.of(
                "ImageId",
                centos(region),
                "SubnetId",
                region.defaultSubnetId,
                "SecurityGroupId",
                region.defaultSecurityGroupId,
                "MinCount",
                1,
                "MaxCount",
                1,
                "ChargeType",
                "HourlyInstantSettlement",
                "InstanceType",
                "S4.2B"));
    }
}
