package io.kecsh.dsl.result


/**
 * Instances a verb returned or a selection found: a plain list of {@link InstanceInfo}
 * (Serializable), with {@code waitUntil} to wait for them and {@code table()} to print them.
 */
class InstanceGroup extends ArrayList<InstanceInfo> implements Serializable {
    private static final long serialVersionUID = 1L

    InstanceGroup() {
    }

    InstanceGroup(Collection<InstanceInfo> instances) {
        super(instances)
    }

    List<String> getIds() {
        collect { it.id }
    }

    /**
     * Waits until every instance is in {@code state} (active, stopped, recycling, deleted) and
     * refreshes them; {@code timeout:} and {@code interval:} take a Duration or seconds.
     */
    @WaitsFor(WaitStates.INSTANCE)
    InstanceGroup waitUntil(Map options = [:], String state) {
        if (isEmpty()) return this
        List<InstanceInfo> fresh = RunningScript.waits().forInstances(ids, state, options)
        Map<String, InstanceInfo> byId = fresh.collectEntries { [it.id, it] }
        for (int i = 0; i < size(); i++) {
            InstanceInfo now = byId[get(i).id]
            if (now != null) set(i, now)
        }
        this
    }

    /** {@code instances.where(name: ~/^web-/).expect(count: 3)}: see {@link io.kecsh.dsl.result.Expectations}. */
    InstanceGroup expect(Map guard) {
        Expectations.check('instance(s)', this, guard)
        this
    }

    String table() {
        Table.of(['ID', 'NAME', 'TYPE', 'STATE', 'PRIVATE IP', 'ZONE'],
            collect { [it.id, it.name, it.type, it.state, it.privateIp, it.zone] as List<Object> })
    }
}
