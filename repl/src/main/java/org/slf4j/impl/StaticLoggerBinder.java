package org.slf4j.impl;

import org.slf4j.ILoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;
import org.slf4j.spi.LoggerFactoryBinder;

/**
 * Binds SLF4J 1.7 (which HttpClient 5 logs through) to its no-op logger in the kecsh jar. Without a
 * binding SLF4J prints three lines about a missing StaticLoggerBinder to stderr on every start,
 * which would break "errors go to stderr as one line". kecsh's own diagnostics are --debug's wire log.
 */
public final class StaticLoggerBinder implements LoggerFactoryBinder {
    /** Read by SLF4J to check compatibility; the 1.7 line is 1.6.99-compatible. */
    public static String REQUESTED_API_VERSION = "1.6.99";

    private static final StaticLoggerBinder SINGLETON = new StaticLoggerBinder();
    private final ILoggerFactory factory = new NOPLoggerFactory();

    private StaticLoggerBinder() {
    }

    public static StaticLoggerBinder getSingleton() {
        return SINGLETON;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public String getLoggerFactoryClassStr() {
        return NOPLoggerFactory.class.getName();
    }
}
