package io.kecsh.runtime.http;

import io.kecsh.runtime.error.TransportException;

/**
 * The one seam between the client and the network: send a request, get the response. Apache
 * HttpClient 5 in production ({@link ApacheTransport}); tests use it unchanged against loopback.
 */
public interface Transport extends AutoCloseable {

    /** Sends the request; any HTTP status is a response, only a missing answer is an exception. */
    HttpResponse execute(HttpRequest request) throws TransportException;

    @Override
    void close();
}
