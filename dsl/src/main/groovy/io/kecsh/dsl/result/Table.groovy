package io.kecsh.dsl.result

import groovy.transform.CompileStatic

/** Aligned text columns for printing results: a header, then one row each. */
@CompileStatic
final class Table {
    private Table() {
    }

    static String of(List<String> headers, List<List<Object>> rows) {
        List<Integer> widths = headers.collect { it.length() }
        rows.each { row -> row.eachWithIndex { Object cell, int i -> widths[i] = Math.max(widths[i], String.valueOf(cell ?: '').length()) } }
        StringBuilder out = new StringBuilder()
        Closure<Void> line = { List<Object> cells ->
            out.append(cells.withIndex().collect { Object cell, int i -> String.valueOf(cell ?: '').padRight(widths[i]) }.join('  ').trim()).append('\n')
            null
        }
        line(headers as List<Object>)
        rows.each { line(it) }
        out.toString()
    }
}
