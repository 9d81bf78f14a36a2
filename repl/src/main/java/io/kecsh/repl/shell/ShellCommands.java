package io.kecsh.repl.shell;

import io.kecsh.runtime.text.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jline.reader.Candidate;

/**
 * The shell's own commands ({@code :help}, {@code :region} …) as one table: dispatch, {@code :help}'s
 * list and completion all read it. A command names what its argument may be, for completion.
 */
final class ShellCommands {
    /** One command: its name with the colon, its argument's usage, a summary, what it does, what its argument may be. */
    record Command(
            String name, String usage, String summary, Consumer<String> action, Supplier<List<Candidate>> arguments) {}

    private final Map<String, Command> table = new LinkedHashMap<>();

    ShellCommands add(
            String name, String usage, String summary, Consumer<String> action, Supplier<List<Candidate>> arguments) {
        table.put(name, new Command(name, usage, summary, action, arguments));
        return this;
    }

    List<Command> all() {
        return List.copyOf(table.values());
    }

    /**
     * Runs {@code :name argument}; an unknown name throws with a did-you-mean. A unique prefix is
     * accepted ({@code :h} is :help).
     */
    void run(String input) {
        String trimmed = input.trim();
        int space = trimmed.indexOf(' ');
        String name = space < 0 ? trimmed : trimmed.substring(0, space);
        String argument = space < 0 ? "" : trimmed.substring(space + 1).trim();
        Command command = table.get(name);
        if (command == null) {
            List<Command> prefixed = table.values().stream()
                    .filter(c -> c.name().startsWith(name))
                    .toList();
            if (prefixed.size() == 1 && name.length() > 1) command = prefixed.get(0);
        }
        if (command == null) {
            throw new IllegalArgumentException("unknown command " + name + Suggestions.didYouMean(name, table.keySet())
                    + "; commands: " + String.join(", ", table.keySet()));
        }
        command.action().accept(argument);
    }

    /** Command names, or (after a command and a space) that command's arguments. */
    List<Candidate> candidates(String command) {
        List<Candidate> out = new ArrayList<>();
        if (command == null) {
            for (Command c : table.values())
                out.add(new Candidate(c.name(), c.name(), "command", c.summary(), null, null, true));
        } else if (table.containsKey(command) && table.get(command).arguments() != null) {
            out.addAll(table.get(command).arguments().get());
        }
        return out;
    }
}
