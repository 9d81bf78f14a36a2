package io.kecsh.runtime.client;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.catalog.LiveCatalogues;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.config.Settings;
import io.kecsh.runtime.http.TransportSettings;
import io.kecsh.runtime.http.WireLog;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.overlay.InstalledModel;
import io.kecsh.runtime.retry.RetryPolicy;
import io.kecsh.runtime.retry.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything a {@link CloudClient} is built from. Clock, sleeper and nonces are injectable so
 * tests are exact and instant; every other setting has a production default.
 */
public final class ClientConfig {
    /**
     * How Kingsoft requests travel: {@link #AUTO} (the default) lets {@link KingsoftWireForm} choose per
     * action; GET puts everything in the URL for every call, POST sends every call as a form.
     */
    public enum KingsoftMethod {
        AUTO,
        GET,
        POST
    }

    /** Where the SigV4 signature goes: the query string, or the Authorization header. */
    public enum SignatureLocation {
        QUERY,
        HEADER
    }

    /** Which Alibaba signature: V3 (ACS3-HMAC-SHA256) or the classic RPC HMAC-SHA1. */
    public enum AlibabaSignature {
        ACS3,
        RPC
    }

    final ServiceModel model;
    final Map<Cloud, Credentials> credentials;
    final Map<Cloud, String> regions;
    final URI endpoint;
    final RetryPolicy retryPolicy;
    final TransportSettings transportSettings;
    final Clock clock;
    final Sleeper sleeper;
    final Supplier<String> nonces;
    final Supplier<String> clientTokens;
    final WireLog wireLog;
    final KingsoftMethod kingsoftMethod;
    final SignatureLocation getSignatureLocation;
    final AlibabaSignature alibabaSignature;
    final boolean json;
    final LiveCatalogues catalogues;
    final Consumer<String> warnings;

    private ClientConfig(Builder b) {
        this.model = b.model;
        this.credentials = Map.copyOf(b.credentials);
        this.regions = Map.copyOf(b.regions);
        this.endpoint = b.endpoint;
        this.retryPolicy = b.retryPolicy;
        this.transportSettings = b.transportSettings;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.nonces = b.nonces;
        this.clientTokens = b.clientTokens;
        this.wireLog = b.wireLog;
        this.kingsoftMethod = b.kingsoftMethod;
        this.getSignatureLocation = b.getSignatureLocation;
        this.alibabaSignature = b.alibabaSignature;
        this.json = b.json;
        this.catalogues = b.catalogues;
        this.warnings = b.warnings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same settings with another retry policy (a script's {@code retry attempts: 3}). */
    public ClientConfig withRetryPolicy(RetryPolicy policy) {
        return new ClientConfig(this, policy);
    }

    private ClientConfig(ClientConfig c, RetryPolicy policy) {
        this.model = c.model;
        this.credentials = c.credentials;
        this.regions = c.regions;
        this.endpoint = c.endpoint;
        this.retryPolicy = Objects.requireNonNull(policy, "policy");
        this.transportSettings = c.transportSettings;
        this.clock = c.clock;
        this.sleeper = c.sleeper;
        this.nonces = c.nonces;
        this.clientTokens = c.clientTokens;
        this.wireLog = c.wireLog;
        this.kingsoftMethod = c.kingsoftMethod;
        this.getSignatureLocation = c.getSignatureLocation;
        this.alibabaSignature = c.alibabaSignature;
        this.json = c.json;
        this.catalogues = c.catalogues;
        this.warnings = c.warnings;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    public Optional<Credentials> credentials(Cloud cloud) {
        return Optional.ofNullable(credentials.get(cloud));
    }

    /** Builds a config; {@link #settings(Settings)} fills in what a profile or the environment says. */
    public static final class Builder {
        /** The built-in model plus the user's overlays (~/.kecsh/models), unless a caller gives one. */
        private ServiceModel model = InstalledModel.get();

        private final Map<Cloud, Credentials> credentials = new EnumMap<>(Cloud.class);
        private final Map<Cloud, String> regions = new EnumMap<>(Cloud.class);
        private URI endpoint;
        private RetryPolicy retryPolicy = RetryPolicy.standard();
        private TransportSettings transportSettings = TransportSettings.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.REAL;
        private Supplier<String> nonces = () -> UUID.randomUUID().toString();
        private Supplier<String> clientTokens = () -> UUID.randomUUID().toString();
        private WireLog wireLog = WireLog.off();
        private KingsoftMethod kingsoftMethod = KingsoftMethod.AUTO;
        private SignatureLocation getSignatureLocation = SignatureLocation.QUERY;
        private AlibabaSignature alibabaSignature = AlibabaSignature.ACS3;
        private boolean json = true;
        private LiveCatalogues catalogues;
        private Consumer<String> warnings = w -> {};

        public Builder model(ServiceModel m) {
            this.model = m;
            return this;
        }

        public Builder credentials(Cloud cloud, Credentials c) {
            credentials.put(cloud, c);
            return this;
        }

        public Builder region(Cloud cloud, String region) {
            regions.put(cloud, region);
            return this;
        }
        /** One endpoint for every service: the sandbox, or a private endpoint. */
        public Builder endpoint(URI uri) {
            this.endpoint = uri;
            return this;
        }

        public Builder retryPolicy(RetryPolicy p) {
            this.retryPolicy = p;
            return this;
        }

        public Builder transportSettings(TransportSettings t) {
            this.transportSettings = t;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public Builder sleeper(Sleeper s) {
            this.sleeper = s;
            return this;
        }
        /** Signature nonces (ACS3, RPC): must differ on every request, retries included. */
        public Builder nonces(Supplier<String> n) {
            this.nonces = n;
            return this;
        }
        /** ClientToken values for operations that take one: one per call, reused on its retries. */
        public Builder clientTokens(Supplier<String> t) {
            this.clientTokens = t;
            return this;
        }
        /** The redacted wire log ({@code --debug}); lines go to the consumer. */
        public Builder wireLog(Consumer<String> sink) {
            this.wireLog = new WireLog(sink);
            return this;
        }

        public Builder kingsoftMethod(KingsoftMethod m) {
            this.kingsoftMethod = m;
            return this;
        }
        /** Where a Kingsoft GET carries its signature (POST always uses the Authorization header). */
        public Builder getSignatureLocation(SignatureLocation l) {
            this.getSignatureLocation = l;
            return this;
        }

        public Builder alibabaSignature(AlibabaSignature s) {
            this.alibabaSignature = s;
            return this;
        }
        /** Ask for JSON (Accept: application/json, the default) or take the XML the APIs answer otherwise. */
        public Builder json(boolean j) {
            this.json = j;
            return this;
        }
        /** Live catalogues for validation (read through the client built from this config, in the background). */
        public Builder catalogues(LiveCatalogues c) {
            this.catalogues = c;
            return this;
        }
        /** Where a call's validation warnings go (an unknown open-enum value, a value the server ignores); the call still goes out. */
        public Builder warnings(Consumer<String> sink) {
            this.warnings = sink;
            return this;
        }

        /** Credentials, regions and endpoint from resolved settings; explicit calls made later win. */
        public Builder settings(Settings settings) {
            for (Cloud cloud : Cloud.values()) {
                settings.credentials(cloud).ifPresent(c -> credentials.put(cloud, c.credentials()));
                settings.region(cloud).ifPresent(r -> regions.put(cloud, r));
            }
            settings.endpoint().ifPresent(e -> endpoint = e);
            return this;
        }

        public ClientConfig build() {
            return new ClientConfig(this);
        }
    }
}
