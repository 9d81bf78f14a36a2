package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;

/**
 * The network: the vpc service's elastic NICs (create, delete, describe), its reads of VPCs,
 * subnets and security groups, and the kec actions that add, remove and change an instance's NICs.
 * Primary NICs are made by RunInstances; VPCs, subnets and security groups are seeded by
 * {@link io.kecsh.runtime.sandbox.kec.NetworkSeedDomain}.
 */
public final class NetworkDomain implements SandboxDomain {
    @Override
    public void register(HandlerRegistry handlers) {
        handlers.on("CreateNetworkInterface", ElasticNics::create)
                .on("DeleteNetworkInterface", ElasticNics::delete)
                .on("DescribeNetworkInterfaces", ElasticNics::describe)
                .on("DescribeVpcs", NetworkReads::vpcs)
                .on("DescribeSubnets", NetworkReads::subnets)
                .on("DescribeSecurityGroups", NetworkReads::securityGroups)
                .on("AttachNetworkInterface", InstanceNics::attach)
                .on("DetachNetworkInterface", InstanceNics::detach)
                .on("ModifyNetworkInterfaceAttribute", InstanceNics::modify);
    }
}
