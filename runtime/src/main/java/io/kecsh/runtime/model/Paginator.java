package io.kecsh.runtime.model;

import java.util.Optional;

/**
 * How a list action pages: the input token to send, the output token to read back, the page-size
 * parameter, the list to collect, and the token value that means "no more pages".
 */
public record Paginator(
        String operation,
        String inputToken,
        String outputToken,
        String limitKey,
        String resultKey,
        String totalKey,
        Object endToken) {

    public Optional<Object> endTokenValue() {
        return Optional.ofNullable(endToken);
    }
}
