package io.kecsh.repl.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Whether a command line may go to the warm daemon, decided without picocli, Groovy or the model
 * (the client must start fast): {@code -e EXPR} and {@code run FILE}, with only the options it
 * knows, unless turned off ({@code --no-daemon}, {@value #OFF_VARIABLE}) or the run would not be the
 * same in a shared JVM. What the daemon cannot serve faithfully runs in-process, as before:
 * <ul>
 *   <li>model overlays ({@code ~/.kecsh/models}): the model is loaded once per process and an
 *       unused entry reported once, so a warm JVM would neither see an edited overlay nor repeat the report;</li>
 *   <li>a script whose text ends the process or changes what all scripts share ({@code exit},
 *       {@code halt}, {@code metaClass}, {@code System.set…}, {@code Runtime}): it would end or change the daemon.</li>
 * </ul>
 */
final class Eligibility {
    static final String OFF_VARIABLE = "KECSH_NO_DAEMON";
    static final String OFF_OPTION = "--no-daemon";
    private static final Set<String> FLAGS = Set.of("--sandbox", "--fresh", "--debug", "--refuse-destructive");
    private static final Set<String> VALUED = Set.of("--profile", "--region", "--endpoint", "--state", "--output");
    private static final String[] SHARED_STATE = {
        "exit", "halt", "metaClass", "System.set", "Runtime", "ExpandoMetaClass"
    };

    private Eligibility() {}

    /** The script text the command runs ({@code -e}'s expression, {@code run}'s file), or null when it must run in-process. */
    static String source(String[] args, Map<String, String> environment, Path home) {
        if (off(environment)) return null;
        if (home == null || Files.exists(home.resolve(".kecsh").resolve("models"))) return null;
        String source = null;
        boolean run = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (run) {
                // run's own options may come before the file; after it, every word is the script's
                if (FLAGS.contains(a)) continue;
                if (VALUED.contains(a)) {
                    i++;
                    continue;
                }
                if (optionWithValue(a)) continue;
                if (a.startsWith("-")) return null;
                source = read(a);
                break;
            }
            if (a.equals("-e") || a.equals("--eval")) {
                if (i + 1 >= args.length || source != null) return null;
                source = args[++i];
            } else if (a.startsWith("--eval=")) {
                if (source != null) return null;
                source = a.substring("--eval=".length());
            } else if (FLAGS.contains(a)) {
                continue;
            } else if (VALUED.contains(a)) {
                i++;
            } else if (optionWithValue(a)) {
                continue;
            } else if (a.equals("run") && source == null) {
                run = true;
            } else {
                return null; // --no-daemon, --help, --version, another command, a word picocli will refuse
            }
        }
        if (source == null) return null;
        for (String word : SHARED_STATE) if (source.contains(word)) return null;
        return source;
    }

    /**
     * Whether the command line is the interactive shell with only options the daemon knows (no command, no
     * {@code -e}), not turned off, in a home without model overlays. Whether there is a terminal is the client's to say.
     */
    static boolean shell(String[] args, Map<String, String> environment, Path home) {
        if (off(environment)
                || home == null
                || Files.exists(home.resolve(".kecsh").resolve("models"))) return false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (FLAGS.contains(a) || optionWithValue(a)) continue;
            if (VALUED.contains(a) && i + 1 < args.length) {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }

    private static boolean off(Map<String, String> environment) {
        String off = environment.get(OFF_VARIABLE);
        return off != null && !off.isBlank() && !off.equals("0") && !off.equalsIgnoreCase("false");
    }

    private static boolean optionWithValue(String a) {
        int eq = a.indexOf('=');
        return eq > 0 && VALUED.contains(a.substring(0, eq));
    }

    /** The script's text; an unreadable one goes to the daemon, which says so as in-process would. */
    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
