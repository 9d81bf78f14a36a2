package io.kecsh.runtime.config;

import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.text.Suggestions;
import io.kecsh.runtime.validate.OpenValueRule;
import io.kecsh.runtime.validate.RegionNames;
import java.util.Optional;

/**
 * Compares settings with what the service model knows. Findings are warnings, never errors: a
 * private cloud may have regions, and Kingsoft new instance types, that the bundled model does
 * not list; the server has the last word.
 */
final class ModelChecks {
    /** The action whose parameters the {@code default.*} keys fill in. */
    private static final String DEFAULTS_ACTION = "RunInstances";

    private final ServiceModel model;

    ModelChecks(ServiceModel model) {
        this.model = model;
    }

    /**
     * A warning when the model lists the cloud's regions and this is not one of them. Clouds whose
     * model has no Region enumeration (Alibaba today) are not checked.
     */
    Optional<String> unknownRegion(Cloud cloud, String region, String origin) {
        // the one region rule (RegionNames); settings are read before any live region list is at hand
        if (RegionNames.judge(model, cloud.primaryService(), LiveCatalogue.NONE, region) == OpenValueRule.Verdict.LISTED
                || !RegionNames.listed(model, cloud.primaryService())) {
            return Optional.empty();
        }
        return Optional.of(cloud.displayName() + " region '" + region + "' (" + origin + ") is not one kecsh knows"
                + Suggestions.didYouMean(region, RegionNames.known(model, cloud.primaryService(), LiveCatalogue.NONE))
                + "; using it as given, since a private cloud may have others");
    }

    /** A warning when a default names a value the RunInstances parameter's enumeration lacks. */
    Optional<String> unknownDefault(ProfileKey key, String value, String origin) {
        Optional<EnumDef> allowed = key.runInstancesParameter().flatMap(this::enumOfDefaultsParameter);
        if (allowed.isEmpty() || allowed.get().contains(value)) return Optional.empty();
        return Optional.of(key.key() + " '" + value + "' (" + origin + ") is not a " + DEFAULTS_ACTION + " "
                + key.runInstancesParameter().orElseThrow() + " kecsh knows"
                + Suggestions.didYouMean(value, allowed.get().names()));
    }

    /** The enumeration a RunInstances parameter takes its values from, when it has one. */
    private Optional<EnumDef> enumOfDefaultsParameter(String parameter) {
        return model.findOperation(DEFAULTS_ACTION)
                .flatMap(op -> op.param(parameter)
                        .flatMap(Member::enumName)
                        .flatMap(enumName -> model.serviceOf(op).enumDef(enumName)));
    }
}
