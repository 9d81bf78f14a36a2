package io.kecsh.dsl.error

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode

/**
 * A resource a destructive call would affect: its kind ('instance', 'image', …, from the ID
 * parameter), its ID, and — where kecsh can look them up — its name and type.
 */
@CompileStatic
@EqualsAndHashCode
class Target implements Serializable {
    private static final long serialVersionUID = 1L

    String kind
    String id
    String name
    String type

    /** {@code instance 48de… (prod-db-1, S4.2B)} */
    @Override
    String toString() {
        List<String> known = [name, type].findAll { it != null }
        "${kind} ${id}" + (known ? " (${known.join(', ')})" : '')
    }
}
