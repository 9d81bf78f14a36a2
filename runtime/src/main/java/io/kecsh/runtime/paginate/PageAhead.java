package io.kecsh.runtime.paginate;

import io.kecsh.runtime.error.TransportException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One page fetched on its own daemon thread while the walk still reads the page before it. The
 * thread ends with the call: an abandoned walk leaves nothing behind but a page nobody reads. A new
 * thread for each page (not a pool) so that it inherits the walk's inheritable thread locals, as the
 * daemon's routing of a run's output; a hundred pages cost a hundred thread starts, a few
 * milliseconds against the hundred calls.
 */
final class PageAhead {
    private final String operation;
    /** The token the page is asked for with. */
    private final Object from;

    private final FutureTask<Map<String, Object>> call;

    PageAhead(String operation, Object from, Supplier<Map<String, Object>> page) {
        this.operation = operation;
        this.from = from;
        this.call = new FutureTask<>(page::get);
        Thread t = new Thread(call, "kecsh-page-ahead-" + operation);
        t.setDaemon(true);
        t.start();
    }

    /** The token this page was asked for with. */
    Object from() {
        return from;
    }

    /** Stops asking for a page nobody will read (the walk failed or moved on from another token); a no-op once it is done. */
    void cancel() {
        call.cancel(true);
    }

    /**
     * The page, or the very failure the call ended with (the client's retries already spent, as in
     * a walk without read-ahead), its stack continued by the walker's so that a script's line is
     * still found in it.
     */
    Map<String, Object> join() {
        try {
            return call.get();
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(operation + ": interrupted while waiting for the next page", false, e);
        } catch (CancellationException e) {
            throw new TransportException(operation + ": the next page was cancelled", false, e);
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            continueStack(failure);
            if (failure instanceof RuntimeException r) throw r;
            if (failure instanceof Error err) throw err;
            throw new IllegalStateException(failure);
        }
    }

    /** The fetching thread's frames down to the call, then the walker's from here down. */
    private static void continueStack(Throwable failure) {
        StackTraceElement[] fetched = failure.getStackTrace();
        int end = fetched.length;
        for (int i = 0; i < fetched.length; i++) {
            if (fetched[i].getClassName().equals(FutureTask.class.getName())) {
                end = i;
                break;
            }
        }
        StackTraceElement[] walker = new Throwable().getStackTrace();
        StackTraceElement[] joined = Arrays.copyOf(fetched, end + walker.length);
        System.arraycopy(walker, 0, joined, end, walker.length);
        failure.setStackTrace(joined);
    }
}
