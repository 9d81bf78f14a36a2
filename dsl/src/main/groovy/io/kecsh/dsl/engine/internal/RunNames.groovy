package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic

/**
 * The names a run of several RunInstances calls gives its instances. The API numbers
 * InstanceName-InstanceNameSuffix and HostName-HostNameSuffix on within one call (host names from 1
 * when several are made and no suffix is given), so each later call starts its suffixes where the
 * earlier calls stopped: count 120, name 'web', suffix 1 is web-1 … web-120, never web-1 … web-50 three times.
 */
@CompileStatic
final class RunNames {
    private final String name
    private final Integer suffix
    private final boolean hostName
    private final Integer hostSuffix
    private final int count

    RunNames(Map<String, Object> params, int count) {
        this.name = params.InstanceName as String
        this.suffix = params.InstanceNameSuffix as Integer
        this.hostName = params.HostName != null
        this.hostSuffix = params.HostNameSuffix as Integer
        this.count = count
    }

    /** The suffixes of the call that creates instances {@code offset+1 …}: none for the first. */
    Map<String, Object> continuing(int offset) {
        Map<String, Object> out = [:]
        if (offset == 0) return out
        if (name != null && suffix != null) out.InstanceNameSuffix = suffix + offset
        if (hostName && (hostSuffix != null || count > 1)) out.HostNameSuffix = (hostSuffix != null ? hostSuffix : 1) + offset
        out
    }

    /** What to call instances {@code offset+1 … offset+n} of the run before they exist: their names, or their places. */
    List<String> labels(int offset, int n) {
        (offset..<offset + n).collect { int i ->
            name != null && suffix != null ? "${name}-${suffix + i}".toString()
                : "${name ?: 'instance'} #${i + 1} of ${count}".toString()
        }
    }
}
