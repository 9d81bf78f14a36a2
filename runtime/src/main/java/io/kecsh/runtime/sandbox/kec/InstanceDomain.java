package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;

/**
 * KEC instances: creation, life cycle, modification, description, monitoring and VNC. The rules
 * live in the {@link Instances} backend; the handlers registered here only read parameters and
 * shape answers. The catalogue is the sandbox's, given at start.
 */
public final class InstanceDomain implements SandboxDomain {
    private final Catalog catalog;

    public InstanceDomain(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void register(HandlerRegistry handlers) {
        // finished transitions and passed auto-delete times apply before any domain reads an instance
        handlers.beforeEachCall((request, state) ->
                InstanceStates.settle(state.region(request.region()), state.clock(), false, state.changes()));
        InstanceHandlers instances = new InstanceHandlers(catalog);
        handlers.on("RunInstances", new RunInstancesHandler(catalog))
                .on("DescribeInstances", new DescribeInstancesHandler(catalog))
                .on("StartInstances", instances::start)
                .on("StopInstances", instances::stop)
                .on("RebootInstances", instances::reboot)
                .on("TerminateInstances", instances::terminate)
                .on("MonitorInstances", (r, s) -> instances.monitor(r, s, true))
                .on("UnmonitorInstances", (r, s) -> instances.monitor(r, s, false))
                .on("ModifyInstanceImage", instances::modifyImage)
                .on("ModifyInstanceType", instances::modifyType)
                .on("ModifyInstanceAttribute", instances::modifyAttribute)
                .on("ModifyInstanceAutoDeleteTime", instances::autoDeleteTime)
                .on("DescribeInstanceVnc", instances::vnc)
                // these record every change they make (Instances, InstanceStates): the state file journals them
                .recordingChanges(
                        "RunInstances",
                        "DescribeInstances",
                        "StartInstances",
                        "StopInstances",
                        "RebootInstances",
                        "TerminateInstances",
                        "MonitorInstances",
                        "UnmonitorInstances",
                        "ModifyInstanceImage",
                        "ModifyInstanceType",
                        "ModifyInstanceAttribute",
                        "ModifyInstanceAutoDeleteTime",
                        "DescribeInstanceVnc");
    }
}
