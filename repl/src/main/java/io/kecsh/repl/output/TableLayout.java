package io.kecsh.repl.output;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.WCWidth;

/**
 * Lays rows out as aligned columns within a width, never wrapping. Columns are placed in order —
 * results list what matters first (an id before a description) — each at its full width, except
 * that no column but the first takes more than {@value #SHARE_PERCENT}% of the width while others wait; the first
 * column that no longer fits is cut with '…' if at least its header fits, and it and the columns
 * after it are dropped otherwise. Room left over goes back to the cut columns. Widths are display
 * columns, not characters: a Chinese name takes two a character, so its cells still line up.
 */
final class TableLayout {
    static final String ELLIPSIS = "…";
    private static final String GAP = "  ";
    /** A column is not cut below this many characters (or its header, if longer): it is dropped instead. */
    private static final int FLOOR = 6;

    private static final int SHARE_PERCENT = 40;

    private TableLayout() {}

    /** The table's text, and how many of its columns (the first ones) it shows. */
    record Laid(String text, int shown) {}

    static String render(List<String> headers, List<List<String>> rows, int width) {
        return lay(headers, rows, width).text();
    }

    static Laid lay(List<String> headers, List<List<String>> rows, int width) {
        int columns = headers.size();
        int[] natural = new int[columns];
        for (int c = 0; c < columns; c++) {
            natural[c] = width(headers.get(c));
            for (List<String> row : rows) natural[c] = Math.max(natural[c], width(row.get(c)));
        }
        int[] widths = new int[columns];
        int shown = place(headers, natural, widths, width);
        StringBuilder out = new StringBuilder();
        line(out, headers, widths, shown);
        for (List<String> row : rows) line(out, row, widths, shown);
        return new Laid(out.toString(), shown);
    }

    /** How many terminal columns the text takes: two for a wide (CJK) character, none for a combining one. */
    static int width(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += Math.max(0, WCWidth.wcwidth(cp));
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Fills {@code widths} in column order and returns how many columns are shown (at least one). */
    private static int place(List<String> headers, int[] natural, int[] widths, int width) {
        int cap = Math.max(FLOOR, width * SHARE_PERCENT / 100);
        int used = 0;
        int shown = 0;
        for (int c = 0; c < natural.length; c++) {
            int gap = c == 0 ? 0 : GAP.length();
            int room = width - used - gap;
            int floor = Math.min(natural[c], Math.max(FLOOR, width(headers.get(c))));
            // The first column (the id, by the results' convention) is never capped: a cut id cannot be copied.
            int wanted = c == 0 ? natural[c] : Math.min(natural[c], Math.max(cap, floor));
            if (c > 0 && room < floor) break;
            widths[c] = Math.max(1, Math.min(wanted, room));
            used += gap + widths[c];
            shown++;
            if (widths[c] < wanted) break;
        }
        // Give what is left to the columns that were cut, first ones first.
        for (int c = 0; c < shown && used < width; c++) {
            int more = Math.min(natural[c] - widths[c], width - used);
            if (more > 0) {
                widths[c] += more;
                used += more;
            }
        }
        return shown;
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, int shown) {
        List<String> parts = new ArrayList<>(shown);
        for (int c = 0; c < shown; c++) {
            String cell = fit(cells.get(c), widths[c]);
            parts.add(c == shown - 1 ? cell : pad(cell, widths[c]));
        }
        out.append(String.join(GAP, parts).stripTrailing()).append('\n');
    }

    static String fit(String cell, int width) {
        if (width(cell) <= width) return cell;
        if (width <= 1) return ELLIPSIS;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < cell.length(); ) {
            int cp = cell.codePointAt(i);
            int w = Math.max(0, WCWidth.wcwidth(cp));
            if (used + w > width - 1) break;
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out + ELLIPSIS;
    }

    private static String pad(String cell, int width) {
        int w = width(cell);
        return w >= width ? cell : cell + " ".repeat(width - w);
    }
}
