package io.kecsh.runtime.sandbox.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The optional state file that lets successive runs see the same cloud.
 *
 * <ul>
 *   <li>One sandbox at a time: {@link #lock()} takes a lock on the sibling {@code FILE.lock} (an OS
 *       file lock, so it goes with the process however that ends) and holds it until
 *       {@link #close()}; a second sandbox on the same file is refused, naming the process that
 *       holds it. Two sandboxes on one file would hand out the same IDs and overwrite each other.</li>
 *   <li>Nothing acknowledged is lost: a change is on disk before its answer is sent. A change the
 *       instance backend recorded ({@link ChangeSet}) is appended to the journal {@code FILE.journal}
 *       ({@link StateJournal}: one line, forced to disk, shared by concurrent changes); any other
 *       change, and a journal grown as large as the file, saves the whole state: written to
 *       {@code FILE.saving.tmp}, forced to disk, renamed over the file, the directory forced, then
 *       the journal removed. A kill -9 or a power cut leaves either the old or the new file, never
 *       half of one, and at most an unacknowledged line cut short at the journal's end.</li>
 *   <li>Loading reads the file, then replays the journal's lines that the file does not include.</li>
 *   <li>A temp a killed sandbox left behind is removed when the next one takes the lock.</li>
 *   <li>A damaged file (not JSON, cut short, another format, nulls where data must be) is reported
 *       with what is wrong and is never replaced: the user decides whether to move it away.</li>
 * </ul>
 */
public final class StateFile implements StateSaves, AutoCloseable {
    static final String FORMAT = "kecsh-sandbox-state";
    static final int VERSION = 1;
    private static final String TEMP_SUFFIX = ".saving.tmp";
    /** The journal is folded into a whole save once it is this large, or as large as the last whole save. */
    private static final long MIN_COMPACTION = 1 << 20;

    private final Path path;
    private final ObjectMapper json = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final StateJournal journal;
    /** The generation of the last whole save (the journal's lines carry it), and the last line's number. */
    private long generation;

    private long seq;
    private long compactAt = MIN_COMPACTION;
    private FileChannel lockChannel;
    private FileLock lock;

    public StateFile(Path path) {
        this.path = path.toAbsolutePath();
        this.journal = new StateJournal(
                this.path.resolveSibling(this.path.getFileName() + ".journal"),
                json.copy().disable(SerializationFeature.INDENT_OUTPUT));
    }

    /** The journal of changes since the last whole save (it exists only while there are some). */
    public Path journalFile() {
        return journal.path();
    }

    public Path path() {
        return path;
    }

    /** The sibling file whose OS lock says which process owns the state file. */
    public Path lockFile() {
        return path.resolveSibling(path.getFileName() + ".lock");
    }

    /**
     * Takes the file for this process until {@link #close()}, then removes temps a killed sandbox
     * left. Refused with a StateFileException naming the holder when another sandbox has it.
     */
    public StateFile lock() {
        Path lockFile = lockFile();
        try {
            Files.createDirectories(path.getParent());
            FileChannel channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock taken;
            try {
                taken = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                channel.close();
                throw inUse("another sandbox in this process ("
                        + ProcessHandle.current().pid() + ")");
            }
            if (taken == null) {
                channel.close();
                throw inUse(holder(lockFile));
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            this.lockChannel = channel;
            this.lock = taken;
        } catch (IOException e) {
            throw new StateFileException(
                    "cannot lock the sandbox state file " + path + " (through " + lockFile + "): " + e.getMessage(), e);
        }
        removeStaleTemps();
        return this;
    }

    private StateFileException inUse(String holder) {
        return new StateFileException(
                "the sandbox state file " + path + " is in use by " + holder
                        + "; stop that sandbox or give this one another state file.",
                null);
    }

    /** "another sandbox (process 1234)", from the PID the holder wrote into the lock file. */
    private static String holder(Path lockFile) {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
            if (pid.matches("\\d{1,10}")) return "another sandbox (process " + pid + ")";
        } catch (IOException | RuntimeException unreadable) {
            // the lock still says it is taken; only the holder's name is unknown
        }
        return "another sandbox";
    }

    /** Temps of saves cut short (this format's and the older random-numbered ones); only ever called under the lock. */
    private void removeStaleTemps() {
        String name = path.getFileName().toString();
        Pattern older = Pattern.compile(Pattern.quote(name) + "\\d+\\.tmp");
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(path.getParent(), name + "*.tmp")) {
            for (Path p : siblings) {
                String n = p.getFileName().toString();
                if (n.equals(name + TEMP_SUFFIX) || older.matcher(n).matches()) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new StateFileException("cannot clean the unfinished saves beside " + path + ": " + e.getMessage(), e);
        }
    }

    /** The saved state, or empty when there is no file yet. */
    public Optional<SandboxState> load() {
        if (!Files.exists(path)) return Optional.empty();
        SandboxState state;
        try {
            ObjectNode root = (ObjectNode) json.readTree(path.toFile());
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw damaged("it is not a kecsh sandbox state file (no \"format\": \"" + FORMAT + "\")", null);
            }
            if (root.path("version").asInt() != VERSION) {
                throw damaged(
                        "it has version " + root.path("version").asText() + ", this kecsh reads version " + VERSION,
                        null);
            }
            JsonNode node = root.path("state");
            if (!node.isObject() && !node.isNull() && !node.isMissingNode())
                throw damaged("its \"state\" is not a JSON object", null);
            state = node.isObject() ? json.treeToValue(node, SandboxState.class) : null;
            generation = root.path("journalGeneration").asLong(0);
        } catch (JsonEOFException e) {
            throw damaged("it ends in the middle (was it cut short?)", e);
        } catch (MismatchedInputException e) {
            throw damaged(
                    "its content does not fit the sandbox state format ("
                            + e.getOriginalMessage().split("\n")[0] + ")",
                    e);
        } catch (JsonProcessingException e) {
            boolean located = e.getLocation() != null && e.getLocation().getLineNr() > 0;
            String where = located
                    ? " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr()
                    : "";
            throw damaged("it is not valid JSON" + where, e);
        } catch (ClassCastException e) {
            throw damaged("its top level is not a JSON object", e);
        } catch (IOException e) {
            throw new StateFileException("cannot read the sandbox state file " + path + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw damaged(
                    "its content does not fit the sandbox state format ("
                            + e.getMessage().split("\n")[0] + ")",
                    e);
        }
        if (state != null) {
            try {
                seq = journal.replay(state, generation, why -> damaged(why, null));
            } catch (UncheckedIOException e) {
                throw new StateFileException(e.getMessage(), e);
            }
        }
        String problem = StateCheck.firstProblem(state);
        if (problem != null) throw damaged(problem, null);
        try {
            compactAt = Math.max(MIN_COMPACTION, Files.size(path));
        } catch (IOException e) {
            compactAt = MIN_COMPACTION;
        }
        return Optional.of(state);
    }

    /**
     * Keeps the changes since the last call (see the class comment): the recorded ones as a journal
     * line, anything else as a whole save. The answer waits for the returned {@link Durable}.
     */
    @Override
    public Durable commit(SandboxState state) {
        ChangeSet changes = state.changes();
        // generation 0: a file an older kecsh wrote (or one made by hand), whose journal lines could not be told apart
        if (changes.isUnrecorded() || generation == 0 || journal.length() >= compactAt) {
            save(state);
            return Durable.NOW;
        }
        if (changes.entries().isEmpty()) return Durable.NOW;
        long next = seq + 1;
        try {
            journal.append(next, journal.line(generation, next, state, changes));
        } catch (IOException e) {
            throw new StateFileException(
                    "cannot write the sandbox state journal " + journal.path() + ": " + e.getMessage(), e);
        }
        seq = next;
        changes.clear();
        return () -> journal.awaitDurable(next);
    }

    /**
     * Saves the whole state atomically and durably (see the class comment), then removes the
     * journal it includes; returns once the change is on disk, so the caller may acknowledge it.
     */
    public void save(SandboxState state) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        long nextGeneration = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        root.put("journalGeneration", nextGeneration);
        root.set("state", json.valueToTree(state));
        Path dir = path.getParent();
        Path temp = dir.resolve(path.getFileName() + TEMP_SUFFIX);
        try {
            Files.createDirectories(dir);
            byte[] bytes = json.writeValueAsBytes(root);
            try (FileChannel out = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) out.write(buffer);
                out.force(true);
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
            journal.restart();
            generation = nextGeneration;
            seq = 0;
            state.changes().clear();
            compactAt = Math.max(MIN_COMPACTION, bytes.length);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the next start removes it
            }
            throw new StateFileException("cannot save the sandbox state to " + path + ": " + e.getMessage(), e);
        }
    }

    /** Makes the rename itself durable (Linux, macOS); where a directory cannot be opened, the rename stands as the OS keeps it. */
    static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisSystem) {
            // Windows cannot open a directory as a channel; its rename is already durable enough here
        }
    }

    /** Releases the lock (the lock file stays: removing it could let two processes lock different files). */
    @Override
    public void close() {
        journal.close();
        try {
            if (lock != null) lock.release();
            if (lockChannel != null) lockChannel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        } finally {
            lock = null;
            lockChannel = null;
        }
    }

    private StateFileException damaged(String why, Throwable cause) {
        return new StateFileException(
                "the sandbox state file " + path + " is damaged: " + why
                        + ". It was left as it is; move it away to start from a fresh sandbox.",
                cause);
    }

    /** The state file cannot be used; the message says why and what to do. */
    public static final class StateFileException extends RuntimeException {
        StateFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
