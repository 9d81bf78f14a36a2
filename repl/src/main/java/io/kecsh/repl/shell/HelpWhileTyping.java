package io.kecsh.repl.shell;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jline.reader.LineReader;
import org.jline.reader.Widget;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

/**
 * Shows the {@link ParameterHint} for the cursor's position on a status line below the input,
 * updated after each key that changes the line, cleared when the line is accepted. JLine's own
 * TailTipWidgets do the same for shell-style commands; the DSL's words are not those, so the hint
 * comes from the shell's own parse. A terminal without a status line (dumb) shows nothing.
 */
final class HelpWhileTyping {
    /** The widgets after which the line may have changed. */
    private static final List<String> EDITING = List.of(
            LineReader.SELF_INSERT,
            LineReader.BACKWARD_DELETE_CHAR,
            LineReader.DELETE_CHAR,
            LineReader.BACKWARD_KILL_WORD,
            LineReader.KILL_LINE,
            LineReader.COMPLETE_WORD,
            LineReader.EXPAND_OR_COMPLETE,
            LineReader.MENU_COMPLETE,
            LineReader.BACKWARD_CHAR,
            LineReader.FORWARD_CHAR,
            LineReader.INSERT_CLOSE_CURLY,
            LineReader.INSERT_CLOSE_SQUARE,
            LineReader.INSERT_CLOSE_PAREN);

    private final LineReader reader;
    private final ParameterHint hints;
    private String shown;

    private HelpWhileTyping(LineReader reader, ParameterHint hints) {
        this.reader = reader;
        this.hints = hints;
    }

    /** Wraps the editing widgets (after any other installer, e.g. {@link ClosingBrackets}) and accept-line. */
    static void install(LineReader reader, ParameterHint hints) {
        HelpWhileTyping help = new HelpWhileTyping(reader, hints);
        Map<String, Widget> widgets = reader.getWidgets();
        for (String name : EDITING) {
            Widget original = widgets.get(name);
            if (original == null) continue;
            widgets.put(name, () -> {
                boolean done = original.apply();
                help.update();
                return done;
            });
        }
        Widget accept = widgets.get(LineReader.ACCEPT_LINE);
        widgets.put(LineReader.ACCEPT_LINE, () -> {
            help.show(null);
            return accept.apply();
        });
    }

    private void update() {
        Optional<String> hint;
        try {
            hint = hints.at(reader.getBuffer().toString(), reader.getBuffer().cursor());
        } catch (RuntimeException e) {
            hint = Optional.empty(); // help is a convenience: a parse it cannot follow shows nothing
        }
        show(hint.orElse(null));
    }

    private void show(String hint) {
        if (Objects.equals(hint, shown)) return;
        shown = hint;
        Status status = Status.getStatus(reader.getTerminal(), hint != null);
        if (status == null) return;
        int width = Math.max(reader.getTerminal().getWidth() - 1, 20);
        String line = hint == null ? null : hint.length() > width ? hint.substring(0, width - 1) + "…" : hint;
        status.update(line == null ? List.of() : List.of(new AttributedString(line, AttributedStyle.DEFAULT.faint())));
    }
}
