package io.kecsh.runtime.client;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.catalog.CatalogueReader;
import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.catalog.LiveCatalogues;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.error.TransportException;
import io.kecsh.runtime.http.ApacheTransport;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.http.Transport;
import io.kecsh.runtime.invoke.Invoker;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.model.Waiter;
import io.kecsh.runtime.paginate.Pages;
import io.kecsh.runtime.protocol.RequestSerializer;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.protocol.ResponseParser;
import io.kecsh.runtime.protocol.ServiceError;
import io.kecsh.runtime.retry.RetryDecision;
import io.kecsh.runtime.retry.RetryPolicy;
import io.kecsh.runtime.text.Suggestions;
import io.kecsh.runtime.validate.OpenValueRule;
import io.kecsh.runtime.validate.Problem;
import io.kecsh.runtime.validate.RegionNames;
import io.kecsh.runtime.validate.ValidationReport;
import io.kecsh.runtime.validate.Validator;
import io.kecsh.runtime.waiter.WaitOptions;
import io.kecsh.runtime.waiter.WaiterRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls any modelled action: validates against the model (nothing is sent when that fails),
 * serializes, signs, sends through one pooled transport, retries what is safe to retry, and
 * parses the answer into a typed {@link Response}. Safe to share between threads.
 */
public final class CloudClient implements Invoker, AutoCloseable {
    /** How long naming an unknown region may wait for the live region list. */
    static final Duration REGION_LIST_WAIT = Duration.ofSeconds(10);

    private final ClientConfig config;
    private final ServiceModel model;
    private final Validator validator;
    private final RequestSerializer serializer = new RequestSerializer();
    private final RequestBuilder requests;
    private final ResponseParser parser;
    private final Transport transport;
    private final EndpointResolver endpoints;
    /** Views made by {@link #inRegion} share the transport; only the client that made it closes it. */
    private final boolean ownsTransport;

    private final String kingsoftRegion;
    /** Shared with region views: the spelling an endpoint answers to does not depend on the view. */
    private final ActionSpellings spellings;

    public CloudClient(ClientConfig config) {
        this(config, new ApacheTransport(config.transportSettings));
    }

    /** With another transport (tests keep the real one but may wrap it). */
    public CloudClient(ClientConfig config, Transport transport) {
        this(config, transport, true, null, new ActionSpellings());
    }

    private CloudClient(
            ClientConfig config,
            Transport transport,
            boolean ownsTransport,
            String kingsoftRegion,
            ActionSpellings spellings) {
        this.ownsTransport = ownsTransport;
        this.spellings = spellings;
        this.kingsoftRegion = kingsoftRegion;
        this.config = config;
        this.model = config.model;
        this.validator = new Validator(model, config.clock, catalogue());
        this.parser = new ResponseParser(model);
        this.transport = transport;
        this.endpoints = new EndpointResolver(config.endpoint());
        this.requests = new RequestBuilder(config, endpoints);
        if (ownsTransport && config.catalogues != null) {
            CatalogueReader reader = new CatalogueReader(model, config.clock);
            config.catalogues.readWith(r -> reader.read(inRegion(r)));
        }
    }

    /** The live catalogue of this client's Kingsoft region, as far as it is known now (never waits). */
    public LiveCatalogue catalogue() {
        return config.catalogues == null ? LiveCatalogue.NONE : config.catalogues.region(region(Cloud.KINGSOFT));
    }

    /** The catalogues this client reads, when it was given them (completion and {@code :help} show them). */
    public Optional<LiveCatalogues> catalogues() {
        return Optional.ofNullable(config.catalogues);
    }

    public ServiceModel model() {
        return model;
    }

    /**
     * The same client for another Kingsoft region (a script's {@code region 'cn-shanghai-2'}): shares
     * the connection pool, credentials and settings; closing the view leaves the pool open.
     */
    public CloudClient inRegion(String region) {
        return new CloudClient(config, transport, false, region, spellings);
    }

    /**
     * Whether a Kingsoft region a user names can be used ({@link RegionNames}). When no source knows
     * it and the live region list is not at hand yet, the list is read first (one catalogue read, at
     * most {@link #REGION_LIST_WAIT}), so that a misspelt region is refused before any call is made in
     * it; offline, the name stays unknown and the service decides.
     */
    public OpenValueRule.Verdict judgeRegion(String region) {
        OpenValueRule.Verdict verdict = RegionNames.judge(model, catalogue(), region);
        if (verdict != OpenValueRule.Verdict.UNKNOWN || !readRegionList()) return verdict;
        return RegionNames.judge(model, catalogue(), region);
    }

    /** Reads the live region list now (at most {@link #REGION_LIST_WAIT}); false offline, slow or without catalogues. */
    private boolean readRegionList() {
        if (config.catalogues == null) return false;
        try {
            config.catalogues.refresh(region(Cloud.KINGSOFT)).get(REGION_LIST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException unreadable) {
            return false; // offline or slow: the name stays unknown
        }
    }

    /**
     * A value of a Region parameter (QueryImageList's Region, CopyImage's DestinationRegion) that no
     * source knows is judged as {@link #judgeRegion} judges {@code region '…'}: with the live region
     * list read first, a misspelt one is an error with a did-you-mean, never sent. (The validator
     * alone only warns: the region list is the kec catalogue's, which another service's Region
     * enumeration does not see.)
     */
    private ValidationReport judgeRegionValues(Operation operation, ValidationReport report) {
        Service service = model.serviceOf(operation);
        List<Problem> judged = new ArrayList<>();
        boolean refused = false;
        for (Problem p : report.problems()) {
            String name = p.path().split("[.\\[]", 2)[0];
            boolean region = p.warning()
                    && operation
                            .param(name)
                            .map(m -> m.member() != null ? m.member() : m)
                            .flatMap(m -> m.enumName())
                            .flatMap(service::enumDef)
                            .map(e -> e.subsetOf().orElse(e.name()))
                            .filter("Region"::equals)
                            .isPresent();
            Object given = report.normalized().get(name);
            List<?> values = given instanceof List<?> l ? l : given == null ? List.of() : List.of(given);
            String wrong = !region
                    ? null
                    : values.stream()
                            .map(String::valueOf)
                            .filter(v -> judgeRegion(v) == OpenValueRule.Verdict.WRONG)
                            .findFirst()
                            .orElse(null);
            if (wrong == null) {
                judged.add(p);
            } else {
                refused = true;
                judged.add(new Problem(
                        p.kind(),
                        false,
                        p.path(),
                        p.given(),
                        p.path() + ": " + RegionNames.refusal(wrong, RegionNames.known(model, catalogue())),
                        p.allowed(),
                        p.suggestions()));
            }
        }
        return refused
                ? new ValidationReport(report.operation(), judged, report.normalized(), report.variant())
                : report;
    }

    /**
     * The same client (pool, credentials, region) with another retry policy: how many attempts and how
     * long a pause at most. What may be retried at all stays {@link RetryDecision}'s, so no policy makes
     * a mutation without a ClientToken repeat after it may have taken effect.
     */
    public CloudClient withRetryPolicy(RetryPolicy policy) {
        return new CloudClient(config.withRetryPolicy(policy), transport, false, kingsoftRegion, spellings);
    }

    /** How hard this client tries (attempts, total time, backoff). */
    public RetryPolicy retryPolicy() {
        return config.retryPolicy;
    }

    /**
     * This client for a Kingsoft region a user names (a script's {@code region '…'}): refused in one
     * line when known to be wrong, a warning when no source knows it.
     */
    public CloudClient switchTo(String region) {
        switch (judgeRegion(region)) {
            case WRONG ->
                throw new IllegalArgumentException(RegionNames.refusal(region, RegionNames.known(model, catalogue())));
            case UNKNOWN -> config.warnings.accept(RegionNames.warning(region, RegionNames.known(model, catalogue())));
            case LISTED -> {}
        }
        return inRegion(region);
    }

    /** The region calls to this cloud go to: the configured one, else the model's default. */
    public String region(Cloud cloud) {
        if (cloud == Cloud.KINGSOFT && kingsoftRegion != null) return kingsoftRegion;
        String configured = config.regions.get(cloud);
        if (configured != null) return configured;
        return cloud.defaultRegion(model);
    }

    /** The region a call of this service goes to: Alibaba's for kms and bss, Kingsoft's for the rest. */
    public String region(Service service) {
        return region(cloudOf(service));
    }

    /** Checks a request without sending it. */
    public ValidationReport validate(String action, Map<String, ?> params) {
        return validator.validate(model.requireOperation(action), params);
    }

    @Override
    public Map<String, Object> invoke(String action, Map<String, ?> params) {
        return call(action, params);
    }

    public Response call(String action, Map<String, ?> params) {
        return call(model.requireOperation(action), params);
    }

    public Response call(String service, String action, Map<String, ?> params) {
        return call(model.requireOperation(service, action), params);
    }

    public Response call(Operation operation, Map<String, ?> params) {
        Service service = model.serviceOf(operation);
        Cloud cloud = cloudOf(service);
        String region = region(cloud);
        ValidationReport report = validator.validate(operation, params);
        if (report.isValid() && !report.warnings().isEmpty()) report = judgeRegionValues(operation, report);
        report.orThrow();
        report.warnings().forEach(w -> config.warnings.accept(w.toString()));
        Map<String, Object> typed = new LinkedHashMap<>(report.normalized());
        // a ClientToken makes retries safe: fill one in once and reuse it on every attempt
        if (operation.params().containsKey("ClientToken") && !typed.containsKey("ClientToken")) {
            typed.put("ClientToken", config.clientTokens.get());
        }
        RequestSerializer.Serialized wire = serializer.serialize(service, operation, typed);
        Credentials credentials = config.credentials(cloud)
                .orElseThrow(
                        () -> new IllegalStateException(
                                "no " + cloud.name().toLowerCase(Locale.ROOT) + " credentials configured for "
                                        + operation.name()
                                        + "; set them in the environment or ~/.kecsh/config (see docs/configuration.md), or use the sandbox"));
        Instant first = config.clock.instant();
        String endpoint = endpoints.resolve(service, operation, region).getAuthority();
        for (int attempt = 1; ; attempt++) {
            String action = spellings.current(endpoint, operation);
            HttpRequest request = requests.build(
                    service, operation, ActionSpellings.withAction(wire.params(), action), credentials, region);
            config.wireLog.request(request, wire.sensitiveNames());
            Instant sent = config.clock.instant();
            HttpResponse http;
            try {
                http = transport.execute(request);
            } catch (TransportException e) {
                if (mayRetry(attempt, first)
                        && RetryDecision.afterTransportFailure(operation, e.mayHaveBeenProcessed())) {
                    pause(attempt, operation, e.getMessage());
                    continue;
                }
                throw e.about(operation.name(), operation.mutating() && !RetryDecision.idempotent(operation), attempt);
            }
            ResponseParser.Answer answer;
            try {
                answer = parser.read(operation, http);
            } catch (RuntimeException unreadable) {
                config.wireLog.response(request, http, Duration.between(sent, config.clock.instant()), null);
                throw unreadable;
            }
            config.wireLog.response(
                    request,
                    http,
                    Duration.between(sent, config.clock.instant()),
                    answer.failure().map(ServiceError::requestId).orElse(null));
            if (answer.error() == null) return answer.response();
            ServiceError e = answer.error();
            if (spellings.fallBack(endpoint, operation, action, e)) {
                // the other spelling is no retry: the first was refused as unknown, nothing was processed
                config.wireLog.note(endpoint + " does not answer " + action + "; sending "
                        + spellings.current(endpoint, operation));
                attempt--;
                continue;
            }
            if (e.code().equals("DryRunOperation") && e.httpStatus() == 412) {
                return Response.dryRun(operation.name(), e.requestId());
            }
            if (mayRetry(attempt, first)
                    && RetryDecision.afterServiceError(service, operation, e.code(), e.httpStatus(), e.message())) {
                pause(attempt, operation, e.code());
                continue;
            }
            boolean mayHaveTakenEffect = operation.mutating()
                    && RetryDecision.mayHaveBeenProcessed(service, operation, e.code(), e.httpStatus(), e.message());
            throw new ServiceException(
                    operation.name(),
                    region,
                    e.code(),
                    e.message(),
                    e.httpStatus(),
                    e.requestId(),
                    e.type(),
                    mayHaveTakenEffect);
        }
    }

    /** Every page of a list action, lazily. */
    public Pages pages(String action, Map<String, ?> params) {
        Operation op = model.requireOperation(action);
        var paginator = model.serviceOf(op)
                .paginator(op.name())
                .orElseThrow(() -> new IllegalArgumentException(op.name() + " does not page; call it directly"));
        return new Pages(this, op, paginator, params);
    }

    /** Polls until the named waiter succeeds; throws WaiterException on failure or timeout. */
    public Map<String, Object> waitFor(String waiterName, Map<String, ?> params, WaitOptions options) {
        return new WaiterRunner(this, model, config.clock, config.sleeper).await(waiter(waiterName), params, options);
    }

    public Waiter waiter(String name) {
        for (Service s : model.services()) {
            var w = s.waiter(name);
            if (w.isPresent()) return w.get();
        }
        List<String> all = model.services().stream()
                .flatMap(s -> s.waiters().keySet().stream())
                .toList();
        throw new IllegalArgumentException("unknown waiter '" + name + "'" + Suggestions.didYouMean(name, all)
                + "; waiters: " + String.join(", ", all));
    }

    static Cloud cloudOf(Service service) {
        return service.metadata().protocol().alibaba() ? Cloud.ALIBABA : Cloud.KINGSOFT;
    }

    /** Whether another attempt fits in the policy: attempts left, and its pause within the total time. */
    private boolean mayRetry(int attempt, Instant first) {
        if (attempt >= config.retryPolicy.maxAttempts()) return false;
        Duration spent = Duration.between(first, config.clock.instant());
        return spent.compareTo(config.retryPolicy.maxTotalTime()) < 0;
    }

    private void pause(int attempt, Operation operation, String why) {
        Duration delay = config.retryPolicy.backoff().delay(attempt);
        config.wireLog.note("retrying " + operation.name() + " in " + delay.toMillis() + " ms after " + why);
        try {
            config.sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(operation.name() + ": interrupted while waiting to retry", false, e);
        }
    }

    @Override
    public void close() {
        if (ownsTransport) {
            transport.close();
            if (config.catalogues != null) config.catalogues.close();
        }
    }
}
