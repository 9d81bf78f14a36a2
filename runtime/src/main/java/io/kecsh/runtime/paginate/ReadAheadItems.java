package io.kecsh.runtime.paginate;

import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A page's items that say when the reader reaches the second half of them: the moment
 * {@link Pages} starts fetching the next page. A walk that stops in the first half (a
 * {@code find}, a {@code take}) has fetched nothing further. Iterators, streams and
 * {@code forEach} of an {@link AbstractList} all read through {@link #get}, so every reader is seen;
 * comparing, hashing, printing and serialising the list read the items themselves and fetch nothing.
 * Serialised as the plain list it shows.
 */
final class ReadAheadItems<T> extends AbstractList<T> implements RandomAccess, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient List<T> items;
    private final transient int half;
    /** Taken once, by whichever thread reads into the second half first. */
    private final transient AtomicReference<Runnable> whenHalfway;

    ReadAheadItems(List<T> items, Runnable whenHalfway) {
        this.items = items;
        this.half = items.size() / 2;
        this.whenHalfway = new AtomicReference<>(whenHalfway);
    }

    @Override
    public T get(int index) {
        if (index >= half) {
            Runnable r = whenHalfway.getAndSet(null);
            if (r != null) r.run();
        }
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || items.equals(o instanceof ReadAheadItems<?> other ? other.items : o);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return items.toString();
    }

    @Serial
    private Object writeReplace() {
        return new ArrayList<>(items);
    }
}
