package io.kecsh.repl.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kecsh.dsl.engine.plan.Plan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints what a script or an expression returned, the same way for {@code kecsh run}, {@code -e}
 * and the shell:
 * <ul>
 * <li>{@link OutputFormat#TABLE}: a list of results (the DSL's result types, maps, a response's
 *     list) as aligned columns fitted to the width; one result as name/value rows; a plan as the
 *     plan prints.</li>
 * <li>{@link OutputFormat#JSON}: pretty JSON of everything, keys in a stable order.</li>
 * <li>{@link OutputFormat#TEXT}: tab-separated values, one row per line, no header (for awk and cut).</li>
 * </ul>
 * A scalar prints as itself (as a JSON value under JSON); null prints nothing; secrets print as
 * {@code ****} in every format. The result ends with a newline unless it is empty.
 */
public final class ResultRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultRenderer() {}

    public static String render(Object result, OutputFormat format, int width) {
        if (result == null) return "";
        if (format == OutputFormat.JSON) return json(PlainData.of(result));
        if (result instanceof Plan plan) return plan.toString(); // the plan's own layout, secrets already masked
        Object data = PlainData.of(result);
        if (data == null) return "";
        if (!(data instanceof Map<?, ?>) && !(data instanceof List<?>)) return PlainData.text(data) + "\n";
        List<?> rows = rowsOf(data);
        if (rows.isEmpty()) return "";
        String answerList = answerList(data);
        if (format == OutputFormat.TABLE && answerList != null) return answerTable(rows, answerList, width);
        return format == OutputFormat.TEXT ? text(rows) : table(rows, data instanceof Map<?, ?>, width);
    }

    /**
     * The rows a value tabulates as: a list as itself; a map holding exactly one list of records (a
     * response: RequestId, InstanceCount, InstancesSet) as that list; any other map as one row.
     */
    private static List<?> rowsOf(Object data) {
        if (data instanceof List<?> list) return list;
        Map<?, ?> map = (Map<?, ?>) data;
        Object only = null;
        int lists = 0;
        for (Object v : map.values()) {
            if (v instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(i -> i instanceof Map<?, ?>)) {
                only = l;
                lists++;
            } else if (v instanceof Map<?, ?> || v instanceof List<?> l2 && !l2.isEmpty()) {
                lists = 2; // something else nested: show the map itself
            }
        }
        return lists == 1 ? (List<?>) only : List.of(map);
    }

    /** The member of an answer that holds its records ({@code InstancesSet}), or null when the value is not such an answer. */
    private static String answerList(Object data) {
        if (!(data instanceof Map<?, ?> map)) return null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() instanceof List<?> l && l == rowsOf(data)) return String.valueOf(e.getKey());
        }
        return null;
    }

    /**
     * An API answer's records, flattened to the columns a person wants ({@link ResponseColumns}),
     * with a footer naming what the table leaves out — members too deep for a cell, columns past
     * the width — and how to see everything.
     */
    private static String answerTable(List<?> records, String listName, int width) {
        ResponseColumns.Flattened flat = ResponseColumns.of(records, listName);
        List<String> headers = headers(flat.rows());
        List<List<String>> cells = new ArrayList<>();
        for (Object row : flat.rows()) cells.add(cells(row, headers));
        TableLayout.Laid laid = TableLayout.lay(headers, cells, width);
        List<String> leftOut = new ArrayList<>(headers.subList(laid.shown(), headers.size()));
        leftOut.addAll(flat.leftOut());
        if (leftOut.isEmpty()) return laid.text();
        return laid.text() + "(" + records.size() + " row" + (records.size() == 1 ? "" : "s") + "; not shown: "
                + String.join(", ", leftOut) + "; --output json shows the whole answer)\n";
    }

    private static String table(List<?> rows, boolean singleRecord, int width) {
        if (rows.stream().noneMatch(r -> r instanceof Map<?, ?>)) return lines(rows);
        if (singleRecord && rows.size() == 1) return nameValue((Map<?, ?>) rows.get(0), width);
        List<String> headers = headers(rows);
        List<List<String>> cells = new ArrayList<>();
        for (Object row : rows) cells.add(cells(row, headers));
        return TableLayout.render(headers, cells, width);
    }

    private static String nameValue(Map<?, ?> record, int width) {
        List<List<String>> cells = new ArrayList<>();
        record.forEach((k, v) -> cells.add(List.of(String.valueOf(k), cell(v))));
        return TableLayout.render(List.of("NAME", "VALUE"), cells, width);
    }

    private static String text(List<?> rows) {
        if (rows.stream().noneMatch(r -> r instanceof Map<?, ?>)) return lines(rows);
        List<String> headers = headers(rows);
        StringBuilder out = new StringBuilder();
        for (Object row : rows)
            out.append(String.join("\t", cells(row, headers))).append('\n');
        return out.toString();
    }

    private static String lines(List<?> rows) {
        StringBuilder out = new StringBuilder();
        for (Object row : rows) out.append(cell(row)).append('\n');
        return out.toString();
    }

    /** Every key any row has, in the order first seen. */
    private static List<String> headers(List<?> rows) {
        Set<String> keys = new LinkedHashSet<>();
        for (Object row : rows) {
            if (row instanceof Map<?, ?> m) m.keySet().forEach(k -> keys.add(String.valueOf(k)));
        }
        return new ArrayList<>(keys);
    }

    private static List<String> cells(Object row, List<String> headers) {
        List<String> out = new ArrayList<>(headers.size());
        for (String h : headers) out.add(row instanceof Map<?, ?> m ? cell(m.get(h)) : "");
        return out;
    }

    /** One cell on one line: lists of scalars joined with commas, anything nested as compact JSON. */
    private static String cell(Object value) {
        String text;
        if (value instanceof Collection<?> c && c.stream().allMatch(PlainData::isScalar)) {
            List<String> parts = new ArrayList<>();
            c.forEach(i -> parts.add(PlainData.text(i)));
            text = String.join(", ", parts);
        } else if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            text = compactJson(value);
        } else {
            text = PlainData.text(value);
        }
        return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    private static String json(Object data) {
        try {
            return JSON.writeValueAsString(data) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the result as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String compactJson(Object data) {
        try {
            return new ObjectMapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return String.valueOf(data);
        }
    }
}
