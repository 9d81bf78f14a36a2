package io.kecsh.runtime.model;

import java.util.List;

/**
 * How we resolved a contradiction in the specification, recorded next to the entry it concerns.
 *
 * @param catalog item numbers of CATALOG.md section 8 this decision settles (may be empty)
 * @param topic   a short name, for service-wide decisions
 * @param text    what we decided and why
 */
public record Decision(List<Integer> catalog, String topic, String text) {
    public Decision {
        catalog = List.copyOf(catalog);
    }
}
