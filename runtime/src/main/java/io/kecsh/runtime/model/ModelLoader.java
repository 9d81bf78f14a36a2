package io.kecsh.runtime.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the bundled model files: {@code models/index.json} names each service's folder, and each
 * folder holds service.json plus optional paginators.json and waiters.json. Every reference (enum,
 * shape, inherited service) is resolved here, so a broken file fails at load time, not at use.
 */
public final class ModelLoader {
    private static final String ROOT = "models/";
    // a key written twice (a merge's leftover) would silently keep the last; refuse it at load instead
    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * The bundled model, each service's files read and built the first time that service is asked for (the
     * index alone is read here). Reads the same files into the same model as {@code build(bundledFiles())},
     * with the same errors, only later: when the broken service is first used.
     */
    public ServiceModel loadBundled() {
        Map<String, String> folders = new LinkedHashMap<>();
        for (JsonNode entry : read(ROOT + "index.json", true).path("services")) {
            String folder = entry.asText();
            folders.put(folder.contains("/") ? folder.substring(0, folder.indexOf('/')) : folder, folder);
        }
        BundledReads reads = new BundledReads(folders);
        reads.model = new ServiceModel(List.copyOf(folders.keySet()), reads::service);
        return reads.model;
    }

    /** Reads one bundled service on demand; a service that inherits ({@code commonFrom}) reads its parent first. */
    private final class BundledReads {
        private final Map<String, String> folders;
        // each read service's commonParams and commonErrors only (not its whole tree): what a child inherits
        private final Map<String, JsonNode> commons = new ConcurrentHashMap<>();
        private final Set<String> reading = ConcurrentHashMap.newKeySet();
        private ServiceModel model;

        BundledReads(Map<String, String> folders) {
            this.folders = folders;
        }

        Service service(String name) {
            ServiceFiles f = files(folders.get(name));
            if (!f.name().equals(name))
                throw new ModelException(ROOT + "index.json: folder " + f.folder() + " holds service " + f.name()
                        + "; a service's folder starts with its name");
            ObjectNode common = json.createObjectNode();
            for (String inherited : List.of("commonParams", "commonErrors"))
                if (f.service().has(inherited))
                    common.set(inherited, f.service().get(inherited));
            commons.put(name, common);
            JsonNode parent = null;
            String from = commonFrom(f.service());
            if (from != null) {
                if (!folders.containsKey(from)) throw unknownParent(f.service(), from);
                if (!reading.add(name)) throw new ModelException(name + ": commonFrom goes round in a circle");
                try {
                    model.requireService(from);
                } finally {
                    reading.remove(name);
                }
                parent = commons.get(from);
            }
            return new ServiceReader(f.service(), parent, f.paginators(), f.waiters()).read();
        }
    }

    private ServiceFiles files(String folder) {
        return new ServiceFiles(
                folder,
                read(ROOT + folder + "/service.json", true),
                read(ROOT + folder + "/paginators.json", false),
                read(ROOT + folder + "/waiters.json", false));
    }

    /**
     * One service's model files as JSON: its folder under {@code models/} ({@code kec/2016-03-04}),
     * service.json, and paginators.json / waiters.json when it has them (else null).
     */
    public record ServiceFiles(String folder, JsonNode service, JsonNode paginators, JsonNode waiters) {
        public String name() {
            return service.path("metadata").path("service").asText();
        }

        public ServiceFiles withService(JsonNode replaced) {
            return new ServiceFiles(folder, replaced, paginators, waiters);
        }
    }

    /** The bundled files, by service name, in index order (fresh JSON trees: a caller may change them). */
    public Map<String, ServiceFiles> bundledFiles() {
        JsonNode index = read(ROOT + "index.json", true);
        Map<String, ServiceFiles> files = new LinkedHashMap<>();
        for (JsonNode entry : index.path("services")) {
            ServiceFiles f = files(entry.asText());
            files.put(f.name(), f);
        }
        return files;
    }

    /**
     * Builds a model from service files (the bundled ones, or those with overlays merged in);
     * every reference is resolved here.
     *
     * @throws ModelException naming the service and the entry that does not resolve
     */
    public ServiceModel build(Map<String, ServiceFiles> files) {
        Map<String, JsonNode> serviceFiles = new LinkedHashMap<>();
        files.forEach((name, f) -> serviceFiles.put(name, f.service()));
        List<Service> services = new ArrayList<>();
        for (ServiceFiles f : files.values()) {
            JsonNode parent = inheritedFrom(f.service(), serviceFiles);
            services.add(new ServiceReader(f.service(), parent, f.paginators(), f.waiters()).read());
        }
        return new ServiceModel(services);
    }

    /** Kingsoft's smaller APIs share kec's common parameters and errors ("commonFrom": "kec"). */
    private static JsonNode inheritedFrom(JsonNode service, Map<String, JsonNode> all) {
        String from = commonFrom(service);
        if (from == null) return null;
        JsonNode parent = all.get(from);
        if (parent == null) throw unknownParent(service, from);
        return parent;
    }

    private static String commonFrom(JsonNode service) {
        return service.path("metadata").path("commonFrom").asText(null);
    }

    private static ModelException unknownParent(JsonNode service, String from) {
        return new ModelException(
                service.path("metadata").path("service").asText() + ": commonFrom names unknown service " + from);
    }

    private JsonNode read(String resource, boolean required) {
        try (InputStream in = ModelLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                if (required) throw new ModelException("model file missing from the classpath: " + resource);
                return null;
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Reads one service's files into a {@link Service}. */
    private static final class ServiceReader {
        private final JsonNode root;
        private final JsonNode parent;
        private final JsonNode paginatorsFile;
        private final JsonNode waitersFile;
        private final String serviceName;
        private final Map<String, EnumDef> enums = new LinkedHashMap<>();
        private final Map<String, Member> shapes = new HashMap<>();
        private final List<String> resolving = new ArrayList<>();

        ServiceReader(JsonNode root, JsonNode parent, JsonNode paginatorsFile, JsonNode waitersFile) {
            this.root = root;
            this.parent = parent;
            this.paginatorsFile = paginatorsFile;
            this.waitersFile = waitersFile;
            this.serviceName = root.path("metadata").path("service").asText();
        }

        Service read() {
            ServiceMetadata metadata = metadata(root.path("metadata"));
            readEnums();
            root.path("shapes").fieldNames().forEachRemaining(this::shape);
            JsonNode common = parent != null ? parent : root;
            Map<String, Member> commonParams = members(common.path("commonParams"), "commonParams");
            List<ErrorDef> commonErrors = errors(common.path("commonErrors"));
            Map<String, Operation> operations = new LinkedHashMap<>();
            root.path("operations")
                    .properties()
                    .forEach(e -> operations.put(e.getKey(), operation(e.getKey(), e.getValue())));
            Map<String, Paginator> paginators = paginators(operations);
            Map<String, Waiter> waiters = waiters(operations);
            return new Service(
                    metadata,
                    operations,
                    enums,
                    shapes,
                    commonParams,
                    commonErrors,
                    decisions(root.path("decisions")),
                    paginators,
                    waiters);
        }

        private ServiceMetadata metadata(JsonNode m) {
            List<String> signatures = new ArrayList<>();
            m.path("signatures").forEach(s -> signatures.add(s.asText()));
            if (signatures.isEmpty()) fail("metadata.signatures is empty");
            ApiProtocol protocol = null;
            try {
                protocol = ApiProtocol.of(m.path("protocol").asText());
            } catch (ModelException unknown) {
                fail(unknown.getMessage());
            }
            return new ServiceMetadata(
                    m.path("service").asText(),
                    m.path("apiVersion").asText(),
                    m.path("title").asText(),
                    protocol,
                    m.path("envelope").asText(),
                    signatures,
                    m.path("signingName").asText(),
                    endpoint(m.path("endpoint")),
                    m.path("defaultRegion").asText(),
                    m.path("source").asText());
        }

        private static Endpoint endpoint(JsonNode e) {
            return new Endpoint(
                    e.path("hostPattern").asText(), e.path("regional").asBoolean());
        }

        private void readEnums() {
            root.path("enums").properties().forEach(e -> {
                JsonNode n = e.getValue();
                List<EnumValue> values = new ArrayList<>();
                for (JsonNode v : n.path("values")) {
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    v.path("attrs").properties().forEach(a -> attrs.put(a.getKey(), plain(a.getValue())));
                    if (v.has("valueEnum"))
                        attrs.put("valueEnum", v.get("valueEnum").asText());
                    values.add(new EnumValue(
                            v.path("value").asText(),
                            v.path("zh").asText(""),
                            v.path("doc").asText(""),
                            attrs));
                }
                if (values.isEmpty()) fail("enum " + e.getKey() + " has no values");
                enums.put(
                        e.getKey(),
                        new EnumDef(
                                e.getKey(),
                                n.path("doc").asText(""),
                                n.path("subsetOf").asText(null),
                                n.path("caseSensitive").asBoolean(true),
                                values,
                                decisions(n.path("decision")),
                                n.path("open").asBoolean(false),
                                openForm(e.getKey(), n),
                                live(e.getKey(), n)));
            });
            for (Map.Entry<String, EnumDef> e : new ArrayList<>(enums.entrySet())) {
                String parentName = e.getValue().subsetOf().orElse(null);
                if (parentName == null) continue;
                EnumDef parentEnum = enums.get(parentName);
                if (parentEnum == null) fail("enum " + e.getKey() + " is a subset of unknown enum " + parentName);
                for (String v : e.getValue().names()) {
                    if (!parentEnum.contains(v))
                        fail("enum " + e.getKey() + " value " + v + " is not in " + parentName);
                }
                enums.put(e.getKey(), e.getValue().resolvedAgainst(parentEnum));
            }
        }

        private Pattern openForm(String enumName, JsonNode n) {
            if (!n.has("openForm")) return null;
            if (!n.path("open").asBoolean(false)) fail("enum " + enumName + " has an openForm but is not open");
            try {
                return Pattern.compile(n.get("openForm").asText());
            } catch (PatternSyntaxException e) {
                throw new ModelException(serviceName + ": enum " + enumName + ": bad openForm: " + e.getDescription());
            }
        }

        private LiveSource live(String enumName, JsonNode n) {
            JsonNode l = n.get("live");
            if (l == null) return null;
            if (!n.path("open").asBoolean(false)) fail("enum " + enumName + " has a live source but is not open");
            Map<String, String> attrs = new LinkedHashMap<>();
            l.path("attrs")
                    .properties()
                    .forEach(a -> attrs.put(a.getKey(), a.getValue().asText()));
            for (String key : List.of("operation", "items", "value")) {
                if (!l.hasNonNull(key)) fail("enum " + enumName + ": live needs " + key);
            }
            return new LiveSource(
                    l.get("operation").asText(),
                    l.get("items").asText(),
                    l.get("value").asText(),
                    attrs);
        }

        /** A shape by name, reading it (and the shapes it uses) on first request. */
        private Member shape(String name) {
            Member known = shapes.get(name);
            if (known != null) return known;
            JsonNode node = root.path("shapes").get(name);
            if (node == null) fail("unknown shape " + name);
            if (resolving.contains(name)) fail("shape " + name + " refers to itself: " + resolving);
            resolving.add(name);
            Member built = member(name, node, "shape " + name);
            resolving.remove(name);
            shapes.put(name, built);
            return built;
        }

        private Map<String, Member> members(JsonNode node, String where) {
            Map<String, Member> out = new LinkedHashMap<>();
            if (node == null || node.isMissingNode()) return out;
            node.properties()
                    .forEach(e -> out.put(e.getKey(), member(e.getKey(), e.getValue(), where + "." + e.getKey())));
            return out;
        }

        private Member member(String name, JsonNode n, String where) {
            if (n.has("shape")) {
                Member shape = shape(n.get("shape").asText());
                return shape.renamed(
                        name,
                        n.path("required").asBoolean(false),
                        text(n, "doc"),
                        text(n, "docZh"),
                        decisions(n.path("decision")));
            }
            MemberType type;
            try {
                type = MemberType.parse(n.path("type").asText());
            } catch (IllegalArgumentException e) {
                throw new ModelException(serviceName + ": " + where + ": bad type '"
                        + n.path("type").asText() + "'");
            }
            Member.Builder b = new Member.Builder(name, type);
            b.required = n.path("required").asBoolean(false);
            b.doc = n.path("doc").asText("");
            b.docZh = n.path("docZh").asText("");
            b.enumName = text(n, "enum");
            if (b.enumName != null && !enums.containsKey(b.enumName)) fail(where + ": unknown enum " + b.enumName);
            b.format = text(n, "format");
            b.pattern = text(n, "pattern");
            b.min = n.has("min") ? n.get("min").decimalValue() : null;
            b.max = n.has("max") ? n.get("max").decimalValue() : null;
            b.minLength = integer(n, "minLength");
            b.maxLength = integer(n, "maxLength");
            b.maxBytes = integer(n, "maxBytes");
            b.maxDecimals = integer(n, "maxDecimals");
            b.clampMax = n.path("clampMax").asBoolean(false);
            b.defaultValue = n.has("default") ? plain(n.get("default")) : null;
            b.minItems = integer(n, "minItems");
            b.maxItems = integer(n, "maxItems");
            b.sensitive = n.path("sensitive").asBoolean(false);
            b.legacy = n.path("legacy").asBoolean(false);
            List<String> ignored = new ArrayList<>();
            n.path("ignoredFor").forEach(x -> ignored.add(x.asText()));
            b.ignoredFor = ignored;
            b.decisions = new ArrayList<>(decisions(n.path("decision")));
            if (n.has("wireType")) wireType(b, n.get("wireType"), where);
            if (type == MemberType.LIST) {
                if (!n.has("member")) fail(where + ": a list needs a member");
                b.member = member(name, n.get("member"), where + "[]");
            } else if (type == MemberType.STRUCTURE) {
                b.members = members(n.path("members"), where);
            }
            return b.build();
        }

        /**
         * {@code "wireType": {"type": "string", "source": "…"}}: the live service writes this scalar as
         * JSON text. Text is the only wire type that differs from a type in practice, so it is the only
         * one accepted; a source is required, since the document says otherwise.
         */
        private void wireType(Member.Builder b, JsonNode w, String where) {
            String type = w.path("type").asText("");
            if (!type.equals("string")) fail(where + ": wireType.type must be \"string\", got '" + type + "'");
            if (b.type == MemberType.LIST || b.type == MemberType.STRUCTURE || b.type == MemberType.STRING) {
                fail(where + ": wireType is for a boolean or number member, not a " + b.type.label());
            }
            String source = text(w, "source");
            if (source == null || source.isBlank()) fail(where + ": wireType needs a source");
            b.wireType = MemberType.STRING;
            b.wireTypeSource = source;
        }

        private Operation operation(String name, JsonNode n) {
            String where = "operation " + name;
            Map<String, Member> params = members(n.path("params"), where);
            List<Rule> rules = new ArrayList<>();
            for (JsonNode r : n.path("rules")) rules.add(rule(r, where));
            List<Variant> variants = new ArrayList<>();
            for (JsonNode v : n.path("variants")) {
                variants.add(new Variant(
                        v.path("name").asText(),
                        v.path("summary").asText(""),
                        v.path("titleZh").asText(""),
                        v.path("source").asText(""),
                        strings(v.path("params")),
                        strings(v.path("required"))));
            }
            List<Precondition> preconditions = new ArrayList<>();
            for (JsonNode p : n.path("preconditions")) {
                preconditions.add(new Precondition(
                        strings(p.path("state")),
                        p.has("when") ? condition(p.get("when"), where) : null,
                        p.path("text").asText("")));
            }
            Member output = n.has("output")
                    ? member("output", n.get("output"), where + ".output")
                    : new Member.Builder("output", MemberType.STRUCTURE).build();
            return new Operation(
                    name,
                    serviceName,
                    n.path("summary").asText(""),
                    n.path("titleZh").asText(""),
                    n.path("docZh").asText(""),
                    n.path("group").asText(""),
                    n.path("mutating").asBoolean(),
                    n.path("destructive").asBoolean(),
                    n.has("endpoint") ? endpoint(n.get("endpoint")) : null,
                    n.path("edition").asText("1.4.5"),
                    n.path("source").asText(""),
                    params,
                    rules,
                    variants,
                    output,
                    errors(n.path("errors")),
                    preconditions,
                    decisions(n.path("decision")),
                    wireNames(name, n.path("wireNames"), where));
        }

        /** The operation's name is always among its wire names (the DSL and shell name must keep working). */
        private List<String> wireNames(String name, JsonNode n, String where) {
            List<String> names = strings(n);
            if (!names.isEmpty() && !names.contains(name)) fail(where + ": wireNames must include " + name);
            return names;
        }

        private Rule rule(JsonNode r, String where) {
            Rule.Kind kind;
            try {
                kind = Rule.Kind.parse(r.path("rule").asText());
            } catch (IllegalArgumentException e) {
                throw new ModelException(serviceName + ": " + where + ": " + e.getMessage());
            }
            List<String> params = new ArrayList<>();
            if (r.has("param")) params.add(r.get("param").asText());
            params.addAll(strings(r.path("params")));
            if (params.isEmpty()) fail(where + ": rule " + kind.id() + " names no parameter");
            Condition when = r.has("when") ? condition(r.get("when"), where) : null;
            Object value = r.has("value")
                    ? plain(r.get("value"))
                    : r.has("max") ? r.get("max").asText() : null;
            return new Rule(
                    kind,
                    params,
                    text(r, "than"),
                    value,
                    when,
                    text(r, "message"),
                    "warning".equals(r.path("severity").asText()),
                    decisions(r.path("decision")));
        }

        private Condition condition(JsonNode c, String where) {
            String param = c.path("param").asText();
            String attr = text(c, "attr");
            if (c.has("equals"))
                return new Condition(
                        param,
                        attr,
                        Condition.Kind.EQUALS,
                        List.of(c.get("equals").asText()),
                        false);
            if (c.has("notEquals"))
                return new Condition(
                        param,
                        attr,
                        Condition.Kind.NOT_EQUALS,
                        List.of(c.get("notEquals").asText()),
                        false);
            if (c.has("in")) return new Condition(param, attr, Condition.Kind.IN, strings(c.get("in")), false);
            if (c.has("present"))
                return new Condition(
                        param,
                        attr,
                        Condition.Kind.PRESENT,
                        List.of(),
                        c.get("present").asBoolean());
            throw new ModelException(
                    serviceName + ": " + where + ": a condition needs equals, notEquals, in or present");
        }

        private List<ErrorDef> errors(JsonNode node) {
            List<ErrorDef> out = new ArrayList<>();
            for (JsonNode e : node) {
                out.add(new ErrorDef(
                        e.path("code").asText(),
                        e.path("message").asText(),
                        e.path("httpStatus").asInt(),
                        e.path("type").asText("Sender"),
                        e.path("zh").asText(""),
                        text(e, "retry")));
            }
            return out;
        }

        private Map<String, Paginator> paginators(Map<String, Operation> operations) {
            Map<String, Paginator> out = new LinkedHashMap<>();
            if (paginatorsFile == null) return out;
            paginatorsFile.path("pagination").properties().forEach(e -> {
                if (!operations.containsKey(e.getKey())) fail("paginator for unknown operation " + e.getKey());
                JsonNode p = e.getValue();
                out.put(
                        e.getKey(),
                        new Paginator(
                                e.getKey(),
                                text(p, "inputToken"),
                                text(p, "outputToken"),
                                text(p, "limitKey"),
                                text(p, "resultKey"),
                                text(p, "totalKey"),
                                p.has("endToken") ? plain(p.get("endToken")) : null));
            });
            return out;
        }

        private Map<String, Waiter> waiters(Map<String, Operation> operations) {
            Map<String, Waiter> out = new LinkedHashMap<>();
            if (waitersFile == null) return out;
            waitersFile.path("waiters").properties().forEach(e -> {
                JsonNode w = e.getValue();
                String op = w.path("operation").asText();
                if (!operations.containsKey(op)) fail("waiter " + e.getKey() + " polls unknown operation " + op);
                List<Acceptor> acceptors = new ArrayList<>();
                for (JsonNode a : w.path("acceptors")) {
                    acceptors.add(new Acceptor(
                            a.path("matcher").asText(),
                            text(a, "argument"),
                            plain(a.get("expected")),
                            a.path("state").asText()));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> input = w.has("input") ? (Map<String, Object>) plain(w.get("input")) : Map.of();
                out.put(
                        e.getKey(),
                        new Waiter(
                                e.getKey(),
                                w.path("description").asText(""),
                                op,
                                w.path("delay").asInt(5),
                                w.path("maxAttempts").asInt(60),
                                input,
                                acceptors));
            });
            return out;
        }

        private static List<Decision> decisions(JsonNode node) {
            List<Decision> out = new ArrayList<>();
            if (node == null || node.isMissingNode() || node.isNull()) return out;
            for (JsonNode d : node.isArray() ? node : List.of(node)) {
                List<Integer> catalog = new ArrayList<>();
                d.path("catalog").forEach(c -> catalog.add(c.asInt()));
                out.add(new Decision(
                        catalog, d.path("topic").asText(""), d.path("text").asText("")));
            }
            return out;
        }

        private static List<String> strings(JsonNode node) {
            List<String> out = new ArrayList<>();
            if (node.isTextual()) out.add(node.asText());
            else node.forEach(x -> out.add(x.asText()));
            return out;
        }

        private static String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        private static Integer integer(JsonNode n, String field) {
            return n.has(field) ? n.get(field).asInt() : null;
        }

        /** JSON scalars and arrays as plain Java values (String, Long, Double, Boolean, List, Map). */
        static Object plain(JsonNode v) {
            if (v == null || v.isNull()) return null;
            if (v.isTextual()) return v.asText();
            if (v.isBoolean()) return v.asBoolean();
            if (v.isIntegralNumber()) return v.asLong();
            if (v.isNumber()) return v.asDouble();
            if (v.isArray()) {
                List<Object> out = new ArrayList<>();
                v.forEach(x -> out.add(plain(x)));
                return out;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            v.properties().forEach(e -> out.put(e.getKey(), plain(e.getValue())));
            return out;
        }

        private void fail(String message) {
            throw new ModelException(serviceName + ": " + message);
        }
    }
}
