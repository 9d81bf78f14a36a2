package io.kecsh.repl.shell;

import org.jline.reader.LineReader;

/**
 * Typing {@code }}, {@code ]} or {@code )} inserts just that. JLine's own widgets for these keys
 * take back up to {@link LineReader#INDENTATION} spaces before the bracket whenever its match is
 * found — meant for the indentation JLine adds itself with {@code AUTO_INDENT}, which this shell
 * does not use — so the space in {@code run type: 'S4.2B', count: 3 }} vanished: the line could
 * not be typed as written, and the altered text went to the history and {@code :save}.
 */
final class ClosingBrackets {
    private ClosingBrackets() {}

    static void install(LineReader reader) {
        reader.getWidgets().put(LineReader.INSERT_CLOSE_CURLY, () -> insert(reader, '}'));
        reader.getWidgets().put(LineReader.INSERT_CLOSE_SQUARE, () -> insert(reader, ']'));
        reader.getWidgets().put(LineReader.INSERT_CLOSE_PAREN, () -> insert(reader, ')'));
    }

    private static boolean insert(LineReader reader, char bracket) {
        reader.getBuffer().write(bracket);
        return true;
    }
}
