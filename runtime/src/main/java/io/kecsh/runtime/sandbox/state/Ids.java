package io.kecsh.runtime.sandbox.state;

import java.util.Random;
import java.util.UUID;

/**
 * New resource IDs in the documents' formats: KEC IDs are lower-case UUIDs, KMS instances
 * kst-…, orders long digit strings. Seeded, so a sandbox built the same way hands out the same IDs
 * (stable test output), while the counter persists with the state so restarts never repeat an ID.
 */
public final class Ids {
    private long counter;
    private long seed;

    /** For the state file's reader (Jackson sets the fields); without it no saved state could be loaded. */
    private Ids() {
        this(0L, 0L);
    }

    public Ids(long seed, long counter) {
        this.seed = seed;
        this.counter = counter;
    }

    public synchronized String uuid() {
        Random r = new Random(seed * 31 + counter++);
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    public synchronized String kmsInstanceId() {
        Random r = new Random(seed * 37 + counter++);
        StringBuilder id = new StringBuilder("kst-");
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 21; i++) id.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return id.toString();
    }

    public synchronized String orderId() {
        return String.valueOf(2026_0000_0000_000L + counter++);
    }

    public synchronized long counter() {
        return counter;
    }

    public long seed() {
        return seed;
    }
}
