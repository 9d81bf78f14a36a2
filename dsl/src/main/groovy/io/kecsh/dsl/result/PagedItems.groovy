package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import io.kecsh.runtime.paginate.Pages
import java.util.function.Function
import java.util.function.Supplier
import java.util.stream.Stream
import java.util.stream.StreamSupport

/**
 * The items of a paged listing, read page by page as they are iterated: what
 * {@code volumes.stream()} and {@code networkInterfaces.stream()} return and their {@code each { }}
 * walks. Memory stays at two pages however many items there are (the runtime's {@code Pages} asks
 * for the next page once the walk reaches the second half of this one), and a walk that stops in the
 * first half of a page ({@code find}, {@code take}, {@code stream().limit}) fetches no further page.
 * Each iteration reads
 * the cloud afresh; Groovy's {@code collect}/{@code findAll}/{@code toList()} materialise what they
 * keep, as on any Iterable. ({@link InstanceStream} is the same for instances, with kecsh's own
 * name and type patterns on top.)
 */
@CompileStatic
class PagedItems<T> implements Iterable<T> {
    private final Iterable<Map<String, Object>> pages
    /** The answer's list of items on each page (LocalVolumeSet, NetworkInterfaceSet). */
    private final String resultKey
    private final Function<Map<String, Object>, T> item

    PagedItems(Iterable<Map<String, Object>> pages, String resultKey, Function<Map<String, Object>, T> item) {
        this.pages = pages
        this.resultKey = resultKey
        this.item = item
    }

    @Override
    Iterator<T> iterator() {
        new Walk()
    }

    /**
     * Every item, read into one list: what {@code list()} keeps. The walk is known to go to the end, so
     * each next page is asked for as soon as the page before has told its token ({@link Pages#readingEveryPage}).
     */
    List<T> readAll() {
        Pages.readingEveryPage({ -> toList() } as Supplier<List<T>>)
    }

    /** A {@link Stream} over the same pages, for {@code filter}/{@code map}/{@code limit} in Java's manner. */
    Stream<T> stream() {
        StreamSupport.stream(spliterator(), false)
    }

    /** Every item of every page, in order (the pages read ahead by {@code Pages}). */
    private final class Walk implements Iterator<T> {
        private final Iterator<Map<String, Object>> page = pages.iterator()
        private Iterator<Map<String, Object>> items = Collections.emptyIterator()

        @Override
        boolean hasNext() {
            while (!items.hasNext()) {
                if (!page.hasNext()) return false
                items = ((List<Map<String, Object>>) (page.next().get(resultKey) ?: [])).iterator()
            }
            true
        }

        @Override
        T next() {
            if (!hasNext()) throw new NoSuchElementException("no more items of ${resultKey}")
            item.apply(items.next())
        }
    }
}
