package io.kecsh.repl.cli;

import io.kecsh.dsl.error.RefusedException;
import io.kecsh.runtime.config.ConfigException;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.error.TransportException;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.validate.ValidationException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;

/**
 * The exit codes of {@code kecsh}, the contract a CI job relies on (documented in the README).
 * {@link #of(Throwable)} reads a failure's cause chain, so a script's error — which the DSL wraps
 * in a {@code KecshScriptException} naming the line — still tells which kind of failure it was.
 */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** The script failed in a way none of the codes below names (a Groovy error, a failed assertion…). */
    public static final int SCRIPT_ERROR = 1;
    /** Bad arguments, or a configuration ({@code ~/.kecsh/config}, environment) kecsh cannot start with. */
    public static final int USAGE = 2;
    /** Rejected before anything was sent: parameters the model refuses, the compile-time checks, a script that does not compile. */
    public static final int VALIDATION = 3;
    /** The cloud answered with an error. */
    public static final int SERVICE = 4;
    /** The cloud could not be reached (no answer, connection refused, time-out). */
    public static final int TRANSPORT = 5;
    /** A safety policy stopped a destructive call (protect, refuseDestructive, not confirmed); nothing was sent. */
    public static final int REFUSED = 6;
    /** Interrupted (Ctrl-C, SIGINT): 128 + 2, as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}

    /**
     * The code for a failure: the first cause in the chain that kecsh knows decides. A service error
     * inside a batch is still a service error; a validation failure wrapped by the script runner is
     * still a validation failure.
     */
    public static int of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            int code = direct(t);
            if (code != SCRIPT_ERROR) return code;
        }
        return SCRIPT_ERROR;
    }

    private static int direct(Throwable t) {
        if (t instanceof InterruptedException
                || t instanceof ClosedByInterruptException
                || t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)) {
            return INTERRUPTED;
        }
        if (t instanceof RefusedException) return REFUSED;
        if (t instanceof ValidationException
                || t instanceof ServiceModel.UnknownNameException
                || t instanceof MultipleCompilationErrorsException) {
            return VALIDATION;
        }
        if (t instanceof ServiceException) return SERVICE;
        if (t instanceof TransportException) return TRANSPORT;
        if (t instanceof ConfigException) return USAGE;
        return SCRIPT_ERROR;
    }
}
