package io.kecsh.runtime.model;

/** Where a service (or one operation) lives: a host pattern, with {region} when regional. */
public record Endpoint(String hostPattern, boolean regional) {

    public String host(String region) {
        return regional ? hostPattern.replace("{region}", region) : hostPattern;
    }
}
