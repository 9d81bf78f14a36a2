package io.kecsh.runtime.sandbox.kec.image;

import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.STEP;
import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.describeImage;
import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.list;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.Instance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageSharingHandlersTest {
    @Test
    void copyImage_toAnotherRegion_makesACopyThereThatBecomesActive() {
        try (ImageFixture x = new ImageFixture();
                CloudClient shanghai = x.clientIn("cn-shanghai-2")) {
            String id = x.activeImage("golden");
            Response r = x.client.call(
                    "CopyImage", Map.of("ImageId", List.of(id), "DestinationRegion", List.of("cn-shanghai-2")));
            assertEquals(true, r.get("Return"));
            assertEquals("", r.get("Message"));

            List<Map<String, Object>> there = list(shanghai.call("DescribeImages", Map.of()), "ImagesSet").stream()
                    .filter(i -> Boolean.FALSE.equals(i.get("IsPublic")))
                    .toList();
            assertEquals(1, there.size());
            Map<String, Object> copy = there.get(0);
            assertEquals("golden", copy.get("Name"));
            assertEquals("copy", copy.get("ImageSource"));
            assertEquals("queued", copy.get("ImageState"));
            assertEquals(describeImage(x.client, id).get("Platform"), copy.get("Platform"));

            x.advance(STEP.multipliedBy(4));
            assertEquals(
                    "active",
                    describeImage(shanghai, (String) copy.get("ImageId")).get("ImageState"));
            assertEquals(
                    1,
                    list(x.client.call("DescribeImages", Map.of()), "ImagesSet").stream()
                            .filter(i -> Boolean.FALSE.equals(i.get("IsPublic")))
                            .count(),
                    "the source region keeps only the original");
        }
    }

    @Test
    void copyImage_severalRegionsAndANewName_copiesToEachRegionOnce() {
        try (ImageFixture x = new ImageFixture();
                CloudClient guangzhou = x.clientIn("cn-guangzhou-1");
                CloudClient hongkong = x.clientIn("cn-hongkong-2")) {
            String id = x.activeImage("golden");
            Response r = x.client.call(
                    "CopyImage",
                    Map.of(
                            "ImageId",
                            List.of(id),
                            "DestinationRegion",
                            List.of("cn-guangzhou-1", "cn-hongkong-2", "cn-guangzhou-1"),
                            "DestinationImageName",
                            "golden_copy"));
            assertEquals(true, r.get("Return"));
            for (CloudClient c : List.of(guangzhou, hongkong)) {
                List<Object> names = list(c.call("DescribeImages", Map.of()), "ImagesSet").stream()
                        .filter(i -> Boolean.FALSE.equals(i.get("IsPublic")))
                        .map(i -> i.get("Name"))
                        .toList();
                assertEquals(List.of("golden_copy"), names);
            }
        }
    }

    @Test
    void copyImage_imageStillSaving_answersFalseWithTheReasonAndCopiesTheOthers() {
        try (ImageFixture x = new ImageFixture();
                CloudClient shanghai = x.clientIn("cn-shanghai-2")) {
            String ready = x.activeImage("ready");
            Instance source = x.instance("active");
            String saving = (String) x.client
                    .call("CreateImage", Map.of("InstanceId", source.id, "Name", "not_yet"))
                    .get("ImageId");
            Response r = x.client.call(
                    "CopyImage",
                    Map.of("ImageId", List.of(saving, ready), "DestinationRegion", List.of("cn-shanghai-2")));
            assertEquals(false, r.get("Return"));
            assertEquals("image " + saving + " is queued; only active images can be copied", r.get("Message"));
            List<Object> names = list(shanghai.call("DescribeImages", Map.of()), "ImagesSet").stream()
                    .filter(i -> Boolean.FALSE.equals(i.get("IsPublic")))
                    .map(i -> i.get("Name"))
                    .toList();
            assertEquals(List.of("ready"), names);
        }
    }

    @Test
    void copyImage_publicImage_isInvalidAndNamesTheItem() {
        try (ImageFixture x = new ImageFixture()) {
            String own = x.activeImage("own");
            String pub = x.firstPublicImage().id;
            x.invalid(
                    "CopyImage",
                    Map.of("ImageId", List.of(own, pub), "DestinationRegion", List.of("cn-shanghai-2")),
                    "ImageId.2",
                    "Image " + pub + " is a public image; only the account's private images can be copied.");
        }
    }

    @Test
    void copyImage_unknownImage_isInvalidAndCopiesNothing() {
        try (ImageFixture x = new ImageFixture();
                CloudClient shanghai = x.clientIn("cn-shanghai-2")) {
            String own = x.activeImage("own");
            x.invalid(
                    "CopyImage",
                    Map.of(
                            "ImageId",
                            List.of(own, "cc27b87a-b74c-4da8-93b0-33edce5399cf"),
                            "DestinationRegion",
                            List.of("cn-shanghai-2")),
                    "ImageId.2",
                    "There is no image cc27b87a-b74c-4da8-93b0-33edce5399cf");
            assertEquals(
                    4,
                    list(shanghai.call("DescribeImages", Map.of()), "ImagesSet").size());
        }
    }

    @Test
    void modifyImageSharePermission_shareThenCancel_isWhatDescribeShows() {
        try (ImageFixture x = new ImageFixture()) {
            String id = x.activeImage("shared");
            assertEquals(
                    List.of(),
                    list(x.client.call("DescribeImageSharePermission", Map.of("ImageId", id)), "SharePermissionSet"));

            Response shared = x.client.call(
                    "ModifyImageSharePermission",
                    Map.of(
                            "ImageId",
                            id,
                            "Permission",
                            "share",
                            "AccountId",
                            List.of("73403251", "2000001278", "73403251")));
            assertEquals(true, shared.get("Return"));
            assertEquals(null, shared.get("Message"));
            assertEquals(
                    List.of(Map.of("AccountId", "73403251"), Map.of("AccountId", "2000001278")),
                    list(x.client.call("DescribeImageSharePermission", Map.of("ImageId", id)), "SharePermissionSet"));

            assertEquals(
                    true,
                    x.client
                            .call(
                                    "ModifyImageSharePermission",
                                    Map.of("ImageId", id, "Permission", "share", "AccountId", List.of("73403251")))
                            .get("Return"),
                    "sharing again with the same account changes nothing");
            assertEquals(
                    true,
                    x.client
                            .call(
                                    "ModifyImageSharePermission",
                                    Map.of("ImageId", id, "Permission", "cancel", "AccountId", List.of("73403251")))
                            .get("Return"));
            assertEquals(
                    List.of(Map.of("AccountId", "2000001278")),
                    list(x.client.call("DescribeImageSharePermission", Map.of("ImageId", id)), "SharePermissionSet"));
        }
    }

    @Test
    void modifyImageSharePermission_someAccountsFail_answersFalseWithTheReasons() {
        try (ImageFixture x = new ImageFixture()) {
            String id = x.activeImage("partly");
            Response share = x.client.call(
                    "ModifyImageSharePermission",
                    Map.of("ImageId", id, "Permission", "share", "AccountId", List.of("73403251", "not-an-account")));
            assertEquals(false, share.get("Return"));
            assertEquals("there is no account not-an-account", share.get("Message"));
            Response cancel = x.client.call(
                    "ModifyImageSharePermission",
                    Map.of("ImageId", id, "Permission", "cancel", "AccountId", List.of("2000001278", "73403251")));
            assertEquals(false, cancel.get("Return"));
            assertEquals("image " + id + " is not shared with account 2000001278", cancel.get("Message"));
            assertEquals(
                    List.of(),
                    list(x.client.call("DescribeImageSharePermission", Map.of("ImageId", id)), "SharePermissionSet"));
        }
    }

    @Test
    void modifyImageSharePermission_publicOrUnfinishedImage_isInvalidImageId() {
        try (ImageFixture x = new ImageFixture()) {
            String pub = x.firstPublicImage().id;
            x.invalid(
                    "ModifyImageSharePermission",
                    Map.of("ImageId", pub, "Permission", "share", "AccountId", List.of("73403251")),
                    "ImageId",
                    "is a public image; only the account's private images can be shared.");
            Instance source = x.instance("active");
            String queued = (String) x.client
                    .call("CreateImage", Map.of("InstanceId", source.id, "Name", "unfinished"))
                    .get("ImageId");
            x.invalid(
                    "ModifyImageSharePermission",
                    Map.of("ImageId", queued, "Permission", "share", "AccountId", List.of("73403251")),
                    "ImageId",
                    "is queued; an image can be shared once it is active.");
        }
    }

    @Test
    void describeImageSharePermission_unknownOrPublicImage_isInvalidImageId() {
        try (ImageFixture x = new ImageFixture()) {
            x.invalid(
                    "DescribeImageSharePermission",
                    Map.of("ImageId", "cc27b87a-b74c-4da8-93b0-33edce5399cf"),
                    "ImageId",
                    "There is no image cc27b87a-b74c-4da8-93b0-33edce5399cf in region cn-beijing-6.");
            x.invalid(
                    "DescribeImageSharePermission",
                    Map.of("ImageId", x.firstPublicImage().id),
                    "ImageId",
                    "is a public image");
        }
    }
}
