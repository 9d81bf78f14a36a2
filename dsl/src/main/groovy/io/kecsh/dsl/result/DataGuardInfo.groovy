package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode
import groovy.transform.ToString

/** A data-guard (anti-affinity) group and the instances in it. */
@CompileStatic
@EqualsAndHashCode(includes = ['id', 'name', 'instanceIds'])
@ToString(includes = ['id', 'name', 'instanceIds'], includeNames = true, includePackage = false)
class DataGuardInfo implements Serializable {
    private static final long serialVersionUID = 1L

    String id
    String name
    String level
    Long capacity
    Long used
    List<String> instanceIds = []
    List<String> instanceNames = []

    static DataGuardInfo from(Map<String, Object> item) {
        List<Map> members = (item.DataGuardInstancesList ?: []) as List<Map>
        new DataGuardInfo(id: item.DataGuardId as String, name: item.DataGuardName as String, level: item.DataGuardLevel as String,
            capacity: item.DataGuardCapacity as Long, used: item.DataGuardUsedSize as Long,
            instanceIds: members.collect { it.InstanceId as String }, instanceNames: members.collect { it.InstanceName as String })
    }
}
