package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import io.kecsh.runtime.paginate.Pages
import java.util.function.Predicate
import java.util.function.Supplier
import java.util.stream.Stream
import java.util.stream.StreamSupport

/**
 * Instances read page by page of DescribeInstances as they are iterated: what
 * {@code instances.stream(…)} returns and {@code instances.each { }} walks. Memory stays at two pages
 * however many instances there are: the runtime's {@code Pages} asks for the next page once the walk
 * reaches the second half of this one, so that the cloud answers while the walk works. A walk that
 * stops in the first half of a page ({@code find}, {@code take}, {@code break},
 * {@code stream().limit}) fetches no further page; one that stops in the second half may have had the
 * next fetched, unread. Each iteration reads the cloud
 * afresh (it is not a snapshot); Groovy's {@code collect}/{@code findAll}/{@code toList()} on it
 * materialise what they keep, as they would on any Iterable. Statically compiled: it runs once an item.
 */
@CompileStatic
class InstanceStream implements Iterable<InstanceInfo> {
    /** One lazy paginator per slice of IDs (one for a listing without IDs), each yielding pages. */
    private final List<Iterable<Map<String, Object>>> listings
    /** What only kecsh can check after the server answered (a name or type pattern); null: keep every one. */
    private final Predicate<InstanceInfo> keep

    InstanceStream(List<Iterable<Map<String, Object>>> listings, Predicate<InstanceInfo> keep) {
        this.listings = listings
        this.keep = keep
    }

    @Override
    Iterator<InstanceInfo> iterator() {
        new Walk()
    }

    /**
     * Every item, read into one list: what {@code list()} keeps. The walk is known to go to the end, so
     * each next page is asked for as soon as the page before has told its token ({@link Pages#readingEveryPage}).
     */
    List<InstanceInfo> readAll() {
        Pages.readingEveryPage({ -> toList() } as Supplier<List<InstanceInfo>>)
    }

    /** A {@link Stream} over the same pages, for {@code filter}/{@code map}/{@code limit} in Java's manner. */
    Stream<InstanceInfo> stream() {
        StreamSupport.stream(spliterator(), false)
    }

    /** Every listing, page after page, item after item (the pages read ahead by {@code Pages}). */
    private final class Walk implements Iterator<InstanceInfo> {
        private final Iterator<Iterable<Map<String, Object>>> listing = listings.iterator()
        private Iterator<Map<String, Object>> pages = Collections.emptyIterator()
        private Iterator<Map<String, Object>> items = Collections.emptyIterator()
        private InstanceInfo next
        /** One copy of each value the walk's instances repeat (see {@link InstanceInfo#from(Map, Map)}). */
        private final Map<String, String> shared = new HashMap<>()

        @Override
        boolean hasNext() {
            while (next == null) {
                if (items.hasNext()) {
                    InstanceInfo candidate = InstanceInfo.from(items.next(), shared)
                    if (keep == null || keep.test(candidate)) next = candidate
                } else if (pages.hasNext()) {
                    Object set = pages.next().get('InstancesSet')
                    items = set instanceof List ? ((List<Map<String, Object>>) set).iterator() : Collections.<Map<String, Object>> emptyIterator()
                } else if (listing.hasNext()) {
                    pages = listing.next().iterator()
                } else {
                    return false
                }
            }
            true
        }

        @Override
        InstanceInfo next() {
            if (!hasNext()) throw new NoSuchElementException('no more instances')
            InstanceInfo out = next
            next = null
            out
        }
    }
}
