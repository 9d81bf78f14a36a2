package io.kecsh.repl.daemon;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags the launcher gives a one-shot run and nothing else (C1 only: see {@code ./kecsh}), named by
 * it in the system property {@value #PROPERTY}, separated by spaces. The daemon such a run starts in the
 * background serves runs for up to half an hour and must keep C2, so its command line leaves them out; so
 * does its key, so that the shell's client (started without them) and a one-shot client reach one daemon.
 */
final class OneShotFlags {
    static final String PROPERTY = "kecsh.oneShotFlags";

    private OneShotFlags() {}

    /** A JVM's options (those before {@code -jar}) without the launcher's one-shot flags and the property naming them. */
    static List<String> leftOut(List<String> jvmOptions) {
        String naming = "-D" + PROPERTY + "=";
        List<String> kept = new ArrayList<>(jvmOptions);
        for (int i = 0; i < kept.size(); i++) {
            if (!kept.get(i).startsWith(naming)) continue;
            String named = kept.remove(i).substring(naming.length());
            // the launcher's come before KECSH_JAVA_OPTS: the first of each is its own, a user's copy stays
            for (String flag : named.split(" ")) kept.remove(flag);
            break;
        }
        return List.copyOf(kept);
    }
}
