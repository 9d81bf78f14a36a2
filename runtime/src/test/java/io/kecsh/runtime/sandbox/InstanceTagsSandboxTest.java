package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.testing.OneInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Instance tags over real HTTP: RunInstances' Tag.N.Key/Value are kept on the instance and the tag
 * service's ListTagsByResourceIds answers them, one row per instance and tag in the order asked;
 * an instance without tags, or an ID of nothing, has no rows.
 */
class InstanceTagsSandboxTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    private String launch(List<Map<String, String>> tags) {
        Map<String, Object> p = OneInstance.runParams(region);
        if (!tags.isEmpty()) p.put("Tag", tags);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> set =
                (List<Map<String, Object>>) f.client.call("RunInstances", p).get("InstancesSet");
        return (String) set.get(0).get("InstanceId");
    }

    @Test
    void listTagsByResourceIds_answersTheTagsRunInstancesPutOn_inTheOrderAsked() {
        String web = launch(List.of(Map.of("Key", "env", "Value", "prod"), Map.of("Key", "team", "Value", "web")));
        String bare = launch(List.of());
        String db = launch(List.of(Map.of("Key", "env", "Value", "staging")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) f.client
                .call(
                        "ListTagsByResourceIds",
                        Map.of(
                                "ResourceType",
                                "instance",
                                "ResourceUuids",
                                db + "," + bare + "," + web + ",00000000-0000-0000-0000-000000000000"))
                .get("Tags");
        assertEquals(
                List.of(db + " env=staging", web + " env=prod", web + " team=web"),
                rows.stream()
                        .map(r -> r.get("ResourceUuid") + " " + r.get("TagKey") + "=" + r.get("TagValue"))
                        .toList());
    }

    @Test
    void listTagsByResourceIds_ofAnotherResourceType_hasNoRows() {
        String web = launch(List.of(Map.of("Key", "env", "Value", "prod")));
        Object rows = f.client
                .call("ListTagsByResourceIds", Map.of("ResourceType", "volume", "ResourceUuids", web))
                .get("Tags");
        assertEquals(List.of(), rows == null ? List.of() : rows);
    }
}
