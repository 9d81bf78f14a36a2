package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.state.ChangeSet;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import io.kecsh.runtime.sandbox.state.Transition;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/**
 * The instance life cycle as the documents' state tables give it: a change shows its task state
 * (building, stopping, starting, rebooting, deleting, rebuilding) until the clock says it is done.
 * Settling happens whenever a call looks at instances, so time alone moves nothing.
 */
final class InstanceStates {
    static final String GONE = "deleted";
    private static final DateTimeFormatter AUTO_DELETE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private InstanceStates() {}

    /** Starts a change: the instance shows {@code during} until it becomes {@code target}. */
    static void begin(Instance instance, String during, String target, SandboxClock clock) {
        instance.state = during;
        instance.transition = Transition.start(target, clock);
    }

    /**
     * Applies every due change in the region: finished transitions, and auto-delete times that have
     * passed (Beijing time, as the documents give it). Instances whose deletion finished are removed.
     */
    static void settle(RegionState region, SandboxClock clock, boolean countAsDescribe, ChangeSet changes) {
        Instant now = clock.instant(); // once: reading the clock costs more than the rest of a settled instance
        boolean counting = clock.describesPerTransition() > 0;
        if (!counting
                && now.toEpochMilli() < region.nothingDueBefore
                && region.settledAtStamp == changes.stamp()
                && region.settledCount == region.instances.size()) {
            return; // nothing due, and no writer changed an instance since the pass that found so
        }
        LocalDateTime beijingNow = LocalDateTime.ofInstant(now, ZoneOffset.ofHours(8));
        long nextDue = Long.MAX_VALUE;
        for (Iterator<Map.Entry<String, Instance>> it =
                        region.instances.entrySet().iterator();
                it.hasNext(); ) {
            Instance i = it.next().getValue();
            if (i.autoDeleteTime != null
                    && !i.inState("recycling", "deleting", GONE)
                    && !LocalDateTime.parse(i.autoDeleteTime, AUTO_DELETE).isAfter(beijingNow)) {
                begin(i, "deleting", GONE, clock);
                changes.instance(region, i.id);
            }
            if (i.transition != null) {
                if (i.transition.due(now, clock)) {
                    i.state = i.transition.target();
                    i.transition = null;
                    if ("recycling".equals(i.state))
                        i.recycledAt = clock.instant().toString();
                    changes.instance(region, i.id);
                } else if (countAsDescribe && clock.describesPerTransition() > 0) {
                    i.transition = i.transition.seen();
                    changes.instance(region, i.id);
                }
            }
            if (GONE.equals(i.state)) {
                it.remove();
                changes.instance(region, i.id);
                // its own NICs (primary, secondary) go with it; elastic ones are freed for reuse
                region.networkInterfaces.values().removeIf(n -> {
                    boolean own = i.id.equals(n.instanceId) && !n.elastic;
                    if (own) changes.nic(region, n.id);
                    return own;
                });
                region.networkInterfaces.values().stream()
                        .filter(n -> i.id.equals(n.instanceId))
                        .forEach(n -> {
                            changes.nic(region, n.id);
                            n.instanceId = null;
                            n.status = "Available";
                        });
                continue;
            }
            if (i.transition != null) nextDue = Math.min(nextDue, i.transition.readyAtMillis());
            if (i.autoDeleteTime != null && !i.inState("recycling", "deleting", GONE)) {
                nextDue = Math.min(
                        nextDue,
                        LocalDateTime.parse(i.autoDeleteTime, AUTO_DELETE)
                                .toInstant(ZoneOffset.ofHours(8))
                                .toEpochMilli());
            }
        }
        region.nothingDueBefore = nextDue;
        region.settledAtStamp = changes.stamp();
        region.settledCount = region.instances.size();
    }
}
