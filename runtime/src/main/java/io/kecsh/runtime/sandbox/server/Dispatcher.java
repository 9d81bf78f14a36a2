package io.kecsh.runtime.sandbox.server;

import io.kecsh.runtime.http.FormEncoding;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.protocol.ResponseWriter;
import io.kecsh.runtime.protocol.ServiceError;
import io.kecsh.runtime.sandbox.handler.ActionHandler;
import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxError;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.auth.AlibabaSignatureCheck;
import io.kecsh.runtime.sandbox.auth.Caller;
import io.kecsh.runtime.sandbox.auth.KingsoftSignatureCheck;
import io.kecsh.runtime.sandbox.auth.SandboxCredentials;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.validate.Problem;
import io.kecsh.runtime.validate.ValidationReport;
import io.kecsh.runtime.validate.Validator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One request's way through the sandbox, as a real endpoint would take it: find the action and
 * service, check the signature, play any planned fault, validate with the same validator the
 * client uses, run the handler under the state's lock, save the state after a change, and answer
 * in the service's envelope — JSON when asked for, XML otherwise.
 */
public final class Dispatcher {
    /** Parameters that belong to the protocol or the signature, not to the action. */
    /** The methods the documents give (GET recommended, POST with a form body); others are answered 405. */
    private static final Set<String> ALLOWED_METHODS = Set.of("GET", "POST");
    private static final Set<String> KINGSOFT_PROTOCOL = Set.of("Action", "Version");
    private static final Set<String> ALIBABA_PROTOCOL = Set.of("Action", "Version", "AccessKeyId", "Signature", "SignatureMethod",
        "SignatureVersion", "SignatureNonce", "SignatureType", "Timestamp", "Format", "SecurityToken", "RegionId");

    private final ServiceModel model;
    private final SandboxState state;
    private final SandboxClock clock;
    private final HandlerRegistry handlers;
    private final FaultPlan faults;
    private final KingsoftSignatureCheck kingsoft;
    private final AlibabaSignatureCheck alibaba;
    private final Validator validator;
    private final ResponseWriter writer;
    private final Consumer<SandboxState> afterChange;

    public Dispatcher(ServiceModel model, SandboxState state, SandboxClock clock, HandlerRegistry handlers, FaultPlan faults,
                      SandboxCredentials credentials, Consumer<SandboxState> afterChange) {
        this(model, state, clock, handlers, faults, credentials, afterChange, LiveCatalogue.NONE);
    }

    /** With the sandbox's own catalogue, so that its validation takes what it sells beyond the model. */
    public Dispatcher(ServiceModel model, SandboxState state, SandboxClock clock, HandlerRegistry handlers, FaultPlan faults,
                      SandboxCredentials credentials, Consumer<SandboxState> afterChange, LiveCatalogue catalogue) {
        this.model = model;
        this.state = state;
        this.clock = clock;
        this.handlers = handlers;
        this.faults = faults;
        this.kingsoft = new KingsoftSignatureCheck(credentials, clock,
            Set.copyOf(model.requireService("kec").requireEnum("Region").names()));
        this.alibaba = new AlibabaSignatureCheck(credentials, clock);
        this.validator = new Validator(model, clock, catalogue);
        this.writer = new ResponseWriter(model);
        this.afterChange = afterChange;
    }

    public HttpResponse handle(HttpRequest request) {
        String requestId = requestId();
        if (!ALLOWED_METHODS.contains(request.method())) return methodNotAllowed(request, requestId);
        List<QueryParam> params;
        try {
            params = parameters(request);
        } catch (MalformedRequest bad) {
            return malformed(bad.part(), request.headers().first("Accept").map(a -> a.contains("json")).orElse(false));
        }
        boolean acs3 = AlibabaSignatureCheck.isAcs3(request);
        boolean rpc = !acs3 && AlibabaSignatureCheck.isRpc(params);
        boolean alibabaStyle = acs3 || rpc;
        boolean json = alibabaStyle && rpc ? "JSON".equalsIgnoreCase(value(params, "Format"))
            : request.headers().first("Accept").map(a -> a.contains("json")).orElse(false);
        String action = acs3 ? request.headers().first("x-acs-action").orElse("") : value(params, "Action");
        String version = acs3 ? request.headers().first("x-acs-version").orElse("") : value(params, "Version");
        Operation operation = action == null ? null : model.findOperation(action).filter(o -> o.answersTo(action)).orElse(null);
        Operation envelope = operation != null ? operation : model.requireOperation(alibabaStyle ? "GetKmsInstance" : "DescribeRegions");
        try {
            if (operation == null) throw unknownAction(alibabaStyle, action);
            Service service = model.serviceOf(operation);
            if (!service.apiVersion().equals(version)) {
                throw invalidParameter(service, operation, "Version");
            }
            Caller caller = authenticate(request, params, service, operation, alibabaStyle, acs3);
            faults.latencyOf(operation.name()).ifPresent(Dispatcher::pause);
            FaultPlan.Fault fault = faults.next(operation.name()).orElse(null);
            if (fault != null && fault.kind() == FaultPlan.Fault.Kind.DROP_BEFORE) throw new DropConnection();
            if (fault != null && fault.kind() == FaultPlan.Fault.Kind.ERROR) throw SandboxError.documented(service, operation, fault.code());
            Map<String, Object> typed = validate(service, operation, params, alibabaStyle);
            String region = caller.region() != null ? caller.region()
                : value(params, "RegionId") != null ? value(params, "RegionId") : service.metadata().defaultRegion();
            if (Boolean.TRUE.equals(typed.get("DryRun"))) {
                throw SandboxError.documented(service, operation, "DryRunOperation");
            }
            ActionHandler handler = handlers.find(operation.name()).orElseThrow(() -> unknownAction(alibabaStyle, action));
            SandboxRequest call = new SandboxRequest(service, operation, typed, region, caller.accessKeyId(), requestId);
            Map<String, Object> result = run(handler, call);
            if (fault != null && fault.kind() == FaultPlan.Fault.Kind.DROP_AFTER) throw new DropConnection();
            byte[] body = writer.success(operation, result, requestId, json);
            return new HttpResponse(200, Headers.of("Content-Type", ResponseWriter.contentType(json)), body);
        } catch (SandboxError e) {
            ServiceError error = new ServiceError(e.status(), e.code(), e.getMessage(), ServiceError.typeFor(e.status()), requestId);
            return new HttpResponse(e.status(), Headers.of("Content-Type", ResponseWriter.contentType(json)),
                writer.error(envelope, error, json));
        }
    }

    /**
     * Runs the handler alone under the state's lock, after the time-driven changes, saving the
     * state after a change before answering. (A shared read lock for describes was measured with
     * bench/sandbox-load and was slower on two cores: readers queued behind every change in
     * convoys; one short exclusive section is cheaper.)
     */
    private Map<String, Object> run(ActionHandler handler, SandboxRequest call) {
        synchronized (state.lock()) {
            handlers.runBeforeEachCall(call, state);
            Map<String, Object> result = handler.handle(call, state);
            if (call.operation().mutating()) afterChange.accept(state);
            return result;
        }
    }

    /**
     * A version-4 UUID from the thread's generator: request ids need to be unique, not
     * unguessable, and UUID.randomUUID() serializes every request on one SecureRandom.
     */
    static String requestId() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    private Caller authenticate(HttpRequest request, List<QueryParam> params, Service service, Operation operation,
                                boolean alibabaStyle, boolean acs3) {
        boolean alibabaService = service.metadata().protocol().equals("acs-rpc");
        if (alibabaService && alibabaStyle) return acs3 ? alibaba.verifyAcs3(request) : alibaba.verifyRpc(request, params);
        if (!alibabaService && KingsoftSignatureCheck.applies(request)) return kingsoft.verify(request, service, operation);
        if (alibabaService) {
            throw new SandboxError("IncompleteSignature", 400, "The request is not signed with ACS3-HMAC-SHA256 or the RPC signature.");
        }
        throw SandboxError.documented(service, operation, "MissingAuthenticationToken")
            .withMessage("Request is missing Authentication Token.");
    }

    /** The same validator as the client's; the first problem is answered with its documented code. */
    private Map<String, Object> validate(Service service, Operation operation, List<QueryParam> params, boolean alibabaStyle) {
        Set<String> protocol = alibabaStyle ? ALIBABA_PROTOCOL : KINGSOFT_PROTOCOL;
        Map<String, Object> input = new LinkedHashMap<>();
        for (QueryParam p : params) {
            if (!protocol.contains(p.name()) && !p.name().startsWith("X-Amz-")) input.put(p.name(), p.value());
        }
        ValidationReport report = validator.validate(operation, input);
        if (report.isValid()) return report.normalized();
        Problem first = report.errors().get(0);
        String param = first.path();
        if (alibabaStyle) {
            String code = first.kind() == Problem.Kind.MISSING ? "MissingParameter" : "InvalidParameter";
            return fail(new SandboxError(code, 400, first.kind() == Problem.Kind.MISSING
                ? "The input parameter " + param + " that is mandatory for processing this request is not supplied."
                : "The specified parameter " + param + " is not valid."));
        }
        return fail(SandboxError.documented(service, operation, first.serverCode(), param));
    }

    private static Map<String, Object> fail(SandboxError e) {
        throw e;
    }

    private SandboxError invalidParameter(Service service, Operation operation, String param) {
        if (service.metadata().protocol().equals("acs-rpc")) {
            return new SandboxError("InvalidParameter", 400, "The specified parameter " + param + " is not valid.");
        }
        return SandboxError.documented(service, operation, "InvalidParameterValue", param);
    }

    /** An action no modelled API has: NoSuchEntity on Kingsoft (an 'InnerApi' that does not exist). */
    private SandboxError unknownAction(boolean alibabaStyle, String action) {
        if (alibabaStyle) {
            return new SandboxError("InvalidAction.NotFound", 404, "Specified api is not found, please check your url and method.");
        }
        Service kec = model.requireService("kec");
        return SandboxError.documented(kec, kec.operation("DescribeRegions").orElseThrow(), "NoSuchEntity");
    }

    /** Query parameters, plus the form body of a POST (Kingsoft's POST carries everything there), read strictly. */
    static List<QueryParam> parameters(HttpRequest request) {
        List<QueryParam> all = new ArrayList<>(request.query());
        String type = request.headers().first("Content-Type").orElse("");
        if (request.body().length > 0 && FormEncoding.isFormContentType(type)) {
            all.addAll(RequestText.pairs(RequestText.utf8(request.body(), "(request body)")));
        }
        return all;
    }

    /**
     * 400 InvalidQueryParameter naming what could not be read (a parameter's name, or the request
     * URI or body), in Kingsoft's envelope: a request that cannot be read cannot say which API it
     * was meant for (the decision is in this package's package-info).
     */
    public HttpResponse malformed(String part, boolean json) {
        Service kec = model.requireService("kec");
        Operation envelope = kec.operation("DescribeRegions").orElseThrow();
        return errorResponse(envelope, SandboxError.documented(kec, envelope, "InvalidQueryParameter", part), requestId(), json, Headers.empty());
    }

    /** 405 with Allow for a method other than GET and POST, with Kingsoft's documented InvalidMethod code. */
    private HttpResponse methodNotAllowed(HttpRequest request, String requestId) {
        Service kec = model.requireService("kec");
        Operation envelope = kec.operation("DescribeRegions").orElseThrow();
        SandboxError documented = SandboxError.documented(kec, envelope, "InvalidMethod", RequestText.shown(request.method()));
        boolean json = request.headers().first("Accept").map(a -> a.contains("json")).orElse(false);
        return errorResponse(envelope, new SandboxError(documented.code(), 405, documented.getMessage()), requestId, json,
            Headers.of("Allow", "GET, POST"));
    }

    private HttpResponse errorResponse(Operation envelope, SandboxError e, String requestId, boolean json, Headers extra) {
        ServiceError error = new ServiceError(e.status(), e.code(), e.getMessage(), ServiceError.typeFor(e.status()), requestId);
        Headers headers = Headers.of("Content-Type", ResponseWriter.contentType(json));
        for (Map.Entry<String, String> h : extra.entries()) headers = headers.with(h.getKey(), h.getValue());
        return new HttpResponse(e.status(), headers, writer.error(envelope, error, json));
    }

    private static String value(List<QueryParam> params, String name) {
        return params.stream().filter(p -> p.name().equals(name)).map(QueryParam::value).findFirst().orElse(null);
    }

    private static void pause(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
