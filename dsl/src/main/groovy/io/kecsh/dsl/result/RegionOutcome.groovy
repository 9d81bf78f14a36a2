package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import groovy.transform.ToString

/**
 * What a {@code parallel} block did in one region: its value when it finished, or why it did not
 * (the error's one line, and its code when the service or a batch gave one). Plain data.
 */
@CompileStatic
@ToString(includeNames = true, includePackage = false, ignoreNulls = true)
class RegionOutcome implements Serializable {
    private static final long serialVersionUID = 1L

    String region
    boolean ok
    Object value
    String error
    String code
}
