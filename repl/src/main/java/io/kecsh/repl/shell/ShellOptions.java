package io.kecsh.repl.shell;

import io.kecsh.dsl.Kecsh;
import io.kecsh.runtime.config.SettingsResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the shell is set up: where history goes, the region and profile to show and start in, how
 * results print (the command line plugs its renderer in), the banner, and the clock and lifetime
 * of the live-id cache. Immutable; {@link #builder()} for changes.
 */
public final class ShellOptions {
    /** toString, and a collection one item per line. */
    public static final Function<Object, String> PLAIN = value -> value instanceof Collection<?> c
            ? c.stream().map(String::valueOf).collect(Collectors.joining("\n"))
            : String.valueOf(value);

    private final Path historyFile;
    private final String region;
    private final String profile;
    private final Function<Object, String> printer;
    private final String banner;
    private final Function<Kecsh, String> bannerFor;
    private final Clock clock;
    private final Duration liveIdLifetime;
    private final Duration liveIdFirstWait;
    private final String editor;
    private final String pager;
    private final Foreground foreground;

    private ShellOptions(Builder b) {
        this.historyFile = b.historyFile;
        this.region = b.region;
        this.profile = b.profile;
        this.printer = b.printer;
        this.banner = b.banner;
        this.bannerFor = b.bannerFor;
        this.clock = b.clock;
        this.liveIdLifetime = b.liveIdLifetime;
        this.liveIdFirstWait = b.liveIdFirstWait;
        this.editor = b.editor;
        this.pager = b.pager;
        this.foreground = b.foreground;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: history in ~/.kecsh/history, the Kecsh's own region and profile, plain printing. */
    public static ShellOptions defaults() {
        return builder().build();
    }

    public Path historyFile() {
        return historyFile;
    }

    public String region() {
        return region;
    }

    public String profile() {
        return profile;
    }

    public Function<Object, String> printer() {
        return printer;
    }

    public String banner() {
        return banner;
    }

    public Function<Kecsh, String> bannerFor() {
        return bannerFor;
    }

    public Clock clock() {
        return clock;
    }

    public Duration liveIdLifetime() {
        return liveIdLifetime;
    }

    /** How long the first TAB for ids nobody has read yet waits for them before saying they are being read. */
    public Duration liveIdFirstWait() {
        return liveIdFirstWait;
    }
    /** The command {@code :edit} runs with a file name after it. */
    public String editor() {
        return editor;
    }
    /** The command long output is piped to on a real terminal; null prints it all. */
    public String pager() {
        return pager;
    }
    /** Where the pager and the editor run: this process, or the client of a shell the warm daemon serves. */
    public Foreground foreground() {
        return foreground;
    }

    public static final class Builder {
        private Path historyFile =
                SettingsResolver.userHome(System.getenv()).resolve(".kecsh").resolve("history");
        private String region;
        private String profile;
        private Function<Object, String> printer = PLAIN;
        private String banner;
        private Function<Kecsh, String> bannerFor;
        private Clock clock = Clock.systemUTC();
        private Duration liveIdLifetime = Duration.ofSeconds(30);
        private Duration liveIdFirstWait = Duration.ofSeconds(1);
        private String editor = firstSet(System.getenv("VISUAL"), System.getenv("EDITOR"), "vi");
        private String pager = firstSet(System.getenv("PAGER"), "less -FRX");
        private Foreground foreground = Foreground.LOCAL;

        /** null keeps no history file (in memory only). */
        public Builder historyFile(Path p) {
            historyFile = p;
            return this;
        }
        /** The region to start in (null: the Kecsh's). */
        public Builder region(String r) {
            region = r;
            return this;
        }
        /** The profile shown (null: the Kecsh's). */
        public Builder profile(String p) {
            profile = p;
            return this;
        }

        public Builder printer(Function<Object, String> p) {
            printer = p;
            return this;
        }
        /** Printed once before the first prompt (null: none). */
        public Builder banner(String b) {
            banner = b;
            return this;
        }
        /** Printed above the prompt once the Kecsh has started, from what it turned out to be (null: none). */
        public Builder bannerFor(Function<Kecsh, String> b) {
            bannerFor = b;
            return this;
        }

        public Builder clock(Clock c) {
            clock = c;
            return this;
        }

        public Builder liveIdLifetime(Duration d) {
            liveIdLifetime = d;
            return this;
        }

        /** A test sets 0 to see what a TAB shows while the ids are still being read (a slow cloud). */
        public Builder liveIdFirstWait(Duration d) {
            liveIdFirstWait = d;
            return this;
        }
        /** The editor command for {@code :edit} (default: $VISUAL, then $EDITOR, then vi). */
        public Builder editor(String command) {
            editor = command;
            return this;
        }
        /** The pager for long output (default: $PAGER, then less -FRX); null for none. */
        public Builder pager(String command) {
            pager = command;
            return this;
        }

        public Builder foreground(Foreground f) {
            foreground = f;
            return this;
        }

        private static String firstSet(String... values) {
            for (String v : values) {
                if (v != null && !v.isBlank()) return v;
            }
            return null;
        }

        public ShellOptions build() {
            return new ShellOptions(this);
        }
    }
}
