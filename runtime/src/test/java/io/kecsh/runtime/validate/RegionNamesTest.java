package io.kecsh.runtime.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.validate.OpenValueRule.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The region rule: the model's list, the live list when at hand, the name's form when not. */
class RegionNamesTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final LiveCatalogue TODAY = (service, enumName) -> "Region".equals(enumName)
            ? Optional.of(List.of(
                    new EnumValue("cn-beijing-6", "", "", Map.of()), new EnumValue("cn-qingyang-1", "", "", Map.of())))
            : Optional.empty();

    @Test
    void offline_aModelledRegionIsListed_anUnknownOneOfTheFormIsUnknown_anotherFormIsWrong() {
        assertEquals(Verdict.LISTED, RegionNames.judge(MODEL, LiveCatalogue.NONE, "cn-shanghai-2"));
        assertEquals(Verdict.UNKNOWN, RegionNames.judge(MODEL, LiveCatalogue.NONE, "cn-guangzhou-9"));
        assertEquals(Verdict.WRONG, RegionNames.judge(MODEL, LiveCatalogue.NONE, "CN-Beijing-6"));
        assertEquals(Verdict.WRONG, RegionNames.judge(MODEL, LiveCatalogue.NONE, "beijing"));
    }

    @Test
    void withTheLiveList_itDecides_aRegionOnlyItListsIsAccepted_oneItLacksIsWrong() {
        assertEquals(Verdict.LISTED, RegionNames.judge(MODEL, TODAY, "cn-qingyang-1"));
        assertEquals(Verdict.WRONG, RegionNames.judge(MODEL, TODAY, "cn-guangzhou-9"));
        assertTrue(RegionNames.known(MODEL, TODAY).contains("cn-qingyang-1"));
    }

    @Test
    void theRefusal_isOneLine_withADidYouMean_andTheRegionsThereAre() {
        String line = RegionNames.refusal("cn-bejing-6", RegionNames.known(MODEL, LiveCatalogue.NONE));
        assertTrue(
                line.startsWith("unknown region 'cn-bejing-6' (did you mean cn-beijing-6?) (regions: cn-beijing-6, "),
                line);
        assertEquals(1, line.lines().count());
    }
}
