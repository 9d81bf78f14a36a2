/**
 * The sandbox's network interfaces (registered by {@link io.kecsh.runtime.sandbox.vpc.NetworkDomain}):
 * the vpc service's ENI actions ({@code ElasticNics}) and kec's attach, detach and modify
 * ({@code InstanceNics}), thin handlers over the region's {@code NetworkInterfaces} backend, which
 * holds the rules below (on {@code Nics} and {@link io.kecsh.runtime.sandbox.vpc.SubnetAddresses});
 * {@code NicView} is the response shape; {@link
 * io.kecsh.runtime.sandbox.vpc.AttachableInstance} is the instance check shared with the key domain.
 *
 * <h2>Decisions where the documents are silent</h2>
 * <ul>
 *   <li><b>Which form.</b> AttachNetworkInterface is the elastic-NIC form when NetworkInterfaceId
 *       is given, the secondary-NIC form otherwise (the validator refuses a mix).
 *       DetachNetworkInterface's two forms take the same parameters, so the NIC decides: an ENI
 *       is detached and becomes Available, a secondary NIC is deleted.</li>
 *   <li><b>Status.</b> CreateNetworkInterface answers an Available ENI (no Creating); delete and
 *       detach are immediate (the enumeration has no Detaching). Both attach forms show
 *       {@code Attaching} until one transition is done, then {@code InUse}; a NIC still attaching
 *       cannot be detached or modified. Primary and secondary NICs are InUse. The
 *       {@code networkInterface-status} filter: Bind = attached to an instance (InUse or
 *       Attaching), UnBind = not attached.</li>
 *   <li><b>Instance state.</b> NICs (and keys) of an instance change only while it is active or
 *       stopped; building, stopping … and the recycle bin are refused (InvalidParameterValue on
 *       InstanceId, the reason says which state).</li>
 *   <li><b>One secondary NIC</b> ("只能用该接口添加一个辅网卡") limits the secondary-NIC form: a
 *       second one is refused while the first exists. ENIs are not counted (their section sets no
 *       limit), so an instance may have a secondary NIC and ENIs.</li>
 *   <li><b>Zones and VPCs.</b> A NIC lives in its instance's zone: an ENI or a subnet of another
 *       zone is refused. The security groups must be in the subnet's VPC (the documented
 *       cross-VPC rule, applied to every call that takes both); the NIC's VPC may differ from the
 *       primary NIC's, since ModifyNetworkInterfaceAttribute documents cross-VPC moves.</li>
 *   <li><b>Addresses.</b> From the subnet (its /16): a given address must be in it, not the
 *       network, gateway (.0.1) or broadcast address, and not held by any NIC or instance;
 *       otherwise the next free one from the subnet's cursor, as RunInstances hands them out.</li>
 *   <li><b>ModifyNetworkInterfaceAttribute</b> replaces the security groups with the list given.
 *       Same subnet and no address: the address stays; a new subnet and no address: the next
 *       free one there. A primary NIC's subnet, address, VPC and groups are the instance's too.
 *       DNS1/DNS2 on a non-primary NIC (secondary or ENI) are refused; such a NIC shows its
 *       primary NIC's DNS while attached. Constraint 1 (EIP/SLB/Portforward): the sandbox models no
 *       SLB or Portforward; an instance launched with an EIP (RunInstances' AddressBandWidth,
 *       kept in {@code Instance.extra}) cannot have its primary NIC's subnet or address changed.</li>
 *   <li><b>DescribeNetworkInterfaces</b> lists every NIC of the region (the documented type is
 *       primary | extension), in creation order, under the sample's names; an unknown
 *       NetworkInterfaceId.N matches nothing (as DescribeInstances treats IDs). DNS defaults to the
 *       sample's 198.18.254.30/31. MACs are fa:16:3e:… from the NIC's ID, unique in the region.</li>
 *   <li><b>DeleteNetworkInterface</b> deletes only ENIs; a primary or secondary NIC is refused
 *       (a secondary NIC goes with DetachNetworkInterface), an attached ENI must be detached
 *       first. Both answer the sample's {@code Return}.</li>
 *   <li><b>DescribeVpcs, DescribeSubnets, DescribeSecurityGroups</b> (sdk-go 831e7c6; not in the
 *       2016 document) list the seeded network RunInstances and the NIC actions check against, in
 *       creation order: ID lists and filters first (filters ANDed, a filter's values ORed), then
 *       NextToken paging ({@link io.kecsh.runtime.sandbox.handler.TokenPaging}: at most MaxResults a page,
 *       1000 without it; the token is the next offset and a token never handed out is refused).
 *       Subnets are {@code Normal}, their free-address count (a string, as sdk-go types it) is the
 *       /16 less what NICs and instances hold; nat-id and network-acl-id match nothing, since the
 *       sandbox has neither. A VPC's own group is {@code SecurityGroupType default}, with no rules.</li>
 * </ul>
 */
package io.kecsh.runtime.sandbox.vpc;
