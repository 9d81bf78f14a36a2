package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.HandlerRegistry;
import io.kecsh.runtime.sandbox.SandboxDomain;

/**
 * Network interfaces: the vpc service's elastic NICs (create, delete, describe) and the kec
 * actions that add, remove and change an instance's NICs. Primary NICs are made by RunInstances;
 * subnets and security groups are seeded by {@link io.kecsh.runtime.sandbox.kec.NetworkSeedDomain}.
 */
public final class NetworkDomain implements SandboxDomain {
    @Override
    public void register(HandlerRegistry handlers) {
        handlers.on("CreateNetworkInterface", ElasticNics::create)
            .on("DeleteNetworkInterface", ElasticNics::delete)
            .on("DescribeNetworkInterfaces", ElasticNics::describe)
            .on("AttachNetworkInterface", InstanceNics::attach)
            .on("DetachNetworkInterface", InstanceNics::detach)
            .on("ModifyNetworkInterfaceAttribute", InstanceNics::modify);
    }
}
