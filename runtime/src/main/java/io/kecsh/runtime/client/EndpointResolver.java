package io.kecsh.runtime.client;

import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import java.net.URI;
import java.util.Optional;

/**
 * Where a call goes: the model's host for the operation's service and region over HTTPS, or —
 * when an endpoint override is set (the sandbox, a private endpoint) — that one URI for every
 * service. The signing region and service never change with the override, so a request signed
 * for the sandbox is signed exactly as it would be for the cloud.
 */
public final class EndpointResolver {
    private final URI override;

    public EndpointResolver(Optional<URI> override) {
        this.override = override.orElse(null);
    }

    public URI resolve(Service service, Operation operation, String region) {
        if (override != null) return override;
        return URI.create("https://" + service.endpointOf(operation).host(region) + "/");
    }

    /**
     * The region named in the credential scope. Region-less hosts (sks, cloud-market, bss) sign with
     * the service's default region, as the documents' example does (catalog #7).
     */
    public static String signingRegion(Service service, Operation operation, String region) {
        return service.endpointOf(operation).regional()
                ? region
                : service.metadata().defaultRegion();
    }

    public Optional<URI> override() {
        return Optional.ofNullable(override);
    }
}
