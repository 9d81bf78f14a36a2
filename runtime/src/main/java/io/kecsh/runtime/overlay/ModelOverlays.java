package io.kecsh.runtime.overlay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kecsh.runtime.model.ModelException;
import io.kecsh.runtime.model.ModelLoader;
import io.kecsh.runtime.model.ModelLoader.ServiceFiles;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.text.Suggestions;
import io.kecsh.runtime.text.UserText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Model overlays, in the spirit of botocore's custom models: files that add actions, parameters and
 * enumeration values to a service without a release of kecsh.
 *
 * <pre>
 * DIR/&lt;service&gt;/&lt;version&gt;/service.json      e.g. ~/.kecsh/models/kec/2016-03-04/service.json
 * {
 *   "enums":      { "StoppedMode": {"values": [{"value": "…", "doc": "…"}]} },   values added to an enum; a new enum whole
 *   "shapes":     { "NewShape": {…member…} },                                    new shapes
 *   "operations": { "RunInstances": {"params": {"NewParam": {…member…}}},         parameters added to an action
 *                   "NewAction":    {…operation…} }                              a new action, whole
 * }
 * </pre>
 * The entries have the built-in model's format (models/README.md). An overlay only adds: what the
 * built-in model already has (an action's parameter, an enum's value, a shape) is left as it is, so an
 * overlay stays valid when a release adds the same thing. Each file is merged onto the model built so
 * far, rebuilt and held to {@link ModelLint}; a file that fails is left out with one
 * {@link OverlayProblem} naming the file and the entry, and everything else is used.
 */
public final class ModelOverlays {
    /** An overlay file larger than this is refused unread (a model file is tens of kilobytes). */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private static final Set<String> TOP_LEVEL = Set.of("metadata", "enums", "shapes", "operations");

    private final ObjectMapper json = new ObjectMapper();
    private final ModelLoader loader = new ModelLoader();

    /** The model with the overlays that passed, the files used, and one problem per file that was not. */
    public record Result(ServiceModel model, List<Path> loaded, List<OverlayProblem> problems) {
        public Result {
            loaded = List.copyOf(loaded);
            problems = List.copyOf(problems);
        }
    }

    private ModelOverlays() {}

    /** The built-in model plus every overlay under {@code directory} (none, or no directory: the built-in model). */
    public static Result load(Path directory) {
        return new ModelOverlays().apply(directory);
    }

    private Result apply(Path directory) {
        if (directory == null || !Files.isDirectory(directory))
            return new Result(ServiceModel.bundled(), List.of(), List.of());
        Map<String, ServiceFiles> files = loader.bundledFiles();
        ServiceModel current = loader.build(files);
        List<Path> loaded = new ArrayList<>();
        List<OverlayProblem> problems = new ArrayList<>();
        for (Path file : overlayFiles(directory, problems)) {
            try {
                Map<String, ServiceFiles> merged = merge(directory, file, files);
                ServiceModel candidate = build(file, merged);
                String service = file.getParent().getParent().getFileName().toString();
                List<String> added = newFindings(
                        ModelLint.check(current, current.requireService(service)),
                        ModelLint.check(candidate, candidate.requireService(service)));
                if (!added.isEmpty()) throw new Refused("", lintMessage(added));
                files = merged;
                current = candidate;
                loaded.add(file);
            } catch (Refused r) {
                problems.add(new OverlayProblem(file, r.entry, r.getMessage()));
            }
        }
        return new Result(loaded.isEmpty() ? ServiceModel.bundled() : current, loaded, problems);
    }

    /** Every *.json under the directory, in name order; one in the wrong place is a problem, not an overlay. */
    private static List<Path> overlayFiles(Path directory, List<OverlayProblem> problems) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory, 4)) {
            for (Path p : walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                Path relative = directory.relativize(p);
                if (relative.getNameCount() == 3
                        && relative.getFileName().toString().equals("service.json")) out.add(p);
                else
                    problems.add(new OverlayProblem(
                            p,
                            "",
                            "an overlay goes in <service>/<version>/service.json (e.g. kec/2016-03-04/service.json)"));
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(new OverlayProblem(directory, "", "cannot be read: " + e.getMessage()));
        }
        return out;
    }

    /** The service files with this overlay merged into a copy of its service's file. */
    private Map<String, ServiceFiles> merge(Path directory, Path file, Map<String, ServiceFiles> files) {
        Path relative = directory.relativize(file);
        String service = relative.getName(0).toString();
        String version = relative.getName(1).toString();
        ServiceFiles target = files.get(service);
        if (target == null) {
            throw new Refused(
                    "",
                    "no service " + UserText.quoted(service) + Suggestions.didYouMean(service, files.keySet())
                            + "; services: " + String.join(", ", files.keySet()));
        }
        String apiVersion = target.service().path("metadata").path("apiVersion").asText();
        if (!apiVersion.equals(version)) {
            throw new Refused(
                    "",
                    service + " is version " + apiVersion + " in kecsh, not " + UserText.shown(version)
                            + " (the folder is " + service + "/" + apiVersion + ")");
        }
        JsonNode overlay = read(file);
        ObjectNode merged = target.service().deepCopy();
        new Merge(merged, service, apiVersion).apply(overlay);
        Map<String, ServiceFiles> out = new LinkedHashMap<>(files);
        out.put(service, target.withService(merged));
        return out;
    }

    private JsonNode read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES)
                throw new Refused("", "larger than " + MAX_FILE_BYTES / 1024 / 1024 + " MB");
            JsonNode node = json.readTree(file.toFile());
            if (node == null || !node.isObject()) throw new Refused("", "is not a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw new Refused(
                    "",
                    "is not valid JSON: " + e.getOriginalMessage() + " (line "
                            + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new Refused("", "cannot be read: " + e.getMessage());
        }
    }

    private ServiceModel build(Path file, Map<String, ServiceFiles> files) {
        try {
            return loader.build(files);
        } catch (ModelException e) {
            throw new Refused("", e.getMessage());
        } catch (RuntimeException e) {
            // a wrong JSON type where the loader expects another (a pattern that is not a regex …)
            throw new Refused("", "cannot be read as a model: " + e.getMessage());
        }
    }

    /** What the lint finds after the merge and did not find before (the built-in model has no findings). */
    private static List<String> newFindings(List<String> before, List<String> after) {
        List<String> left = new ArrayList<>(before);
        List<String> added = new ArrayList<>();
        for (String f : after) if (!left.remove(f)) added.add(f);
        return added;
    }

    private static String lintMessage(List<String> findings) {
        String first = String.join("; ", findings.subList(0, Math.min(3, findings.size())));
        return findings.size() > 3 ? first + " (and " + (findings.size() - 3) + " more)" : first;
    }

    /** Adds an overlay's entries to a service file; refuses what an overlay may not do, naming the entry. */
    private static final class Merge {
        private final ObjectNode service;
        private final String serviceName;
        private final String apiVersion;

        Merge(ObjectNode service, String serviceName, String apiVersion) {
            this.service = service;
            this.serviceName = serviceName;
            this.apiVersion = apiVersion;
        }

        void apply(JsonNode overlay) {
            overlay.fieldNames().forEachRemaining(key -> {
                if (!TOP_LEVEL.contains(key)) {
                    throw new Refused(
                            key,
                            "an overlay holds enums, shapes and operations" + Suggestions.didYouMean(key, TOP_LEVEL));
                }
            });
            metadata(overlay.path("metadata"));
            enums(objectAt(overlay, "enums"));
            shapes(objectAt(overlay, "shapes"));
            operations(objectAt(overlay, "operations"));
        }

        private void metadata(JsonNode m) {
            if (m.isMissingNode()) return;
            m.properties().forEach(e -> {
                String expected = switch (e.getKey()) {
                    case "service" -> serviceName;
                    case "apiVersion" -> apiVersion;
                    default ->
                        throw new Refused("metadata." + e.getKey(), "an overlay cannot change the service's metadata");
                };
                if (!expected.equals(e.getValue().asText())) {
                    throw new Refused(
                            "metadata." + e.getKey(),
                            "is " + UserText.shown(e.getValue().asText()) + " but the folder says " + expected);
                }
            });
        }

        private void enums(ObjectNode enums) {
            if (enums == null) return;
            ObjectNode existing = section("enums");
            enums.properties().forEach(e -> {
                String where = "enums." + e.getKey();
                JsonNode values = e.getValue().path("values");
                if (!values.isArray() || values.isEmpty())
                    throw new Refused(where, "needs \"values\": [{\"value\": …}]");
                JsonNode known = existing.get(e.getKey());
                if (known == null) {
                    existing.set(e.getKey(), e.getValue());
                    return;
                }
                Set<String> have = new HashSet<>();
                known.path("values").forEach(v -> have.add(v.path("value").asText()));
                ArrayNode into = (ArrayNode) known.get("values");
                int i = 0;
                for (JsonNode v : values) {
                    if (!v.path("value").isTextual() || v.path("value").asText().isEmpty()) {
                        throw new Refused(where + ".values[" + i + "]", "needs a \"value\" (text)");
                    }
                    if (have.add(v.path("value").asText())) into.add(v);
                    i++;
                }
            });
        }

        private void shapes(ObjectNode shapes) {
            if (shapes == null) return;
            ObjectNode existing = section("shapes");
            shapes.properties().forEach(e -> {
                if (!existing.has(e.getKey())) existing.set(e.getKey(), e.getValue());
            });
        }

        private void operations(ObjectNode operations) {
            if (operations == null) return;
            ObjectNode existing = section("operations");
            operations.properties().forEach(e -> {
                String where = "operations." + e.getKey();
                if (!e.getValue().isObject()) throw new Refused(where, "must be an object");
                JsonNode known = existing.get(e.getKey());
                if (known == null) {
                    existing.set(e.getKey(), e.getValue());
                    return;
                }
                e.getValue().fieldNames().forEachRemaining(key -> {
                    if (!key.equals("params")) {
                        throw new Refused(
                                where + "." + key,
                                "an overlay adds parameters to an existing action; its other entries stay as built in");
                    }
                });
                ObjectNode params = objectAt(e.getValue(), "params", where);
                if (params == null) return;
                ObjectNode into = known.has("params")
                        ? (ObjectNode) known.get("params")
                        : ((ObjectNode) known).putObject("params");
                params.properties().forEach(p -> {
                    if (!p.getValue().isObject())
                        throw new Refused(where + ".params." + p.getKey(), "must be an object (a member)");
                    if (!into.has(p.getKey())) into.set(p.getKey(), p.getValue());
                });
            });
        }

        private ObjectNode section(String name) {
            JsonNode node = service.get(name);
            return node instanceof ObjectNode o ? o : service.putObject(name);
        }

        private static ObjectNode objectAt(JsonNode parent, String key) {
            return objectAt(parent, key, "");
        }

        private static ObjectNode objectAt(JsonNode parent, String key, String where) {
            JsonNode node = parent.get(key);
            if (node == null || node.isNull()) return null;
            if (!(node instanceof ObjectNode o))
                throw new Refused(where.isEmpty() ? key : where + "." + key, "must be an object");
            return o;
        }
    }

    /** An overlay file that is not used: the entry (may be empty: the whole file) and why. */
    private static final class Refused extends RuntimeException {
        private final String entry;

        Refused(String entry, String problem) {
            super(problem, null, false, false);
            this.entry = entry;
        }
    }
}
