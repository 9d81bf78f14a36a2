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
 * runs and when the script compiles) and the client's region views all ask here (issue 14: a
 * misspelt region used to fail as SignatureDoesNotMatch after earlier regions were changed).
 */
public final class RegionNames {
    private static final String SERVICE = "kec";
    private static final String ENUM = "Region";

    private RegionNames() {
    }

    public static OpenValueRule.Verdict judge(ServiceModel model, LiveCatalogue catalogue, String region) {
        Optional<EnumDef> regions = model.service(SERVICE).flatMap(s -> s.enumDef(ENUM));
        if (regions.isEmpty()) return OpenValueRule.Verdict.UNKNOWN;
        return OpenValueRule.judge(regions.get(), regions.get(), region, live(catalogue));
    }

    /** Every region name kecsh knows: the model's, then the live list's others. */
    public static List<String> known(ServiceModel model, LiveCatalogue catalogue) {
        List<String> known = new ArrayList<>();
        model.service(SERVICE).flatMap(s -> s.enumDef(ENUM)).ifPresent(e -> known.addAll(e.names()));
        live(catalogue).ifPresent(l -> l.stream().filter(r -> !known.contains(r)).forEach(known::add));
        return known;
    }

    /** One line for a region known to be wrong: the name, a "did you mean", and the regions there are. */
    public static String refusal(String region, List<String> known) {
        return "unknown region '" + region + "'" + Suggestions.didYouMean(region, known) + " (regions: " + String.join(", ", known) + ")";
    }

    /** One line for a region no source lists, which is used anyway: the service decides. */
    public static String warning(String region, List<String> known) {
        return "region '" + region + "' is not one kecsh knows" + Suggestions.didYouMean(region, known)
            + "; using it anyway: the service decides";
    }

    private static Optional<List<String>> live(LiveCatalogue catalogue) {
        return catalogue.values(SERVICE, ENUM).map(l -> l.stream().map(EnumValue::value).toList());
    }
}
