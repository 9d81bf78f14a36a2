package io.kecsh.dsl.result

import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.SerializationFeature
import groovy.transform.CompileStatic

/**
 * {@code table()}, {@code toCsv()} and {@code toJson()} on any list in a script (a Groovy extension
 * module, so {@code regions().table()}, {@code instances.list().toCsv()} and a list of maps the
 * script built all print the same way). They return text: writing it to a file is the script's own
 * {@code new File(…).text = …}, so a plan never writes a file kecsh chose.
 */
@CompileStatic
class ExportExtension {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)

    /** Aligned columns, a header and one line a row. */
    static String table(Collection<?> self) {
        Rows r = Rows.of(self)
        Table.of(r.columns.collect { it }, r.rows.collect { Map<String, Object> row -> r.columns.collect { (Object) Rows.text(row[it]) } })
    }

    /** RFC 4180: a header line, then one line a row; a cell with a comma, quote or line break is quoted. */
    static String toCsv(Collection<?> self) {
        Rows r = Rows.of(self)
        StringBuilder out = new StringBuilder()
        out.append(r.columns.collect { csv(it) }.join(',')).append('\r\n')
        r.rows.each { Map<String, Object> row -> out.append(r.columns.collect { csv(Rows.text(row[it])) }.join(',')).append('\r\n') }
        out.toString()
    }

    /** A JSON array of objects, one per item, the values as they are (numbers stay numbers, lists lists). */
    static String toJson(Collection<?> self) {
        Rows r = Rows.of(self)
        JSON.writeValueAsString(r.rows.collect { Map<String, Object> row -> plain(row) })
    }

    private static String csv(String cell) {
        cell.find(/[",\r\n]/) != null ? '"' + cell.replace('"', '""') + '"' : cell
    }

    /** Plain JSON values: a Pattern, a GString or a result object nested in a row becomes its text. */
    private static Object plain(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) return v
        if (v instanceof Map) return ((Map) v).collectEntries { k, x -> [(k as String): plain(x)] }
        if (v instanceof Collection) return ((Collection) v).collect { plain(it) }
        v.toString()
    }
}
