package io.kecsh.runtime.sandbox.server;

import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.http.MalformedText;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.RequestParameters;
import io.kecsh.runtime.http.StrictFormText;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.protocol.ResponseWriter;
import io.kecsh.runtime.protocol.ServiceError;
import io.kecsh.runtime.sandbox.auth.AlibabaSignatureCheck;
import io.kecsh.runtime.sandbox.auth.Caller;
import io.kecsh.runtime.sandbox.auth.KingsoftSignatureCheck;
import io.kecsh.runtime.sandbox.auth.SandboxCredentials;
import io.kecsh.runtime.sandbox.handler.ActionHandler;
import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxError;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.sandbox.state.StateSaves;
import io.kecsh.runtime.validate.ValidationReport;
import io.kecsh.runtime.validate.Validator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One request's way through the sandbox, as a real endpoint would take it: find the action and
 * service, check the signature, play any planned fault, validate with the same validator the
 * client uses, run the handler under the state's lock, save the state after a change, and answer
 * in the service's envelope — JSON when asked for, XML otherwise.
 */
public final class Dispatcher {
    /** The methods the documents give (GET recommended, POST with a form body); others are answered 405. */
    private static final Set<String> ALLOWED_METHODS = Set.of("GET", "POST");

    private final ServiceModel model;
    private final SandboxState state;
    private final SandboxClock clock;
    private final HandlerRegistry handlers;
    private final FaultPlan faults;
    private final WireProtocol.Signatures signatures;
    private final Validator validator;
    private final ResponseWriter writer;
    private final StateSaves saves;

    public Dispatcher(
            ServiceModel model,
            SandboxState state,
            SandboxClock clock,
            HandlerRegistry handlers,
            FaultPlan faults,
            SandboxCredentials credentials,
            StateSaves saves) {
        this(model, state, clock, handlers, faults, credentials, saves, LiveCatalogue.NONE);
    }

    /** With the sandbox's own catalogue, so that its validation takes what it sells beyond the model. */
    public Dispatcher(
            ServiceModel model,
            SandboxState state,
            SandboxClock clock,
            HandlerRegistry handlers,
            FaultPlan faults,
            SandboxCredentials credentials,
            StateSaves saves,
            LiveCatalogue catalogue) {
        this.model = model;
        this.state = state;
        this.clock = clock;
        this.handlers = handlers;
        this.faults = faults;
        this.signatures = new WireProtocol.Signatures(
                new KingsoftSignatureCheck(
                        credentials,
                        clock,
                        Set.copyOf(model.requireService("kec")
                                .requireEnum("Region")
                                .names())),
                new AlibabaSignatureCheck(credentials, clock));
        this.validator = new Validator(model, clock, catalogue);
        this.writer = new ResponseWriter(model);
        this.saves = saves;
    }

    public HttpResponse handle(HttpRequest request) {
        String requestId = requestId();
        if (!ALLOWED_METHODS.contains(request.method())) return methodNotAllowed(request, requestId);
        List<QueryParam> params;
        try {
            params = RequestParameters.of(request);
        } catch (MalformedText bad) {
            return malformed(
                    bad.part(),
                    request.headers()
                            .first("Accept")
                            .map(a -> a.contains("json"))
                            .orElse(false));
        }
        WireProtocol protocol = WireProtocol.of(request, params);
        boolean json = protocol.json(request, params);
        String action = protocol.action(request, params);
        String version = protocol.version(request, params);
        Operation operation = action == null
                ? null
                : model.findOperation(action).filter(o -> o.answersTo(action)).orElse(null);
        Operation envelope = operation != null ? operation : protocol.envelope(model);
        try {
            if (operation == null) throw protocol.unknownAction(model);
            Service service = model.serviceOf(operation);
            if (!service.apiVersion().equals(version)) throw WireProtocol.wrongVersion(service, operation);
            Caller caller = protocol.authenticate(signatures, request, params, service, operation);
            faults.latencyOf(operation.name()).ifPresent(Dispatcher::pause);
            FaultPlan.Fault fault = faults.next(operation.name()).orElse(null);
            if (fault != null && fault.kind() == FaultPlan.Fault.Kind.DROP_BEFORE) throw new DropConnection();
            if (fault != null && fault.kind() == FaultPlan.Fault.Kind.ERROR)
                throw SandboxError.documented(service, operation, fault.code());
            Map<String, Object> typed = validate(operation, params, protocol, service);
            String regionId = RequestParameters.first(params, "RegionId");
            String region = caller.region() != null
                    ? caller.region()
                    : regionId != null ? regionId : service.metadata().defaultRegion();
            if (Boolean.TRUE.equals(typed.get("DryRun"))) {
                throw SandboxError.documented(service, operation, "DryRunOperation");
            }
            ActionHandler handler = handlers.find(operation.name()).orElseThrow(() -> protocol.unknownAction(model));
            SandboxRequest call =
                    new SandboxRequest(service, operation, typed, region, caller.accessKeyId(), requestId);
            Map<String, Object> result = run(handler, call);
            if (fault != null && fault.kind() == FaultPlan.Fault.Kind.DROP_AFTER) throw new DropConnection();
            byte[] body = writer.success(operation, result, requestId, json);
            // the writer's array is this answer's alone: kept, not copied (a page is 58 KB)
            return HttpResponse.adopting(200, Headers.of("Content-Type", ResponseWriter.contentType(json)), body);
        } catch (SandboxError e) {
            ServiceError error =
                    new ServiceError(e.status(), e.code(), e.getMessage(), ServiceError.typeFor(e.status()), requestId);
            return new HttpResponse(
                    e.status(),
                    Headers.of("Content-Type", ResponseWriter.contentType(json)),
                    writer.error(envelope, error, json));
        }
    }

    /**
     * Runs the handler alone under the state's lock, after the time-driven changes, saving the
     * state after a change before answering: committed under the lock, waited for outside it, so
     * that concurrent changes share one disk flush. (A shared read lock for describes was measured
     * with bench/sandbox-load and was slower on two cores: readers queued behind every change in
     * convoys; one short exclusive section is cheaper.)
     */
    private Map<String, Object> run(ActionHandler handler, SandboxRequest call) {
        Map<String, Object> result;
        StateSaves.Durable durable = StateSaves.Durable.NOW;
        synchronized (state.lock()) {
            // an action that does not record its changes may change anything: the next save is whole
            if (!handlers.recordsChanges(call.operation().name()))
                state.changes().unrecorded(call.operation().mutating());
            handlers.runBeforeEachCall(call, state);
            result = handler.handle(call, state);
            if (call.operation().mutating()) durable = saves.commit(state);
        }
        durable.await();
        return result;
    }

    /**
     * A version-4 UUID from the thread's generator: request ids need to be unique, not
     * unguessable, and UUID.randomUUID() serializes every request on one SecureRandom.
     */
    static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    /** The same validator as the client's; the first problem is answered with its protocol's documented code. */
    private Map<String, Object> validate(
            Operation operation, List<QueryParam> params, WireProtocol protocol, Service service) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (QueryParam p : params) {
            if (!protocol.isProtocolParameter(p.name())) input.put(p.name(), p.value());
        }
        ValidationReport report = validator.validate(operation, input);
        if (report.isValid()) return report.normalized();
        throw protocol.invalid(service, operation, report.errors().get(0));
    }

    /**
     * 400 InvalidQueryParameter naming what could not be read (a parameter's name, or the request
     * URI or body), in Kingsoft's envelope: a request that cannot be read cannot say which API it
     * was meant for (the decision is in this package's package-info).
     */
    public HttpResponse malformed(String part, boolean json) {
        Service kec = model.requireService("kec");
        Operation envelope = kec.operation("DescribeRegions").orElseThrow();
        return errorResponse(
                envelope,
                SandboxError.documented(kec, envelope, "InvalidQueryParameter", part),
                requestId(),
                json,
                Headers.empty());
    }

    /** 405 with Allow for a method other than GET and POST, with Kingsoft's documented InvalidMethod code. */
    private HttpResponse methodNotAllowed(HttpRequest request, String requestId) {
        Service kec = model.requireService("kec");
        Operation envelope = kec.operation("DescribeRegions").orElseThrow();
        SandboxError documented =
                SandboxError.documented(kec, envelope, "InvalidMethod", StrictFormText.shown(request.method()));
        boolean json =
                request.headers().first("Accept").map(a -> a.contains("json")).orElse(false);
        return errorResponse(
                envelope,
                new SandboxError(documented.code(), 405, documented.getMessage()),
                requestId,
                json,
                Headers.of("Allow", "GET, POST"));
    }

    private HttpResponse errorResponse(
            Operation envelope, SandboxError e, String requestId, boolean json, Headers extra) {
        ServiceError error =
                new ServiceError(e.status(), e.code(), e.getMessage(), ServiceError.typeFor(e.status()), requestId);
        Headers headers = Headers.of("Content-Type", ResponseWriter.contentType(json));
        for (Map.Entry<String, String> h : extra.entries()) headers = headers.with(h.getKey(), h.getValue());
        return new HttpResponse(e.status(), headers, writer.error(envelope, error, json));
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
