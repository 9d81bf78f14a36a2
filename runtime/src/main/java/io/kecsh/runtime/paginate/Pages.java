package io.kecsh.runtime.paginate;

import io.kecsh.runtime.invoke.Invoker;
import io.kecsh.runtime.invoke.TreePath;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Paginator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every page of a list action, fetched lazily and driven by the model's paginator: input token,
 * output token, page-size key, result key, end token.
 *
 * <p>A read (Describe…, List…, Get…, never an action the model marks as changing anything) reads one
 * page ahead: once the caller reaches the second half of a page's items, the next page is fetched
 * on its own thread while the caller works through the rest, so that a walk of many pages does not
 * wait for the cloud between them. At most two pages are held at a time (the one being read, the one
 * ahead). A caller that stops within the first half of a page (break, {@code stream().limit},
 * {@code findFirst}) fetches no further page; one that stops in the second half may have had the next
 * one fetched, unread. A failure of the page ahead is thrown when the caller reaches that page, as it
 * would have been had the page been fetched then (the client's retries already spent). A caller that
 * only takes pages without reading their items (a waiter's poll) fetches them one after another.
 */
public final class Pages implements Iterable<Map<String, Object>> {
    private final Invoker invoker;
    private final Operation operation;
    private final Paginator paginator;
    private final Map<String, Object> params;
    private final boolean readsAhead;

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
     * Pages in order. Everything is read and written by the walking thread except through
     * {@link #readAhead}, which a page's items may call from wherever they are read, hence the locks.
     */
    private final class PageIterator implements Iterator<Map<String, Object>> {
        private Object token;
        private boolean done;
        private Map<String, Object> next;
        /** The page after the last one handed out, already asked for; null when it is not. */
        private PageAhead ahead;
        /** How many pages were handed out: a page's items start the read-ahead only while theirs is the last. */
        private int handedOut;

        @Override
        public synchronized boolean hasNext() {
            if (next == null && !done) next = fetch();
            return next != null;
        }

        @Override
        public synchronized Map<String, Object> next() {
            if (!hasNext()) throw new NoSuchElementException("no more pages of " + operation.name());
            Map<String, Object> page = next;
            next = null;
            handedOut++;
            return readsAhead && !done ? withReadAhead(page, handedOut) : page;
        }

        /** The page with its items replaced by ones that start the next page's fetch halfway through. */
        private Map<String, Object> withReadAhead(Map<String, Object> page, int number) {
            if (!(page.get(paginator.resultKey()) instanceof List<?> items) || items.isEmpty()) return page;
            Map<String, Object> out = new LinkedHashMap<>(page);
            out.put(paginator.resultKey(), new ReadAheadItems<>(items, () -> readAhead(number)));
            return out;
        }

        private synchronized void readAhead(int number) {
            if (number != handedOut || ahead != null || next != null || done) return;
            ahead = new PageAhead(invoker, operation.name(), call());
        }

        private Map<String, Object> fetch() {
            Map<String, Object> page;
            if (ahead != null) {
                PageAhead fetching = ahead;
                ahead = null;
                page = fetching.join();
            } else {
                page = invoker.invoke(operation.name(), call());
            }
            Object sent = token;
            Object returned = TreePath.value(page, paginator.outputToken());
            Object items = page.get(paginator.resultKey());
            boolean empty = !(items instanceof List<?> l) || l.isEmpty();
            // stop on: no token, the documented end value, an empty page, or a token that did not move
            done = returned == null || sameToken(returned, paginator.endToken()) || empty || sameToken(returned, sent);
            token = returned;
            if (empty && sent != null) return null; // a trailing empty page adds nothing
            return page;
        }

        /** The call for the page after the last one read. */
        private Map<String, Object> call() {
            Map<String, Object> call = new LinkedHashMap<>(params);
            if (token != null) call.put(paginator.inputToken(), token);
            return call;
        }
    }

    private static boolean sameToken(Object a, Object b) {
        return a != null && b != null && Objects.equals(String.valueOf(a), String.valueOf(b));
    }
}
