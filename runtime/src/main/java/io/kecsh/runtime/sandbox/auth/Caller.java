package io.kecsh.runtime.sandbox.auth;

/** Who signed a request that verified, and for which region (null where the scheme names none). */
public record Caller(String accessKeyId, String region) {}
