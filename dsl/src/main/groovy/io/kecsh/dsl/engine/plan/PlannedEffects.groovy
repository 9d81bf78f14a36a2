package io.kecsh.dsl.engine.plan

/**
 * What a planned call does to the {@link PlannedWorld}, by action: the state an instance verb leaves
 * an instance in once it has finished (StopInstances → stopped, StartInstances → active,
 * TerminateInstances → the recycle bin, or destroyed with ForceDelete or from the bin), the type and
 * name the modify actions set, and the network interfaces created, attached, detached and deleted.
 * These are the service's documented outcomes (the sandbox's state machines end in the same
 * states); the model records parameters and waiters, not outcomes, so they are written here, once.
 * An action not listed changes nothing the plan's reads show.
 */
final class PlannedEffects {
    private PlannedEffects() {
    }

    /** Applies one planned call; {@code result} is its placeholder answer (for the IDs it made). */
    static void apply(PlannedWorld world, String action, Map<String, ?> params, Map<String, Object> result, String region) {
        List<String> ids = list(params.InstanceId)
        switch (action) {
            case 'StopInstances': ids.each { world.change(it, state('stopped')) }; break
            case 'StartInstances':
            case 'RebootInstances': ids.each { world.change(it, state('active')) }; break
            case 'TerminateInstances':
                ids.each { String id ->
                    boolean destroy = params.ForceDelete as boolean || PlannedWorld.state(world.instanceById(id)) == 'recycling'
                    world.change(id, state(destroy ? 'deleted' : 'recycling'))
                }
                break
            case 'ModifyInstanceType':
                if (params.InstanceType) ids.each { world.change(it, [InstanceType: params.InstanceType]) }
                break
            case 'ModifyInstanceAttribute':
                if (params.InstanceName) ids.each { world.change(it, [InstanceName: params.InstanceName]) }
                break
            case 'CreateNetworkInterface':
                String nic = result.NetworkInterfaceId as String
                if (nic) {
                    world.interfaces[nic] = [NetworkInterfaceId: nic, NetworkInterfaceName: params.NetworkInterfaceName, SubnetId: params.SubnetId,
                                             SecurityGroupId: list(params.SecurityGroupId)[0], PrivateIpAddress: params.PrivateIpAddress,
                                             Status: 'Available', Region: region] as Map<String, Object>
                }
                break
            case 'AttachNetworkInterface':
                world.changeInterface(params.NetworkInterfaceId as String, [Status: 'InUse', InstanceId: params.InstanceId] as Map<String, Object>)
                break
            case 'DetachNetworkInterface':
                world.changeInterface(params.NetworkInterfaceId as String, [Status: 'Available', InstanceId: null] as Map<String, Object>)
                break
            case 'DeleteNetworkInterface':
                world.interfaces[params.NetworkInterfaceId as String] = null
                break
            default:
                break
        }
    }

    private static Map<String, Object> state(String name) {
        [InstanceState: [Name: name]] as Map<String, Object>
    }

    private static List<String> list(Object v) {
        (v instanceof Collection ? (Collection) v : v == null ? [] : [v]).collect { it as String }
    }
}
