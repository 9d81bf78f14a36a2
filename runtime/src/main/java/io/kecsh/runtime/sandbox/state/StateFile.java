package io.kecsh.runtime.sandbox.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The optional state file that lets successive runs see the same cloud. Saved atomically (written
 * beside, then renamed over), so a crash never leaves half a file. A damaged file is reported with
 * where it broke and is never replaced: the user decides whether to move it away.
 */
public final class StateFile {
    static final String FORMAT = "kecsh-sandbox-state";
    static final int VERSION = 1;

    private final Path path;
    private final ObjectMapper json = new ObjectMapper()
        .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .enable(SerializationFeature.INDENT_OUTPUT);

    public StateFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The saved state, or empty when there is no file yet. */
    public Optional<SandboxState> load() {
        if (!Files.exists(path)) return Optional.empty();
        try {
            ObjectNode root = (ObjectNode) json.readTree(path.toFile());
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw damaged("it is not a kecsh sandbox state file (no \"format\": \"" + FORMAT + "\")", null);
            }
            if (root.path("version").asInt() != VERSION) {
                throw damaged("it has version " + root.path("version").asText() + ", this kecsh reads version " + VERSION, null);
            }
            return Optional.of(json.treeToValue(root.path("state"), SandboxState.class));
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            throw damaged("it ends in the middle (was it cut short?)", e);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw damaged("its content does not fit the sandbox state format (" + e.getOriginalMessage().split("\n")[0] + ")", e);
        } catch (JsonProcessingException e) {
            boolean located = e.getLocation() != null && e.getLocation().getLineNr() > 0;
            String where = located ? " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() : "";
            throw damaged("it is not valid JSON" + where, e);
        } catch (ClassCastException e) {
            throw damaged("its top level is not a JSON object", e);
        } catch (IOException e) {
            throw new StateFileException("cannot read the sandbox state file " + path + ": " + e.getMessage(), e);
        }
    }

    public void save(SandboxState state) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("state", json.valueToTree(state));
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
            try {
                json.writeValue(temp.toFile(), root);
                try {
                    Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new StateFileException("cannot save the sandbox state to " + path + ": " + e.getMessage(), e);
        }
    }

    private StateFileException damaged(String why, Throwable cause) {
        return new StateFileException("the sandbox state file " + path + " is damaged: " + why
            + ". It was left as it is; move it away to start from a fresh sandbox.", cause);
    }

    /** The state file cannot be used; the message says why and what to do. */
    public static final class StateFileException extends RuntimeException {
        StateFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
