package io.kecsh.runtime.sandbox.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Seeded random faults for chaos tests: each call of the chosen actions draws, from one seeded
 * generator, whether it is throttled (LimitExceeded 409), answered with a documented 5xx
 * (ServiceUnavailable or ServiceTimeout, which the model marks "may have been processed"), or loses
 * its connection before or after it takes effect. The same seed and the same sequence of calls
 * give the same faults. Counts of what was played are kept for the report.
 */
public final class RandomFaults {
    private static final List<String> SERVER_ERRORS = List.of("ServiceUnavailable", "ServiceTimeout");

    private final Random random;
    private final Set<String> actions;
    private final double throttle;
    private final double serverError;
    private final double dropBefore;
    private final double dropAfter;
    private final Map<String, Integer> played = new TreeMap<>();
    private int calls;

    /**
     * @param actions the actions faults are played on (their documented errors must include the 5xx codes)
     * @param throttle, serverError, dropBefore, dropAfter the chance of each per call; together at most 1
     */
    public RandomFaults(
            long seed, Set<String> actions, double throttle, double serverError, double dropBefore, double dropAfter) {
        if (throttle < 0
                || serverError < 0
                || dropBefore < 0
                || dropAfter < 0
                || throttle + serverError + dropBefore + dropAfter > 1) {
            throw new IllegalArgumentException("fault chances must be between 0 and 1 and add up to at most 1");
        }
        this.random = new Random(seed);
        this.actions = Set.copyOf(actions);
        this.throttle = throttle;
        this.serverError = serverError;
        this.dropBefore = dropBefore;
        this.dropAfter = dropAfter;
    }

    /** The fault this call gets, if any. */
    synchronized Optional<FaultPlan.Fault> draw(String action) {
        if (!actions.contains(action)) return Optional.empty();
        calls++;
        double x = random.nextDouble();
        FaultPlan.Fault fault;
        if (x < throttle) fault = new FaultPlan.Fault(FaultPlan.Fault.Kind.ERROR, "LimitExceeded");
        else if ((x -= throttle) < serverError)
            fault = new FaultPlan.Fault(
                    FaultPlan.Fault.Kind.ERROR, SERVER_ERRORS.get(random.nextInt(SERVER_ERRORS.size())));
        else if ((x -= serverError) < dropBefore) fault = new FaultPlan.Fault(FaultPlan.Fault.Kind.DROP_BEFORE, null);
        else if ((x -= dropBefore) < dropAfter) fault = new FaultPlan.Fault(FaultPlan.Fault.Kind.DROP_AFTER, null);
        else return Optional.empty();
        played.merge(fault.code() != null ? fault.code() : fault.kind().name(), 1, Integer::sum);
        return Optional.of(fault);
    }

    /** How many calls drew, and how many of each fault was played: {calls=…, LimitExceeded=…, DROP_AFTER=…}. */
    public synchronized Map<String, Integer> played() {
        Map<String, Integer> out = new TreeMap<>(played);
        out.put("calls", calls);
        return out;
    }
}
