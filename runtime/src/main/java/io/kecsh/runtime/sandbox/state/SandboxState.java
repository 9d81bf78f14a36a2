package io.kecsh.runtime.sandbox.state;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole emulated cloud: regions with their resources, SSH keys (global in sks), KMS
 * instances, and BSS idempotency records. Plain data, persisted as JSON by {@link StateFile}; the
 * dispatcher serializes every call on {@link #lock()}, so handlers need no locking of their own.
 */
public final class SandboxState {
    public Map<String, RegionState> regions = new LinkedHashMap<>();
    /** sks key pairs by KeyId (the private key is never kept). */
    public Map<String, Map<String, Object>> keys = new LinkedHashMap<>();
    /** KMS instances by InstanceId. */
    public Map<String, Map<String, Object>> kmsInstances = new LinkedHashMap<>();
    /** BSS calls by ClientToken: the recorded answer a repeated token gets back. */
    public Map<String, Map<String, Object>> clientTokens = new LinkedHashMap<>();

    public Ids ids = new Ids(20261122L, 0);

    private final transient Object lock = new Object();
    /** What changed since the last save, for the state file's journal (not persisted). */
    private final transient ChangeSet changes = new ChangeSet();
    /** The sandbox's clock (not persisted): set when the sandbox starts, read by handlers for transitions. */
    private transient SandboxClock clock = SandboxClock.manual(Instant.EPOCH);

    public Object lock() {
        return lock;
    }

    public ChangeSet changes() {
        return changes;
    }

    public SandboxClock clock() {
        return clock;
    }

    public void clock(SandboxClock c) {
        this.clock = c;
    }

    public RegionState region(String name) {
        return regions.computeIfAbsent(name, RegionState::new);
    }
}
