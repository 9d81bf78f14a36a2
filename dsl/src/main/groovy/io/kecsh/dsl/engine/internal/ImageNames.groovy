package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText

/** {@code image: 'centos-7.6'} or an image's name → its ID, through DescribeImages (works on the cloud too). */
@CompileStatic
final class ImageNames {
    private static final String UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/

    private ImageNames() {
    }

    static String resolve(KecshSession session, String given) {
        if (given ==~ UUID) return given
        List<Map<String, Object>> images = (List<Map<String, Object>>) (session.ops.call('DescribeImages', [:]).ImagesSet ?: [])
        List<Map<String, Object>> usable = images.findAll { String.valueOf(it.ImageState).equalsIgnoreCase('active') }
        Map<String, Object> found = usable.find { given.equalsIgnoreCase(it.Platform as String) && it.IsPublic } ?:
            usable.find { given.equalsIgnoreCase(it.Platform as String) } ?: usable.find { given.equalsIgnoreCase(it.Name as String) }
        if (found != null) return found.ImageId as String
        Set<String> known = new TreeSet<String>()
        usable.each { [it.Platform, it.Name].each { Object n -> if (n != null) known << (n as String) } }
        throw new IllegalArgumentException("image ${UserText.quoted(given)} not found in ${session.region}${Suggestions.didYouMean(given, known)}; " +
            "images here: ${known.join(', ')}")
    }
}
