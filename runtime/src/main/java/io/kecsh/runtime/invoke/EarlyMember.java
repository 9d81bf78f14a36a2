package io.kecsh.runtime.invoke;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One root member of the answer being read on this thread, told to the caller as soon as the
 * reader has read it, before the rest of the body: the paginator's next token, so that the next page
 * can be asked for while this one is still being typed (a page of 1,000 instances is read for tens of
 * milliseconds). Only answers typed from the parser's tokens tell; for any other the caller simply
 * learns the member with the whole answer. A call may tell it more than once (a retried attempt).
 */
public final class EarlyMember {
    private static final ThreadLocal<EarlyMember> CURRENT = new ThreadLocal<>();

    private final String name;
    private final Consumer<Object> seen;

    private EarlyMember(String name, Consumer<Object> seen) {
        this.name = name;
        this.seen = seen;
    }

    /** Runs {@code call} on this thread, telling {@code seen} the root member {@code name} of any answer read meanwhile. */
    public static <T> T watching(String name, Consumer<Object> seen, Supplier<T> call) {
        EarlyMember before = CURRENT.get();
        CURRENT.set(new EarlyMember(name, seen));
        try {
            return call.get();
        } finally {
            if (before == null) CURRENT.remove();
            else CURRENT.set(before);
        }
    }

    /** The watch of this thread's call, or null: a reader asks once an answer. */
    public static EarlyMember current() {
        return CURRENT.get();
    }

    /** Called by a reader for each root member it has read, typed. */
    public void read(String member, Object value) {
        if (!name.equals(member) || value == null) return;
        try {
            seen.accept(value);
        } catch (RuntimeException | Error notStarted) {
            // a page that could not be asked for early (no thread to be had) is asked for when it is needed: the
            // answer being read is not the worse for it
        }
    }
}
