package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode
import groovy.transform.ToString

/** A local volume (a DescribeLocalVolumes item). */
@CompileStatic
@EqualsAndHashCode(includes = ['id', 'state'])
@ToString(includes = ['id', 'name', 'category', 'sizeGb', 'instanceName'], includeNames = true, includePackage = false)
class VolumeInfo implements Serializable {
    private static final long serialVersionUID = 1L

    String id
    String name
    String category
    String type
    Long sizeGb
    String state
    String instanceId
    String instanceName
    String instanceState
    String creationDate

    static VolumeInfo from(Map<String, Object> item) {
        new VolumeInfo(id: item.LocalVolumeId as String, name: item.LocalVolumeName as String, category: item.LocalVolumeCategory as String,
            type: item.LocalVolumeType as String, sizeGb: item.LocalVolumeSize as Long, state: item.LocalVolumeState as String,
            instanceId: item.InstanceId as String, instanceName: item.InstanceName as String, instanceState: item.InstanceState as String,
            creationDate: item.CreationDate as String)
    }
}
