package io.kecsh.runtime.http;

/** One decoded name=value pair of a query string or form body, in wire order. */
public record QueryParam(String name, String value) {}
