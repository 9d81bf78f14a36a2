package io.kecsh.runtime.sandbox.server;

import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.RequestParameters;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.sandbox.auth.AlibabaSignatureCheck;
import io.kecsh.runtime.sandbox.auth.Caller;
import io.kecsh.runtime.sandbox.auth.KingsoftSignatureCheck;
import io.kecsh.runtime.sandbox.handler.SandboxError;
import io.kecsh.runtime.validate.Problem;
import java.util.List;
import java.util.Set;

/**
 * The wire protocol a request speaks, detected once from what it carries: an {@code ACS3-}
 * Authorization header is Alibaba's V3, a Signature or SignatureMethod parameter Alibaba's classic
 * RPC, anything else Kingsoft's query or form. Each protocol knows where the action and version
 * are, which parameters are its own rather than the action's, how the answer's format is asked
 * for, how its signature is checked, and which envelope and codes its errors take (Kingsoft's and
 * Alibaba's common errors are both in the model).
 */
enum WireProtocol {
    KINGSOFT(Set.of("Action", "Version")) {
        @Override
        Caller authenticate(
                Signatures signatures,
                HttpRequest request,
                List<QueryParam> params,
                Service service,
                Operation operation) {
            if (service.metadata().protocol().alibaba()) throw SandboxError.common(service, "IncompleteSignature", "");
            if (!KingsoftSignatureCheck.applies(request)) {
                throw SandboxError.documented(service, operation, "MissingAuthenticationToken")
                        .withMessage("Request is missing Authentication Token.");
            }
            return signatures.kingsoft().verify(request, service, operation);
        }

        @Override
        boolean isProtocolParameter(String name) {
            return super.isProtocolParameter(name) || name.startsWith("X-Amz-");
        }
    },
    ACS3(AlibabaSignatureCheck.PROTOCOL_PARAMETERS) {
        @Override
        String action(HttpRequest request, List<QueryParam> params) {
            return request.headers().first("x-acs-action").orElse("");
        }

        @Override
        String version(HttpRequest request, List<QueryParam> params) {
            return request.headers().first("x-acs-version").orElse("");
        }

        @Override
        Caller authenticate(
                Signatures signatures,
                HttpRequest request,
                List<QueryParam> params,
                Service service,
                Operation operation) {
            if (!service.metadata().protocol().alibaba())
                return KINGSOFT.authenticate(signatures, request, params, service, operation);
            return signatures.alibaba().verifyAcs3(request, service);
        }
    },
    RPC(AlibabaSignatureCheck.PROTOCOL_PARAMETERS) {
        @Override
        boolean json(HttpRequest request, List<QueryParam> params) {
            return "JSON".equalsIgnoreCase(RequestParameters.first(params, "Format"));
        }

        @Override
        Caller authenticate(
                Signatures signatures,
                HttpRequest request,
                List<QueryParam> params,
                Service service,
                Operation operation) {
            if (!service.metadata().protocol().alibaba())
                return KINGSOFT.authenticate(signatures, request, params, service, operation);
            return signatures.alibaba().verifyRpc(request, params, service);
        }
    };

    /** The two checks a sandbox keeps (each remembers what it must, such as nonces seen). */
    record Signatures(KingsoftSignatureCheck kingsoft, AlibabaSignatureCheck alibaba) {}

    private final Set<String> ownParameters;

    WireProtocol(Set<String> ownParameters) {
        this.ownParameters = ownParameters;
    }

    static WireProtocol of(HttpRequest request, List<QueryParam> params) {
        if (request.headers()
                .first("Authorization")
                .map(a -> a.startsWith("ACS3-"))
                .orElse(false)) return ACS3;
        for (QueryParam p : params) if (p.name().equals("Signature") || p.name().equals("SignatureMethod")) return RPC;
        return KINGSOFT;
    }

    boolean alibaba() {
        return this != KINGSOFT;
    }

    String action(HttpRequest request, List<QueryParam> params) {
        return RequestParameters.first(params, "Action");
    }

    String version(HttpRequest request, List<QueryParam> params) {
        return RequestParameters.first(params, "Version");
    }

    /** JSON when asked for (Accept; RPC's Format parameter), XML otherwise. */
    boolean json(HttpRequest request, List<QueryParam> params) {
        return request.headers().first("Accept").map(a -> a.contains("json")).orElse(false);
    }

    /** A parameter that belongs to the protocol or the signature, not to the action. */
    boolean isProtocolParameter(String name) {
        return ownParameters.contains(name);
    }

    /** Checks the signature the way the called service's endpoint does; the caller it proves. */
    abstract Caller authenticate(
            Signatures signatures, HttpRequest request, List<QueryParam> params, Service service, Operation operation);

    /** The operation whose error envelope answers a request before its own operation is known. */
    Operation envelope(ServiceModel model) {
        return model.requireOperation(alibaba() ? "GetKmsInstance" : "DescribeRegions");
    }

    /** An action no modelled API has: NoSuchEntity on Kingsoft (an 'InnerApi' that does not exist). */
    SandboxError unknownAction(ServiceModel model) {
        Operation envelope = envelope(model);
        Service service = model.serviceOf(envelope);
        return alibaba()
                ? SandboxError.common(service, "InvalidAction.NotFound", "")
                : SandboxError.documented(service, envelope, "NoSuchEntity");
    }

    /** The first validation problem, with the documented code of the protocol it arrived in. */
    SandboxError invalid(Service service, Operation operation, Problem first) {
        if (alibaba()) {
            return SandboxError.common(
                    service,
                    first.kind() == Problem.Kind.MISSING ? "MissingParameter" : "InvalidParameter",
                    "",
                    first.path());
        }
        return SandboxError.documented(service, operation, first.serverCode(), first.path());
    }

    /** A version the service does not have: its own protocol's code, whichever way the request came. */
    static SandboxError wrongVersion(Service service, Operation operation) {
        return service.metadata().protocol().alibaba()
                ? SandboxError.common(service, "InvalidParameter", "", "Version")
                : SandboxError.documented(service, operation, "InvalidParameterValue", "Version");
    }
}
