package io.kecsh.runtime.catalog;

import io.kecsh.runtime.model.EnumValue;
import java.util.List;
import java.util.Optional;

/**
 * What the live service lists for an open enumeration (instance types with their figures, families,
 * regions, zones), as far as it is known right now. Empty means "no catalogue at hand" (offline, not
 * fetched yet, or the enum has none), which is different from an empty list.
 */
@FunctionalInterface
public interface LiveCatalogue {
    /** No catalogue at all: the model and the enums' forms are all kecsh has. */
    LiveCatalogue NONE = (service, enumName) -> Optional.empty();

    /** The values the live service lists for enum {@code enumName} of {@code service}, when known. */
    Optional<List<EnumValue>> values(String service, String enumName);
}
