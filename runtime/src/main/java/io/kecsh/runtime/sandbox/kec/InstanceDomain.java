package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;

/** KEC instances: creation, life cycle, modification, description, monitoring and VNC. */
public final class InstanceDomain implements SandboxDomain {
    @Override
    public void register(HandlerRegistry handlers) {
        // finished transitions and passed auto-delete times apply before any domain reads an instance
        handlers.beforeEachCall((request, state) -> InstanceStates.settle(state.region(request.region()), state.clock(), false));
        handlers.on("RunInstances", new RunInstancesHandler())
            .on("DescribeInstances", new DescribeInstancesHandler())
            .on("StartInstances", InstanceLifecycle::start)
            .on("StopInstances", InstanceLifecycle::stop)
            .on("RebootInstances", InstanceLifecycle::reboot)
            .on("TerminateInstances", InstanceLifecycle::terminate)
            .on("MonitorInstances", (r, s) -> InstanceLifecycle.monitor(r, s, true))
            .on("UnmonitorInstances", (r, s) -> InstanceLifecycle.monitor(r, s, false))
            .on("ModifyInstanceImage", InstanceModifications::modifyImage)
            .on("ModifyInstanceType", InstanceModifications::modifyType)
            .on("ModifyInstanceAttribute", InstanceModifications::modifyAttribute)
            .on("ModifyInstanceAutoDeleteTime", InstanceModifications::autoDeleteTime)
            .on("DescribeInstanceVnc", InstanceModifications::vnc);
    }
}
