package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode
import groovy.transform.ToString

/**
 * One instance as the DSL returns it: plain, typed data (Serializable, so Jenkins pipelines keep it
 * across restarts), navigable with GPath: {@code instances.where(type: ~/^S4/)*.privateIp}.
 */
@CompileStatic
@EqualsAndHashCode(includes = ['id', 'state'])
@ToString(includes = ['id', 'name', 'type', 'state', 'privateIp'], includeNames = true, includePackage = false)
class InstanceInfo implements Serializable {
    private static final long serialVersionUID = 1L

    String id
    String name
    String type
    String state
    String privateIp
    String zone
    String imageId
    String subnetId
    String vpcId
    String chargeType
    String creationDate
    String hostName
    String stoppedMode
    Long vcpu
    Long memoryGb
    Long projectId
    List<String> keys = []
    /** key → value; read from the tag service when a launch put tags on or a where asked by them, else null (not read). */
    Map<String, String> tags

    /** From a DescribeInstances item (the Instance data type). */
    static InstanceInfo from(Map<String, Object> item) {
        from(item, null)
    }

    /**
     * From a DescribeInstances item, with {@code shared} (when given) holding one copy of each value
     * many instances repeat (zone, type, state, image, subnet …): a listing of 100,000 keeps each once,
     * not once an instance. Plain casts instead of Groovy's {@code as} conversions: this runs once an
     * item, and {@code as String} on an Object went through Groovy's formatter (issue 16: the DSL's
     * stream was 3.5-6x slower than the paginator it reads).
     */
    static InstanceInfo from(Map<String, Object> item, Map<String, String> shared) {
        Object configure = item.get('InstanceConfigure')
        Map c = configure instanceof Map ? (Map) configure : Collections.emptyMap()
        Object state = item.get('InstanceState')
        InstanceInfo i = new InstanceInfo()
        i.id = text(item.get('InstanceId'))
        i.name = text(item.get('InstanceName'))
        i.type = one(shared, item.get('InstanceType'))
        i.state = one(shared, state instanceof Map ? ((Map) state).get('Name') : null)
        i.privateIp = text(item.get('PrivateIpAddress'))
        i.zone = one(shared, item.get('AvailabilityZone'))
        i.imageId = one(shared, item.get('ImageId'))
        i.subnetId = one(shared, item.get('SubnetId'))
        i.vpcId = one(shared, item.get('VpcId'))
        i.chargeType = one(shared, item.get('ChargeType'))
        i.creationDate = one(shared, item.get('CreationDate'))
        i.hostName = text(item.get('HostName'))
        i.stoppedMode = one(shared, item.get('StoppedMode'))
        i.vcpu = whole(c.get('VCPU'))
        i.memoryGb = whole(c.get('MemoryGb'))
        i.projectId = whole(item.get('ProjectId'))
        Object keys = item.get('KeySet')
        if (keys instanceof Collection && !((Collection) keys).isEmpty()) {
            List<String> k = new ArrayList<>(((Collection) keys).size())
            for (Object key : (Collection) keys) k.add(text(key))
            i.keys = k
        }
        i
    }

    private static String text(Object value) {
        // the JDK's, returning a String: no Groovy cast (an invokedynamic call site) for each value
        Objects.toString(value, null)
    }

    /** The copy of this value {@code shared} already holds, or this one (then held); bounded so a listing cannot grow it without end. */
    private static String one(Map<String, String> shared, Object value) {
        String s = text(value)
        if (s == null || shared == null) return s
        String held = Objects.toString(shared.get(s), null)
        if (held != null) return held
        if (shared.size() < 4096) shared.put(s, s)
        s
    }

    private static Long whole(Object value) {
        if (value == null) return null
        if (value instanceof Long) return (Long) value
        if (value instanceof Number) return Long.valueOf(((Number) value).longValue())
        new BigDecimal(value.toString()).longValue()
    }
}
