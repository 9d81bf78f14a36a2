package io.kecsh.runtime.paginate;

import io.kecsh.runtime.invoke.EarlyMember;
import io.kecsh.runtime.invoke.Invoker;
import io.kecsh.runtime.invoke.TreePath;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Paginator;
import io.kecsh.runtime.protocol.Response;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every page of a list action, fetched lazily and driven by the model's paginator: input token,
 * output token, page-size key, result key, end token.
 *
 * <p>A read (Describe…, List…, Get…, never an action the model marks as changing anything) reads one
 * page ahead: once the caller reaches the second half of a page's items, the next page is fetched
 * on its own thread while the caller works through the rest. A caller that stops within the first
 * half of a page (break, {@code stream().limit}, {@code findFirst}) fetches no further page; one that
 * stops in the second half may have had the next one fetched, unread. A walk known to read every page
 * ({@link #readingEveryPage}: a listing read into one list) asks for the next page as soon as the
 * token of the one it waits for has been read, so that the cloud builds one page while the client
 * types the one before. Either way at most one page is asked for beyond the one the caller reads or
 * waits for. A failure of a page fetched ahead is thrown when the caller reaches that page, as it
 * would have been had the page been fetched then (the client's retries already spent). A caller that
 * only takes pages without reading their items (a waiter's poll) fetches them one after another.
 */
public final class Pages implements Iterable<Map<String, Object>> {
    private final Invoker invoker;
    private final Operation operation;
    private final Paginator paginator;
    private final Map<String, Object> params;
    private final boolean readsAhead;
    /** Set while {@link #readingEveryPage} runs on a thread. */
    private static final ThreadLocal<Boolean> WHOLE_WALKS = new ThreadLocal<>();
    /** Set while {@link #pacedBy} runs on a thread. */
    private static final ThreadLocal<Pacing> PACING = new ThreadLocal<>();

    /** What each page's call of a walk waits for first, and whether a walk was begun under it. */
    private static final class Pacing {
        final Runnable beforeEachCall;
        boolean taken;

        Pacing(Runnable beforeEachCall) {
            this.beforeEachCall = beforeEachCall;
        }
    }

    public Pages(Invoker invoker, Operation operation, Paginator paginator, Map<String, ?> params) {
        this.invoker = invoker;
        this.operation = operation;
        this.paginator = paginator;
        this.params = new LinkedHashMap<>(params);
        // fewer round trips: ask for the largest page the action allows unless the caller chose
        if (paginator.limitKey() != null && !this.params.containsKey(paginator.limitKey())) {
            Member limit = operation.params().get(paginator.limitKey());
            if (limit != null) limit.max().ifPresent(max -> this.params.put(paginator.limitKey(), max.longValue()));
        }
        this.readsAhead = isRead(operation);
    }

    /** Only reads may be asked for before the caller needs them: the model's own flag and the action's verb both say so. */
    static boolean isRead(Operation operation) {
        String name = operation.name();
        return !operation.mutating()
                && (name.startsWith("Describe") || name.startsWith("List") || name.startsWith("Get"));
    }

    /**
     * Runs {@code walk}, which reads every page of the walks it begins on this thread to the end (a
     * listing read into one list): their next page is asked for as soon as a page's token has been
     * read, while the page is still being typed, so that the cloud builds one page while the client
     * reads the one before. Walks begun elsewhere wait for their items' second half.
     */
    public static <T> T readingEveryPage(Supplier<T> walk) {
        Boolean before = WHOLE_WALKS.get();
        WHOLE_WALKS.set(Boolean.TRUE);
        try {
            return walk.get();
        } finally {
            if (before == null) WHOLE_WALKS.remove();
        }
    }

    /**
     * Runs {@code begin}, which begins walks on this thread: each of them runs {@code beforeEachCall}
     * right before each of its page calls, on whichever thread makes the call, so that a rate limit
     * holds for a page read ahead too (taking its slot when the walker reaches the page would let
     * the call go before it). Returns whether {@code begin} began a walk at all; when it did not (the
     * pages come from elsewhere), the caller paces them itself.
     */
    public static boolean pacedBy(Runnable beforeEachCall, Runnable begin) {
        Pacing before = PACING.get();
        Pacing pacing = new Pacing(Objects.requireNonNull(beforeEachCall, "beforeEachCall"));
        PACING.set(pacing);
        try {
            begin.run();
        } finally {
            if (before == null) PACING.remove();
            else PACING.set(before);
        }
        return pacing.taken;
    }

    @Override
    public Iterator<Map<String, Object>> iterator() {
        return new PageIterator();
    }

    public Stream<Map<String, Object>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /** The items of every page's result list, in order (InstancesSet entries for DescribeInstances). */
    public Stream<Object> items() {
        return stream().flatMap(page -> {
            Object list = page.get(paginator.resultKey());
            return list instanceof List<?> l ? l.stream().map(o -> (Object) o) : Stream.empty();
        });
    }

    /**
     * Pages in order, for one walking thread. The page-ahead threads and a page's items (which may be
     * read anywhere) reach the walk's state only through {@link #tokenRead} and {@link #readAhead},
     * under {@code lock}; the walker never holds the lock while it waits for a page.
     */
    private final class PageIterator implements Iterator<Map<String, Object>> {
        /** Begun inside {@link #readingEveryPage}: the walk goes to the end, so the next page may be asked for at once. */
        private final boolean wholeWalk = readsAhead && WHOLE_WALKS.get() != null;
        /** Begun inside {@link #pacedBy}: what each page's call waits for first; null: nothing. */
        private final Runnable pace = takePacing();

        private Object token;
        private boolean done;
        private Map<String, Object> next;

        private final Object lock = new Object();
        /** How many pages were handed out: a page's items start the read-ahead only while theirs is the last. */
        private int handedOut;
        /** The page after the last one handed out, already asked for; null when it is not. */
        private PageAhead ahead;
        /** In a whole walk, the page after {@link #ahead}, asked for as soon as ahead's token was read. */
        private PageAhead following;
        /**
         * The token of page {@code handedOut + 1}, told while the walker still held the page before (that page is
         * {@link #ahead}, on its way): the page after it is asked for from it once the walker waits for it.
         */
        private Object toldEarly;
        /** Which page {@link #toldEarly} is the token of; 0: none. */
        private int toldEarlyFor;
        /** The walker waits for page {@code handedOut + 1}: it holds no page but the one it is done with. */
        private boolean waiting;

        @Override
        public boolean hasNext() {
            if (next == null && !done) next = fetch();
            return next != null;
        }

        @Override
        public Map<String, Object> next() {
            if (!hasNext()) throw new NoSuchElementException("no more pages of " + operation.name());
            Map<String, Object> page = next;
            next = null;
            int number;
            synchronized (lock) {
                number = ++handedOut;
            }
            return readsAhead && !done ? withReadAhead(page, number) : page;
        }

        /** The page with its items replaced by ones that start the next page's fetch halfway through. */
        private Map<String, Object> withReadAhead(Map<String, Object> page, int number) {
            if (!(page.get(paginator.resultKey()) instanceof List<?> items) || items.isEmpty()) return page;
            ReadAheadItems<?> seen = new ReadAheadItems<>(items, () -> readAhead(number));
            // still the client's Response (its toString names no value, it keeps its request id and serialises)
            if (page instanceof Response response) return response.viewing(paginator.resultKey(), seen);
            Map<String, Object> out = new LinkedHashMap<>(page);
            out.put(paginator.resultKey(), seen);
            return Collections.unmodifiableMap(out);
        }

        private void readAhead(int number) {
            synchronized (lock) {
                if (number != handedOut || ahead != null || waiting || done) return;
                ahead = fetchAhead(number + 1, token);
            }
        }

        /**
         * Page {@code number}'s next token, read before the rest of it: in a whole walk whose walker
         * already waits for that page, the page after it is asked for now, while this one is typed; if the
         * walker still holds the page before, once it waits for this one ({@link #fetch}). At most one page is
         * then ahead of the one the walker waits for.
         */
        private void tokenRead(int number, Object sent, Object returned) {
            if (!wholeWalk || ends(returned, sent)) return;
            synchronized (lock) {
                if (number != handedOut + 1 || following != null || done) return;
                if (!waiting) {
                    toldEarly = returned;
                    toldEarlyFor = number;
                    return;
                }
                following = fetchAhead(number + 1, returned);
            }
        }

        private PageAhead fetchAhead(int number, Object from) {
            return new PageAhead(operation.name(), from, () -> invoke(number, from));
        }

        /** Page {@code number}, asked for with {@code from}, telling {@link #tokenRead} its token early in a whole walk. */
        private Map<String, Object> invoke(int number, Object from) {
            Map<String, Object> call = new LinkedHashMap<>(params);
            if (from != null) call.put(paginator.inputToken(), from);
            if (pace != null) pace.run();
            if (!wholeWalk || paginator.outputToken().contains(".")) return invoker.invoke(operation.name(), call);
            return EarlyMember.watching(
                    paginator.outputToken(),
                    returned -> tokenRead(number, from, returned),
                    () -> invoker.invoke(operation.name(), call));
        }

        private Map<String, Object> fetch() {
            PageAhead fetching;
            int number;
            synchronized (lock) {
                fetching = ahead;
                ahead = null;
                waiting = true;
                number = handedOut + 1;
                // the page on its way told its token while the walker held the one before: ask for the next now
                if (fetching != null && toldEarlyFor == number && following == null && !done) {
                    following = fetchAhead(number + 1, toldEarly);
                }
                toldEarly = null;
                toldEarlyFor = 0;
            }
            Map<String, Object> page;
            try {
                page = fetching != null ? fetching.join() : invoke(number, token);
            } catch (RuntimeException | Error failed) {
                // the walk ends here (or its caller retries it from the start): nothing asked for ahead goes on
                synchronized (lock) {
                    waiting = false;
                    cancel(following);
                    following = null;
                }
                throw failed;
            }
            Object sent = token;
            Object returned = TreePath.value(page, paginator.outputToken());
            Object items = page.get(paginator.resultKey());
            boolean empty = !(items instanceof List<?> l) || l.isEmpty();
            synchronized (lock) {
                waiting = false;
                // stop on: no token, the documented end value, an empty page, or a token that did not move
                done = ends(returned, sent) || empty;
                token = returned;
                // the page after this one, if it was asked for already (a whole walk) with the token this page
                // ended with (a retried attempt may have told another first), and the walk goes on
                boolean keep = !done && following != null && sameToken(following.from(), returned);
                if (!keep) cancel(following);
                ahead = keep ? following : null;
                following = null;
            }
            if (empty && sent != null) return null; // a trailing empty page adds nothing
            return page;
        }

        private static void cancel(PageAhead page) {
            if (page != null) page.cancel();
        }

        private boolean ends(Object returned, Object sent) {
            return returned == null || sameToken(returned, paginator.endToken()) || sameToken(returned, sent);
        }
    }

    private static Runnable takePacing() {
        Pacing pacing = PACING.get();
        if (pacing == null) return null;
        pacing.taken = true;
        return pacing.beforeEachCall;
    }

    private static boolean sameToken(Object a, Object b) {
        return a != null && b != null && Objects.equals(String.valueOf(a), String.valueOf(b));
    }
}
