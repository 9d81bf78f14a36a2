package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode
import groovy.transform.ToString

/** One image (a DescribeImages item), plain serializable data; {@code waitUntil 'available'} refreshes it. */
@CompileStatic
@EqualsAndHashCode(includes = ['id', 'state'])
@ToString(includes = ['id', 'name', 'state', 'platform'], includeNames = true, includePackage = false)
class ImageInfo implements Serializable {
    private static final long serialVersionUID = 1L

    String id
    String name
    String state
    String platform
    Boolean isPublic
    String creationDate
    String instanceId
    String source
    String progress
    Long sysDiskGb

    static ImageInfo from(Map<String, Object> item) {
        new ImageInfo(id: item.ImageId as String, name: item.Name as String, state: item.ImageState as String,
            platform: item.Platform as String, isPublic: item.IsPublic as Boolean, creationDate: item.CreationDate as String,
            instanceId: item.InstanceId as String, source: item.ImageSource as String, progress: item.Progress as String,
            sysDiskGb: item.SysDisk as Long)
    }

    /** Waits for this image (ImageAvailable: {@code 'available'}); returns it as it is then. */
    @WaitsFor(WaitStates.IMAGE)
    ImageInfo waitUntil(Map options = [:], String state) {
        Map<String, Object> last = RunningScript.waits().forResource(WaitStates.IMAGE, state, [ImageId: id] as Map<String, Object>, options)
        List<Map<String, Object>> set = (List<Map<String, Object>>) (last.ImagesSet ?: [])
        set ? from(set[0]) : this
    }

    static String table(List<ImageInfo> images) {
        Table.of(['ID', 'NAME', 'STATE', 'PLATFORM', 'PUBLIC'], images.collect { [it.id, it.name, it.state, it.platform, it.isPublic] as List<Object> })
    }
}
