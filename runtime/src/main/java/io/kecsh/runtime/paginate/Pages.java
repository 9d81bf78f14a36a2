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
 * Every page of a list action, fetched lazily: one page in memory at a time, and a caller that
 * stops early (break, {@code stream().limit}, {@code findFirst}) fetches no further page. Driven
 * by the model's paginator: input token, output token, page-size key, result key, end token.
 */
public final class Pages implements Iterable<Map<String, Object>> {
    private final Invoker invoker;
    private final Operation operation;
    private final Paginator paginator;
    private final Map<String, Object> params;

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

    private final class PageIterator implements Iterator<Map<String, Object>> {
        private Object token;
        private boolean done;
        private Map<String, Object> next;

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
            return page;
        }

        private Map<String, Object> fetch() {
            Map<String, Object> call = new LinkedHashMap<>(params);
            if (token != null) call.put(paginator.inputToken(), token);
            Map<String, Object> page = invoker.invoke(operation.name(), call);
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
    }

    private static boolean sameToken(Object a, Object b) {
        return a != null && b != null && Objects.equals(String.valueOf(a), String.valueOf(b));
    }
}
