package io.kecsh.runtime.protocol;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable typed structure as an array of values over a {@link Layout} of names that the
 * structures of an answer share: a page of 1,000 instances is 1,000 maps of the same 36 names in the
 * same order. A LinkedHashMap of those is about 1.7 KB of entries and table an instance, this about
 * 160 bytes: the garbage a walk of 100,000 instances makes, and the collector's time over it (a
 * quarter of {@code instances.list()}'s CPU at 100,000 under -Xmx128m), shrink with it. Equal to
 * any map of the same entries; iterated in the order the names were read.
 */
final class CompactMap extends AbstractMap<String, Object> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Names in the order they were read, each once, and where each one's value is. */
    static final class Layout implements Serializable {
        private static final long serialVersionUID = 1L;
        final String[] names;
        private final HashMap<String, Integer> index;

        /** Null when a name repeats: such a structure keeps LinkedHashMap's rules (first place, last value). */
        static Layout of(String[] names, int count) {
            HashMap<String, Integer> index = new HashMap<>(count * 4 / 3 + 1);
            String[] kept = new String[count];
            for (int i = 0; i < count; i++) {
                if (index.putIfAbsent(names[i], i) != null) return null;
                kept[i] = names[i];
            }
            return new Layout(kept, index);
        }

        private Layout(String[] names, HashMap<String, Integer> index) {
            this.names = names;
            this.index = index;
        }

        /** Whether these are the first {@code count} of {@code read}, in order. */
        boolean is(String[] read, int count) {
            if (names.length != count) return false;
            for (int i = 0; i < count; i++) {
                String a = names[i];
                String b = read[i];
                if (a != b && !a.equals(b)) return false; // the parser's names are mostly the same instances
            }
            return true;
        }
    }

    private final Layout layout;
    private final Object[] values;

    /** {@code values} holds no null and is this map's own. */
    CompactMap(Layout layout, Object[] values) {
        this.layout = layout;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        Integer at = layout.index.get(key);
        return at == null ? null : values[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return layout.index.containsKey(key);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= values.length) throw new NoSuchElementException();
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(layout.names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
