package io.kecsh.runtime.sandbox.kec.image;

import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.STEP;
import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.protocol.ResponseWriter;
import io.kecsh.runtime.sandbox.state.Image;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DescribeImages keeps each image's view (and its JSON) between calls, DescribeRegions its whole
 * set: every way an image can change must show in the very next full listing, over real HTTP, in
 * JSON and XML, and each answer still carries its own RequestId. Each test lists first, so that
 * the view being checked is a kept one.
 */
class ImageViewCacheSandboxTest {
    private static Map<String, Map<String, Object>> listing(ImageFixture x) {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> i : list(x.client.call("DescribeImages", Map.of()), "ImagesSet"))
            byId.put((String) i.get("ImageId"), i);
        return byId;
    }

    private static String create(ImageFixture x, String name) {
        return (String) x.client
                .call("CreateImage", Map.of("InstanceId", x.instance("active").id, "Name", name))
                .get("ImageId");
    }

    @Test
    void listing_showsACreatedImage_thenEachStateTheClockMovesItTo() {
        try (ImageFixture x = new ImageFixture()) {
            Map<String, Map<String, Object>> before = listing(x);
            String id = create(x, "cached_v1");
            Map<String, Object> queued = listing(x).get(id);
            assertEquals("queued", queued.get("ImageState"));
            assertEquals("0", queued.get("Progress"));
            x.advance(STEP);
            Map<String, Object> saving = listing(x).get(id);
            assertEquals("saving", saving.get("ImageState"));
            assertEquals("50", saving.get("Progress"));
            x.advance(STEP.multipliedBy(3));
            Map<String, Map<String, Object>> after = listing(x);
            assertEquals("active", after.get(id).get("ImageState"));
            assertEquals("100", after.get(id).get("Progress"));
            before.forEach((other, view) -> assertEquals(view, after.get(other), "unchanged images stay as they were"));
        }
    }

    @Test
    void listing_afterRenameAndRemove_showsTheNewNameThenNoImage() {
        try (ImageFixture x = new ImageFixture()) {
            String id = x.activeImage("before_rename");
            assertEquals("before_rename", listing(x).get(id).get("Name"));
            x.client.call("ModifyImageAttribute", Map.of("ImageId", id, "Name", "after_rename"));
            assertEquals("after_rename", listing(x).get(id).get("Name"));
            x.client.call("RemoveImages", Map.of("ImageId", id));
            assertNull(listing(x).get(id));
        }
    }

    @Test
    void listing_afterAChangeMadeStraightInTheState_showsIt() {
        try (ImageFixture x = new ImageFixture()) {
            Image image = x.firstPublicImage();
            assertEquals(20L, listing(x).get(image.id).get("SysDisk"));
            synchronized (x.f.sandbox.state().lock()) {
                image.sizeGb = 40;
                image.isNpe = true;
            }
            Map<String, Object> now = listing(x).get(image.id);
            assertEquals(40L, now.get("SysDisk"));
            assertEquals(true, now.get("IsNpe"));
        }
    }

    @Test
    void listingInXml_afterRename_showsTheNewName_andEachAnswerHasItsOwnRequestId() {
        try (ImageFixture x = new ImageFixture(ClientConfig.builder().json(false))) {
            String id = x.activeImage("xml_before");
            Response first = x.client.call("DescribeImages", Map.of());
            x.client.call("ModifyImageAttribute", Map.of("ImageId", id, "Name", "xml_after"));
            Response second = x.client.call("DescribeImages", Map.of());
            assertEquals(
                    List.of("xml_after"),
                    list(second, "ImagesSet").stream()
                            .filter(i -> id.equals(i.get("ImageId")))
                            .map(i -> i.get("Name"))
                            .toList());
            assertNotEquals(first.requestId(), second.requestId());
        }
    }

    @Test
    void keptViews_writeTheSameBytesAsPlainViews_inJsonAndXml_everyTime() {
        try (ImageFixture x = new ImageFixture()) {
            create(x, "镜像_queued@1");
            ServiceModel model = ServiceModel.bundled();
            ResponseWriter writer = new ResponseWriter(model);
            Operation op = model.requireOperation("DescribeImages");
            ImageViews views = new ImageViews();
            synchronized (x.f.sandbox.state().lock()) {
                List<Image> images = List.copyOf(
                        x.f.sandbox.state().region(ImageFixture.REGION).images.values());
                List<Object> plain =
                        images.stream().map(i -> (Object) ImageView.of(i)).toList();
                for (boolean json : new boolean[] {true, false}) {
                    String expected = new String(
                            writer.success(op, Map.of("ImagesSet", plain), "req-1", json), StandardCharsets.UTF_8);
                    for (int round = 0; round < 2; round++) {
                        List<Object> kept =
                                images.stream().map(i -> (Object) views.of(i)).toList();
                        assertEquals(
                                expected,
                                new String(
                                        writer.success(op, Map.of("ImagesSet", kept), "req-1", json),
                                        StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    @Test
    void describeRegions_inJsonAndXml_answersTheSameRegions_eachWithItsOwnRequestId() {
        try (ImageFixture json = new ImageFixture();
                ImageFixture xml = new ImageFixture(ClientConfig.builder().json(false))) {
            Response a = json.client.call("DescribeRegions", Map.of());
            Response b = json.client.call("DescribeRegions", Map.of());
            Response c = xml.client.call("DescribeRegions", Map.of());
            assertEquals(list(a, "RegionSet"), list(b, "RegionSet"));
            assertEquals(list(a, "RegionSet"), list(c, "RegionSet"));
            assertFalse(list(a, "RegionSet").isEmpty());
            assertNotEquals(a.requestId(), b.requestId());
        }
    }
}
