package io.kecsh.runtime.client;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.auth.acs3.Acs3Signer;
import io.kecsh.runtime.auth.aws4.Aws4Signer;
import io.kecsh.runtime.auth.rpc.RpcSigner;
import io.kecsh.runtime.http.FormEncoding;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays the wire parameters out as each protocol wants them and signs the result — afresh for every
 * attempt, so retried requests carry a current date and a new nonce:
 * <ul>
 *   <li>Kingsoft query protocol, SigV4: GET with everything in the URL (signature in the query by
 *       default, or in the Authorization header), or POST with an x-www-form-urlencoded body and the
 *       Authorization header — never mixed (the documents, L6020); which one an action takes is
 *       {@link KingsoftWireForm}'s decision;</li>
 *   <li>Alibaba RPC: V3 (ACS3) as a POST with the parameters in the query and Action/Version in
 *       x-acs-* headers, or the classic HMAC-SHA1 signature as a GET with everything in the query.</li>
 * </ul>
 */
final class RequestBuilder {
    private static final String FORM = FormEncoding.CONTENT_TYPE + "; charset=utf-8";

    private final ClientConfig config;
    private final EndpointResolver endpoints;
    private final Aws4Signer aws4;
    private final Acs3Signer acs3;
    private final RpcSigner rpc;

    RequestBuilder(ClientConfig config, EndpointResolver endpoints) {
        this.config = config;
        this.endpoints = endpoints;
        this.aws4 = new Aws4Signer(config.clock);
        this.acs3 = new Acs3Signer(config.clock, config.nonces);
        this.rpc = new RpcSigner(config.clock, config.nonces);
    }

    HttpRequest build(
            Service service, Operation operation, List<QueryParam> params, Credentials credentials, String region) {
        URI uri = endpoints.resolve(service, operation, region);
        Headers headers = config.json ? Headers.of("Accept", "application/json") : Headers.empty();
        HttpRequest base = new HttpRequest(
                "GET", uri.getScheme(), uri.getHost(), uri.getPort(), "/", List.of(), headers, new byte[0]);
        if (service.metadata().protocol().alibaba()) return alibaba(service, operation, base, params, credentials);
        String signingRegion = EndpointResolver.signingRegion(service, operation, region);
        String signingName = service.metadata().signingName();
        if (KingsoftWireForm.methodFor(config.kingsoftMethod, operation) == ClientConfig.KingsoftMethod.POST) {
            HttpRequest post = base.withHeader("Content-Type", FORM)
                    .withBody("POST", FormEncoding.encode(params).getBytes(StandardCharsets.UTF_8));
            return aws4.signHeaders(post, credentials, signingRegion, signingName)
                    .signedRequest();
        }
        HttpRequest get = base.withQuery(params);
        return config.getSignatureLocation == ClientConfig.SignatureLocation.QUERY
                ? aws4.signQuery(get, credentials, signingRegion, signingName).signedRequest()
                : aws4.signHeaders(get, credentials, signingRegion, signingName).signedRequest();
    }

    private HttpRequest alibaba(
            Service service, Operation operation, HttpRequest base, List<QueryParam> params, Credentials credentials) {
        if (config.alibabaSignature == ClientConfig.AlibabaSignature.RPC) {
            List<QueryParam> all = new ArrayList<>(params);
            all.add(new QueryParam("Format", config.json ? "JSON" : "XML"));
            return rpc.sign(base.withQuery(all), credentials).signedRequest();
        }
        // V3 names the action and version in headers; the rest stay in the query (RPC style)
        List<QueryParam> rest = params.stream()
                .filter(p -> !p.name().equals("Action") && !p.name().equals("Version"))
                .toList();
        HttpRequest post = base.withQuery(rest).withBody("POST", new byte[0]);
        return acs3.sign(post, credentials, operation.name(), service.apiVersion())
                .signedRequest();
    }
}
