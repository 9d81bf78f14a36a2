package io.kecsh.runtime.validate;

import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.text.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a Kingsoft region name can be used — by the one rule for open values
 * ({@link OpenValueRule}) over the model's Region enumeration and the live region list — and how a
 * refusal or a warning is worded. The shell's {@code :region}, the DSL's {@code region '…'} (when it
 * runs and when the script compiles), the client's region views and the settings' warning about a
 * configured region all ask here (issue 14: a misspelt region used to fail as SignatureDoesNotMatch
 * after earlier regions were changed).
 */
public final class RegionNames {
    private static final String SERVICE = "kec";
    private static final String ENUM = "Region";

    private RegionNames() {}

    public static OpenValueRule.Verdict judge(ServiceModel model, LiveCatalogue catalogue, String region) {
        return judge(model, SERVICE, catalogue, region);
    }

    /**
     * The same rule for the regions of another cloud's primary service (the settings' check names
     * the cloud); UNKNOWN when that service's model lists no regions.
     */
    public static OpenValueRule.Verdict judge(
            ServiceModel model, String service, LiveCatalogue catalogue, String region) {
        Optional<EnumDef> regions = model.service(service).flatMap(s -> s.enumDef(ENUM));
        if (regions.isEmpty()) return OpenValueRule.Verdict.UNKNOWN;
        return OpenValueRule.judge(regions.get(), regions.get(), region, live(service, catalogue));
    }

    /** Every region name kecsh knows: the model's, then the live list's others. */
    public static List<String> known(ServiceModel model, LiveCatalogue catalogue) {
        return known(model, SERVICE, catalogue);
    }

    /** Every region name kecsh knows for {@code service}: the model's, then the live list's others. */
    public static List<String> known(ServiceModel model, String service, LiveCatalogue catalogue) {
        List<String> known = new ArrayList<>();
        model.service(service).flatMap(s -> s.enumDef(ENUM)).ifPresent(e -> known.addAll(e.names()));
        live(service, catalogue)
                .ifPresent(l -> l.stream().filter(r -> !known.contains(r)).forEach(known::add));
        return known;
    }

    /** Whether the model lists {@code service}'s regions at all (a cloud whose model does not is not checked). */
    public static boolean listed(ServiceModel model, String service) {
        return model.service(service).flatMap(s -> s.enumDef(ENUM)).isPresent();
    }

    /** One line for a region known to be wrong: the name, a "did you mean", and the regions there are. */
    public static String refusal(String region, List<String> known) {
        return "unknown region '" + region + "'" + Suggestions.didYouMean(region, known) + " (regions: "
                + String.join(", ", known) + ")";
    }

    /** One line for a region no source lists, which is used anyway: the service decides. */
    public static String warning(String region, List<String> known) {
        return "region '" + region + "' is not one kecsh knows" + Suggestions.didYouMean(region, known)
                + "; using it anyway: the service decides";
    }

    private static Optional<List<String>> live(String service, LiveCatalogue catalogue) {
        return catalogue
                .values(service, ENUM)
                .map(l -> l.stream().map(EnumValue::value).toList());
    }
}
