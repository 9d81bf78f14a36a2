package io.kecsh.runtime.paginate;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A page's items that say when the reader reaches the second half of them: the moment
 * {@link Pages} starts fetching the next page. A walk that stops in the first half (a
 * {@code find}, a {@code take}) has fetched nothing further. Iterators, streams and
 * {@code forEach} of an {@link AbstractList} all read through {@link #get}, so every reader is seen.
 */
final class ReadAheadItems<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;
    private final int half;
    private Runnable whenHalfway;

    ReadAheadItems(List<T> items, Runnable whenHalfway) {
        this.items = items;
        this.half = items.size() / 2;
        this.whenHalfway = whenHalfway;
    }

    @Override
    public T get(int index) {
        if (index >= half && whenHalfway != null) {
            Runnable r = whenHalfway;
            whenHalfway = null;
            r.run();
        }
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
