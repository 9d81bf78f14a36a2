package io.kecsh.dsl.result

import groovy.transform.CompileStatic

/**
 * Any list a script holds — maps, results ({@link InstanceInfo}, {@link RegionOutcome} …), plain
 * values — as rows of named cells, in the order the names first appear, for {@code table()},
 * {@code toCsv()} and {@code toJson()}.
 */
@CompileStatic
final class Rows {
    final List<String> columns
    final List<Map<String, Object>> rows

    private Rows(List<String> columns, List<Map<String, Object>> rows) {
        this.columns = columns
        this.rows = rows
    }

    static Rows of(Collection<?> items) {
        LinkedHashSet<String> columns = new LinkedHashSet<>()
        List<Map<String, Object>> rows = items.collect { Object item ->
            Map<String, Object> row = row(item)
            columns.addAll(row.keySet())
            row
        }
        new Rows(new ArrayList<String>(columns), rows)
    }

    /** A cell as text: lists joined with ';', maps as k=v, nothing as empty. */
    static String text(Object value) {
        if (value == null) return ''
        if (value instanceof Collection) return ((Collection) value).collect { text(it) }.join(';')
        if (value instanceof Map) return ((Map) value).collect { k, v -> "${k}=${text(v)}" }.join(';')
        value.toString()
    }

    private static Map<String, Object> row(Object item) {
        if (item instanceof Map) return ((Map) item).collectEntries { k, v -> [(k as String): v] } as Map<String, Object>
        if (item == null || item instanceof CharSequence || item instanceof Number || item instanceof Boolean) {
            return [value: (Object) item]
        }
        // a result object: its readable properties, the way GPath sees them
        Map<String, Object> props = new LinkedHashMap<>()
        item.metaClass.properties.each { MetaProperty p ->
            if (p.name in ['class', 'metaClass'] || p.name.startsWith('$')) return
            try {
                props[p.name] = p.getProperty(item)
            } catch (GroovyRuntimeException | IllegalArgumentException ignored) {
                // a write-only property: nothing to show
            }
        }
        props
    }
}
