package io.kecsh.runtime.sandbox.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

/**
 * The state file's journal ({@code FILE.journal}): the changes since the last whole save, one JSON
 * line each, so that a change costs the size of what it changed instead of a rewrite of the whole
 * state. A line holds the generation of the whole save it follows, its sequence number (from 1
 * after each whole save), the ID counter, and the new value of each instance and network
 * interface the change touched (null: removed).
 *
 * <ul>
 *   <li>Durable before acknowledged: a line is written under the state's lock and forced to disk
 *       before its answer is sent ({@link #awaitDurable}); concurrent changes share one flush.</li>
 *   <li>A kill -9 can only cut the last line short: it was never acknowledged, so it is dropped on
 *       replay and overwritten by the next line. A bad line followed by good ones is damage.</li>
 *   <li>Each whole save has a new generation, and only lines of the file's generation are
 *       replayed: a kill between writing the save and removing the journal (whose lines the save
 *       includes) applies nothing twice, and neither does a state file replaced by hand.</li>
 * </ul>
 */
final class StateJournal {
    private final Path path;
    private final ObjectMapper json;
    private final Object flushing = new Object();

    /** Where the next line goes (the end of the last whole line found on replay). */
    private long length;

    private FileChannel channel;
    private volatile long writtenSeq;
    /** Guarded by {@link #flushing}. */
    private long durableSeq;

    StateJournal(Path path, ObjectMapper json) {
        this.path = path;
        this.json = json;
    }

    Path path() {
        return path;
    }

    /** Bytes written since the last whole save. */
    long length() {
        return length;
    }

    /**
     * Applies the lines of {@code generation} to the state and answers the last sequence number.
     * {@code damaged} turns a reason into the caller's exception.
     */
    long replay(SandboxState state, long generation, Function<String, RuntimeException> damaged) {
        length = 0;
        long seq = 0;
        if (!Files.exists(path)) return seq;
        byte[] all;
        try {
            all = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox state journal " + path + ": " + e.getMessage(), e);
        }
        int start = 0;
        int lineNumber = 0;
        while (start < all.length) {
            int end = start;
            while (end < all.length && all[end] != '\n') end++;
            lineNumber++;
            JsonNode entry = end < all.length ? parse(all, start, end) : null;
            if (entry == null) {
                // a line cut short (no newline, or not JSON): only the last one may be, as a kill leaves it
                if (hasWholeLineAfter(all, end))
                    throw damaged.apply("its journal " + path + " has a damaged line " + lineNumber);
                break;
            }
            if (entry.path("gen").asLong() != generation) break; // follows an older save, which the file includes
            long entrySeq = entry.path("seq").asLong(-1);
            if (entrySeq != seq + 1)
                throw damaged.apply("its journal " + path + " misses changes before line " + lineNumber);
            apply(state, entry, damaged, lineNumber);
            seq = entrySeq;
            start = end + 1;
            length = start;
        }
        writtenSeq = seq;
        durableSeq = seq;
        return seq;
    }

    private JsonNode parse(byte[] all, int start, int end) {
        try {
            JsonNode node = json.readTree(all, start, end - start);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private boolean hasWholeLineAfter(byte[] all, int end) {
        for (int from = end + 1; from < all.length; ) {
            int to = from;
            while (to < all.length && all[to] != '\n') to++;
            if (to < all.length && parse(all, from, to) != null) return true;
            from = to + 1;
        }
        return false;
    }

    private void apply(SandboxState state, JsonNode entry, Function<String, RuntimeException> damaged, int line) {
        try {
            state.ids = json.treeToValue(entry.get("ids"), Ids.class);
            for (JsonNode change : entry.path("changes")) {
                RegionState region = state.region(change.path("region").asText());
                String id = change.path("id").asText();
                JsonNode value = change.get("value");
                boolean removed = value == null || value.isNull();
                switch (change.path("kind").asText()) {
                    case "instance" -> {
                        if (removed) region.instances.remove(id);
                        else region.instances.put(id, json.treeToValue(value, Instance.class));
                    }
                    case "nic" -> {
                        if (removed) region.networkInterfaces.remove(id);
                        else region.networkInterfaces.put(id, json.treeToValue(value, NetworkInterface.class));
                    }
                    default -> throw damaged.apply("its journal " + path + " has an unknown change at line " + line);
                }
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw damaged.apply(
                    "its journal " + path + " has a change at line " + line + " that does not fit the state format");
        }
    }

    /** The line for the recorded changes: their values now, read from the state. */
    byte[] line(long generation, long seq, SandboxState state, ChangeSet changes) {
        ObjectNode entry = json.createObjectNode();
        entry.put("gen", generation);
        entry.put("seq", seq);
        entry.set("ids", json.valueToTree(state.ids));
        ArrayNode list = entry.putArray("changes");
        for (ChangeSet.Entry e : changes.entries()) {
            RegionState region = state.regions.get(e.region());
            Map<String, ?> map = region == null
                    ? Map.of()
                    : e.kind() == ChangeSet.Kind.INSTANCE ? region.instances : region.networkInterfaces;
            ObjectNode change = list.addObject();
            change.put("region", e.region());
            change.put("kind", e.kind() == ChangeSet.Kind.INSTANCE ? "instance" : "nic");
            change.put("id", e.id());
            change.set("value", json.valueToTree(map.get(e.id())));
        }
        try {
            byte[] bytes = json.writeValueAsBytes(entry);
            byte[] line = Arrays.copyOf(bytes, bytes.length + 1);
            line[bytes.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a journal line", e);
        }
    }

    /** Writes a line (under the state's lock); it is durable after {@link #awaitDurable}. */
    void append(long seq, byte[] line) throws IOException {
        if (channel == null) {
            synchronized (flushing) {
                durableSeq = 0;
                boolean created = !Files.exists(path);
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                channel.truncate(length); // drops a line a kill cut short
                if (created) StateFile.forceDirectory(path.getParent());
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(line);
        long at = length;
        while (buffer.hasRemaining()) at += channel.write(buffer, at);
        length = at;
        writtenSeq = seq;
    }

    /** Returns once every line up to {@code seq} is on disk; one flush serves every caller waiting. */
    void awaitDurable(long seq) {
        synchronized (flushing) {
            if (durableSeq >= seq) return;
            long upTo = writtenSeq;
            try {
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            durableSeq = upTo;
        }
    }

    /**
     * After a whole save, which includes every line: the journal goes (its lines would be skipped
     * anyway), and the next line is number 1 again. Waits for a flush under way; everything
     * waited for is durable in the save.
     */
    void restart() throws IOException {
        synchronized (flushing) {
            closeChannel();
            Files.deleteIfExists(path);
            length = 0;
            writtenSeq = 0;
            durableSeq = Long.MAX_VALUE;
        }
    }

    void close() {
        synchronized (flushing) {
            closeChannel();
        }
    }

    private void closeChannel() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // every acknowledged line was forced already
        }
        channel = null;
    }
}
