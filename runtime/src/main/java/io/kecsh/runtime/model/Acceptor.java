package io.kecsh.runtime.model;

/**
 * One waiter rule: when {@code matcher} (path, pathAll, pathAny, status, error) finds
 * {@code expected} at {@code argument}, the waiter moves to {@code state} (success, failure, retry).
 */
public record Acceptor(String matcher, String argument, Object expected, String state) {}
