package io.kecsh.runtime.model;

import java.util.Map;

/**
 * Where an open enumeration's values can be read from the live service ({@code "live"} on an enum):
 * the operation to call, the response list that holds one item a value, the item's member naming
 * the value, and the members that become the value's attributes (a path may walk a list with
 * {@code []}: {@code AvailabilityZoneSet[].AzCode}). The catalogue reader follows this and nothing else.
 */
public record LiveSource(String operation, String items, String value, Map<String, String> attrs) {
    public LiveSource {
        attrs = Map.copyOf(attrs);
    }
}
