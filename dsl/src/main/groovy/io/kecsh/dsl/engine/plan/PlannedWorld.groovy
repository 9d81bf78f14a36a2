package io.kecsh.dsl.engine.plan

import java.util.concurrent.atomic.AtomicInteger

/**
 * The world as a plan would leave it, shared by every regional view of one plan: the instances and
 * network interfaces planned calls create, and what planned calls change on real ones (state, type,
 * name; an interface's status). Reads in plan mode pass the cloud's answers through {@link #instance}
 * and {@link #networkInterface}, so a script plans through: a stopped instance is selected by
 * {@code where state: 'stopped'}, a terminated one is gone, a created interface can be listed.
 * What each action does to this view is {@link PlannedEffects}' one job.
 */
class PlannedWorld {
    /** The states DescribeInstances leaves out unless a filter asks for them (the recycle bin, destroyed). */
    static final Set<String> HIDDEN = ['recycling', 'deleted'] as Set

    final AtomicInteger counter = new AtomicInteger()
    /** Planned instance ID → its DescribeInstances item (with its Region). */
    final Map<String, Map<String, Object>> instances = Collections.synchronizedMap(new LinkedHashMap<>())
    /** Real instance ID → the item as the cloud last answered it (the "before"). */
    final Map<String, Map<String, Object>> seen = Collections.synchronizedMap(new LinkedHashMap<>())
    /** Real instance ID → the members planned calls changed (InstanceState, InstanceType, InstanceName). */
    final Map<String, Map<String, Object>> changed = Collections.synchronizedMap(new LinkedHashMap<>())
    /** Network interface ID (planned or real) → its item as planned, or null once deleted. */
    final Map<String, Map<String, Object>> interfaces = Collections.synchronizedMap(new LinkedHashMap<>())
    /** Real network interface ID → the item as the cloud last answered it. */
    final Map<String, Map<String, Object>> seenInterfaces = Collections.synchronizedMap(new LinkedHashMap<>())

    /** A real instance's item as the plan would leave it (the cloud's answer, then the planned changes). */
    Map<String, Object> instance(Map<String, Object> real) {
        String id = real.InstanceId as String
        seen.putIfAbsent(id, real)
        Map<String, Object> change = changed[id]
        change == null ? real : (real + change) as Map<String, Object>
    }

    /** The current planned view of an instance by ID (planned or real and seen), or null. */
    Map<String, Object> instanceById(String id) {
        instances[id] ?: (seen[id] == null ? null : instance(seen[id]))
    }

    /** Changes members of an instance: a planned one in place, a real one in the overlay. */
    void change(String id, Map<String, Object> members) {
        if (instances.containsKey(id)) instances[id].putAll(members)
        else changed.computeIfAbsent(id) { new LinkedHashMap<String, Object>() }.putAll(members)
    }

    static String state(Map item) {
        (item?.InstanceState instanceof Map ? ((Map) item.InstanceState).Name : null) as String
    }

    /** A real interface's item as planned (null when the plan deleted it). */
    Map<String, Object> networkInterface(Map<String, Object> real) {
        String id = real.NetworkInterfaceId as String
        seenInterfaces.putIfAbsent(id, real)
        if (!interfaces.containsKey(id)) return real
        Map<String, Object> change = interfaces[id]
        change == null ? null : (real + change) as Map<String, Object>
    }

    void changeInterface(String id, Map<String, Object> members) {
        if (interfaces.containsKey(id) && interfaces[id] == null) return
        interfaces.computeIfAbsent(id) { new LinkedHashMap<String, Object>() }.putAll(members)
    }

    /** The name a person knows a resource by, if the plan has seen or made it. */
    String nameOf(String id) {
        Map item = instanceById(id)
        item?.InstanceName as String ?: (interfaces[id] ?: seenInterfaces[id])?.NetworkInterfaceName as String
    }

    /** Before → after of every resource the plan creates or changes, in the order it first touched them. */
    List<PlannedChange> changes() {
        List<PlannedChange> out = []
        new ArrayList<>(instances.values()).each { Map i ->
            out << new PlannedChange(kind: 'instance', id: i.InstanceId as String, name: i.InstanceName as String, before: null, after: facts(i))
        }
        new LinkedHashMap<>(changed).each { String id, Map change ->
            Map<String, Object> before = seen[id] ?: [InstanceId: id] as Map<String, Object>
            PlannedChange c = new PlannedChange(kind: 'instance', id: id, name: before.InstanceName as String,
                before: facts(before), after: facts(instance(before)))
            if (c.before != c.after) out << c
        }
        new LinkedHashMap<>(interfaces).each { String id, Map item ->
            Map<String, Object> real = seenInterfaces[id]
            Map<String, String> after = item == null ? [status: 'gone'] : nicFacts(real == null ? item : real + item)
            if (real == null && Placeholders.isPlaceholder(id)) {
                if (item != null) out << new PlannedChange(kind: 'network interface', id: id, before: null, after: after)
            } else {
                out << new PlannedChange(kind: 'network interface', id: id, before: real == null ? [:] : nicFacts(real), after: after)
            }
        }
        out
    }

    private static Map<String, String> facts(Map i) {
        String s = state(i)
        [state: HIDDEN.contains(s) ? "${s} (terminated)".toString() : s, type: i.InstanceType as String, name: i.InstanceName as String]
    }

    private static Map<String, String> nicFacts(Map n) {
        [status: n.Status as String, instance: n.InstanceId as String]
    }
}
