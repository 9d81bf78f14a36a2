package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxClock;

/**
 * The instance a NIC or key call names. Its NICs and keys change only while it is {@code active}
 * or {@code stopped} (a change under way, e.g. building or stopping, must finish first; one that
 * is due counts as finished). Refusals are InvalidParameterValue naming the parameter, since KEC
 * documents no NotFound or IncorrectState codes.
 */
public final class AttachableInstance {
    private AttachableInstance() {}

    /**
     * @param param the parameter to name ("InstanceId", "InstanceId.2")
     * @param what  what the call changes, for the message ("network interfaces", "SSH keys")
     */
    public static Instance require(RegionState region, SandboxClock clock, String param, String id, String what) {
        Instance i = region.instances.get(id);
        String state = i == null ? null : effectiveState(i, clock);
        if (i == null || "deleted".equals(state)) {
            throw new InvalidValue(param, "There is no instance " + id + " in " + region.name + ".");
        }
        if ("recycling".equals(state)) {
            throw new InvalidValue(param, "Instance " + id + " is in the recycle bin; its " + what + " cannot change.");
        }
        if (!"active".equals(state) && !"stopped".equals(state)) {
            throw new InvalidValue(
                    param,
                    "Instance " + id + " is " + state + "; its " + what
                            + " can change only when it is active or stopped.");
        }
        return i;
    }

    /** The state the instance is in now: the target of a change that is due, else the stored state. */
    static String effectiveState(Instance i, SandboxClock clock) {
        return i.transition != null && i.transition.due(clock) ? i.transition.target() : i.state;
    }
}
