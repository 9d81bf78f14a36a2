package io.kecsh.runtime.waiter;

import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.invoke.Invoker;
import io.kecsh.runtime.invoke.TreePath;
import io.kecsh.runtime.model.Acceptor;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.model.Waiter;
import io.kecsh.runtime.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Polls a waiter's operation until an acceptor says success (returns the last result) or failure
 * (throws at once), or the timeout passes. Each poll looks at the whole set the call names — every
 * page, every slice of a long id list ({@link WholeSetPoll}) — so "all active" means all of them.
 * Clock and sleeper are injected so tests never sleep.
 */
public final class WaiterRunner {
    private final Invoker invoker;
    private final ServiceModel model;
    private final Clock clock;
    private final Sleeper sleeper;

    /** With the bundled model (its paginators and list limits). */
    public WaiterRunner(Invoker invoker, Clock clock, Sleeper sleeper) {
        this(invoker, ServiceModel.bundled(), clock, sleeper);
    }

    public WaiterRunner(Invoker invoker, ServiceModel model, Clock clock, Sleeper sleeper) {
        this.invoker = invoker;
        this.model = model;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public Map<String, Object> await(Waiter waiter, Map<String, ?> params, WaitOptions options) {
        Map<String, Object> call = new LinkedHashMap<>(params);
        waiter.input().forEach(call::putIfAbsent);
        Instant start = clock.instant();
        Instant deadline = start.plus(options.timeout());
        Duration delay = options.interval();
        Map<String, Object> last = null;
        Operation operation = model.requireOperation(waiter.operation());
        Invoker paced = (action, p) -> {
            options.beforeCall().run();
            return invoker.invoke(action, p);
        };
        WholeSetPoll poll = new WholeSetPoll(
                paced,
                operation,
                model.serviceOf(operation).paginator(operation.name()).orElse(null));
        for (int attempt = 1; ; attempt++) {
            String state;
            String observed;
            try {
                last = poll.poll(call);
                state = match(waiter, last, null);
                observed = observed(waiter, last);
            } catch (ServiceException e) {
                state = match(waiter, null, e);
                if (state == null) throw e; // an error no acceptor expects: not ours to hide
                observed = e.code();
            }
            Instant now = clock.instant();
            Duration elapsed = Duration.between(start, now);
            if ("success".equals(state)) {
                options.progress()
                        .accept(new WaitProgress(
                                waiter.name(), attempt, elapsed, observed, Duration.ZERO, options.timeout()));
                return last;
            }
            if ("failure".equals(state)) {
                throw new WaiterException(
                        waiter.name() + ": cannot succeed (a failure state): " + failure(waiter, last, observed)
                                + "; seen after " + elapsed.toSeconds() + "s: " + observed,
                        false,
                        last,
                        null);
            }
            if (!now.isBefore(deadline)) {
                throw new WaiterException(
                        waiter.name() + ": not done within its timeout of "
                                + options.timeout().toSeconds() + "s (seen: "
                                + observed + ")" + notThere(waiter, last)
                                + "; none is in a state the waiter counts as failed, so they may only be slow:"
                                + " the last answer is the exception's lastResult",
                        true,
                        last,
                        null);
            }
            Duration sleep = min(delay, Duration.between(now, deadline));
            options.progress()
                    .accept(new WaitProgress(waiter.name(), attempt, elapsed, observed, sleep, options.timeout()));
            try {
                sleeper.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WaiterException(waiter.name() + ": interrupted", false, last, e);
            }
            delay = min(Duration.ofMillis((long) (delay.toMillis() * 1.5)), options.maxInterval());
        }
    }

    /**
     * Which failure acceptor matched, in words, naming the resources in that state: "1 in state
     * stopped (i-1 web-1), which does not lead there by itself".
     */
    private static String failure(Waiter waiter, Map<String, Object> result, String observed) {
        for (Acceptor a : waiter.acceptors()) {
            if (!"failure".equals(a.state()) || !matches(a, result, null)) continue;
            if (a.argument() == null) return String.valueOf(a.expected());
            String expected = String.valueOf(a.expected());
            long n = TreePath.values(result, a.argument()).stream()
                    .filter(v -> String.valueOf(v).equals(expected))
                    .count();
            List<String> who = items(result, a.argument(), v -> v.equals(expected));
            return n + " in state " + a.expected() + (who.isEmpty() ? "" : " (" + String.join(", ", who) + ")")
                    + ", which does not lead there by itself";
        }
        return observed;
    }

    /** On a timeout, the resources not yet in the success state: "; not there yet: i-1 (web-1) building". */
    private static String notThere(Waiter waiter, Map<String, Object> result) {
        if (result == null) return "";
        for (Acceptor a : waiter.acceptors()) {
            if (!"success".equals(a.state()) || !"pathAll".equals(a.matcher())) continue;
            String expected = String.valueOf(a.expected());
            List<String> who = items(result, a.argument(), v -> !v.equals(expected));
            if (who.isEmpty()) return "";
            List<String> shown = who.size() > 10 ? who.subList(0, 10) : who;
            return "; not " + expected + " yet: " + String.join(", ", shown)
                    + (who.size() > shown.size() ? " and " + (who.size() - 10) + " more" : "");
        }
        return "";
    }

    /**
     * The items of the list a path fans out over ({@code InstancesSet[].InstanceState.Name}) whose
     * value passes the test, each named by its first …Id member and its …Name member, with the value
     * when the test is not one value: "i-1 (web-1) stopped".
     */
    private static List<String> items(Map<String, Object> result, String argument, Predicate<String> test) {
        int fan = argument.indexOf("[].");
        if (result == null || fan < 0) return List.of();
        Object list = TreePath.value(result, argument.substring(0, fan));
        if (!(list instanceof List<?> items)) return List.of();
        String rest = argument.substring(fan + 3);
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m)) continue;
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) m;
            String value = String.valueOf(TreePath.value(tree, rest));
            if (!test.test(value)) continue;
            Object id = tree.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("Id"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            Object name = tree.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("Name") && e.getValue() instanceof String)
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            out.add(id + (name == null ? "" : " (" + name + ")") + " " + value);
        }
        return out;
    }

    /** The state the first matching acceptor names, or null ("keep waiting"). */
    static String match(Waiter waiter, Map<String, Object> result, ServiceException error) {
        for (Acceptor a : waiter.acceptors()) {
            if (matches(a, result, error)) return a.state();
        }
        return null;
    }

    private static boolean matches(Acceptor a, Map<String, Object> result, ServiceException error) {
        String expected = String.valueOf(a.expected());
        switch (a.matcher()) {
            case "error":
                return error != null && Objects.equals(error.code(), expected);
            case "status":
                return error != null ? String.valueOf(error.httpStatus()).equals(expected) : "200".equals(expected);
            default:
                break;
        }
        if (result == null) return false;
        List<Object> values = TreePath.values(result, a.argument());
        return switch (a.matcher()) {
            case "path" -> values.size() == 1 && String.valueOf(values.get(0)).equals(expected);
            case "pathAll" ->
                !values.isEmpty()
                        && values.stream().allMatch(v -> String.valueOf(v).equals(expected));
            case "pathAny" -> values.stream().anyMatch(v -> String.valueOf(v).equals(expected));
            default -> throw new IllegalStateException("unknown matcher " + a.matcher());
        };
    }

    /** What the first path acceptor sees, counted: "active ×2, building ×1", or "nothing" when empty. */
    private static String observed(Waiter waiter, Map<String, Object> result) {
        for (Acceptor a : waiter.acceptors()) {
            if (a.argument() == null) continue;
            List<Object> values = TreePath.values(result, a.argument());
            if (values.isEmpty()) return a.argument() + ": nothing";
            Map<String, Integer> counts = new TreeMap<>();
            values.forEach(v -> counts.merge(String.valueOf(v), 1, Integer::sum));
            StringBuilder out = new StringBuilder();
            counts.forEach((k, n) ->
                    out.append(out.length() == 0 ? "" : ", ").append(k).append(n > 1 ? " ×" + n : ""));
            return out.toString();
        }
        return "polled";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
