package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.Map;

/**
 * The kec actions on an instance's NICs, thin: parameters to the region's {@link NetworkInterfaces},
 * which holds the rules. AttachNetworkInterface and DetachNetworkInterface are each documented
 * twice (CATALOG §3.40, §3.42): Attach is the elastic-NIC form when NetworkInterfaceId is given and
 * the secondary-NIC form otherwise; Detach's two forms take the same parameters, so the NIC decides.
 */
final class InstanceNics {
    private InstanceNics() {}

    static Map<String, Object> attach(SandboxRequest request, SandboxState state) {
        NetworkInterfaces nics = new NetworkInterfaces(state, request.region());
        String instanceId = request.requireString("InstanceId");
        if (request.has("NetworkInterfaceId")) {
            nics.attachElastic(instanceId, request.requireString("NetworkInterfaceId"));
        } else {
            nics.addSecondary(
                    instanceId,
                    request.requireString("SubnetId"),
                    request.strings("SecurityGroupId"),
                    request.string("PrivateIpAddress").orElse(null));
        }
        return Map.of("Return", true);
    }

    static Map<String, Object> detach(SandboxRequest request, SandboxState state) {
        new NetworkInterfaces(state, request.region())
                .detach(request.requireString("InstanceId"), request.requireString("NetworkInterfaceId"));
        return Map.of("Return", true);
    }

    static Map<String, Object> modify(SandboxRequest request, SandboxState state) {
        new NetworkInterfaces(state, request.region())
                .modify(
                        request.requireString("InstanceId"),
                        request.requireString("NetworkInterfaceId"),
                        new NetworkInterfaces.Modification(
                                request.requireString("SubnetId"),
                                request.strings("SecurityGroupId"),
                                request.string("PrivateIpAddress").orElse(null),
                                request.string("DNS1").orElse(null),
                                request.string("DNS2").orElse(null)));
        return Map.of("Return", true);
    }
}
