package io.kecsh.dsl.result

import java.util.function.Predicate
import java.util.stream.Stream
import java.util.stream.StreamSupport

/**
 * Instances read one page of DescribeInstances at a time, as they are iterated: what
 * {@code instances.stream(…)} returns and {@code instances.each { }} walks. Memory stays at one page
 * however many instances there are, and a walk that stops early ({@code find}, {@code take},
 * {@code break}, {@code stream().limit}) fetches no further page. Each iteration reads the cloud
 * afresh (it is not a snapshot); Groovy's {@code collect}/{@code findAll}/{@code toList()} on it
 * materialise what they keep, as they would on any Iterable.
 */
class InstanceStream implements Iterable<InstanceInfo> {
    /** One lazy paginator per slice of IDs (one for a listing without IDs), each yielding pages. */
    private final List<Iterable<Map<String, Object>>> listings
    /** What only kecsh can check after the server answered (a name or type pattern). */
    private final Predicate<InstanceInfo> keep

    InstanceStream(List<Iterable<Map<String, Object>>> listings, Predicate<InstanceInfo> keep) {
        this.listings = listings
        this.keep = keep
    }

    @Override
    Iterator<InstanceInfo> iterator() {
        new Walk()
    }

    /** A {@link Stream} over the same pages, for {@code filter}/{@code map}/{@code limit} in Java's manner. */
    Stream<InstanceInfo> stream() {
        StreamSupport.stream(spliterator(), false)
    }

    /** Every listing, page after page, item after item; the next page is fetched only once this one is used up. */
    private final class Walk implements Iterator<InstanceInfo> {
        private final Iterator<Iterable<Map<String, Object>>> listing = listings.iterator()
        private Iterator<Map<String, Object>> pages = Collections.emptyIterator()
        private Iterator<Map<String, Object>> items = Collections.emptyIterator()
        private InstanceInfo next

        @Override
        boolean hasNext() {
            while (next == null) {
                if (items.hasNext()) {
                    InstanceInfo candidate = InstanceInfo.from(items.next())
                    if (keep.test(candidate)) next = candidate
                } else if (pages.hasNext()) {
                    items = ((List<Map<String, Object>>) (pages.next().InstancesSet ?: [])).iterator()
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
