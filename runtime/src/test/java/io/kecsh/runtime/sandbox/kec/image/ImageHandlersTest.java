package io.kecsh.runtime.sandbox.kec.image;

import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.STEP;
import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.describeImage;
import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.validate.ValidationException;
import io.kecsh.runtime.waiter.WaitOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageHandlersTest {
    @Test
    void createImage_activeInstance_isQueuedThenSavingThenActive() {
        try (ImageFixture x = new ImageFixture()) {
            Instance source = x.instance("active");
            Image base = x.firstPublicImage();
            String id = (String) x.client
                    .call("CreateImage", Map.of("InstanceId", source.id, "Name", "web_v1.0"))
                    .get("ImageId");
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);

            Map<String, Object> queued = describeImage(x.client, id);
            assertEquals("queued", queued.get("ImageState"));
            assertEquals("0", queued.get("Progress"));
            assertEquals("web_v1.0", queued.get("Name"));
            assertEquals(false, queued.get("IsPublic"));
            assertEquals("extend", queued.get("ImageSource"));
            assertEquals(source.id, queued.get("InstanceId"));
            assertEquals(base.platform, queued.get("Platform"));
            assertEquals("2026-11-22T04:00:00Z", queued.get("CreationDate"));
            assertEquals(20L, queued.get("SysDisk"));

            x.advance(STEP);
            Map<String, Object> saving = describeImage(x.client, id);
            assertEquals("saving", saving.get("ImageState"));
            assertEquals("50", saving.get("Progress"));

            x.advance(STEP.multipliedBy(2));
            assertEquals("saving", describeImage(x.client, id).get("ImageState"), "saving takes three steps");
            x.advance(STEP);
            Map<String, Object> active = describeImage(x.client, id);
            assertEquals("active", active.get("ImageState"));
            assertEquals("100", active.get("Progress"));
        }
    }

    @Test
    void createImage_clockFarAhead_goesStraightToActive() {
        try (ImageFixture x = new ImageFixture()) {
            Instance source = x.instance("stopped");
            String id = (String) x.client
                    .call("CreateImage", Map.of("InstanceId", source.id, "Name", "stopped_copy"))
                    .get("ImageId");
            x.advance(STEP.multipliedBy(10));
            assertEquals("active", describeImage(x.client, id).get("ImageState"));
        }
    }

    @Test
    void createImage_instanceNeitherActiveNorStopped_isInvalidInstanceId() {
        try (ImageFixture x = new ImageFixture()) {
            Instance building = x.instance("building");
            x.invalid(
                    "CreateImage",
                    Map.of("InstanceId", building.id, "Name", "too_early"),
                    "InstanceId",
                    "is building; an image can be created only from an instance that is active or stopped");
        }
    }

    @Test
    void createImage_unknownInstance_isInvalidInstanceId() {
        try (ImageFixture x = new ImageFixture()) {
            x.invalid(
                    "CreateImage",
                    Map.of("InstanceId", "00000000-0000-4000-8000-000000000000", "Name", "nothing"),
                    "InstanceId",
                    "There is no instance 00000000-0000-4000-8000-000000000000 in region cn-beijing-6.");
        }
    }

    @Test
    void createImage_nameWithHyphen_isRefusedBeforeSending() {
        try (ImageFixture x = new ImageFixture()) {
            Instance source = x.instance("active");
            ValidationException e = assertThrows(
                    ValidationException.class,
                    () -> x.client.call("CreateImage", Map.of("InstanceId", source.id, "Name", "web-v1")));
            assertTrue(e.getMessage().contains("Name"), e.getMessage());
        }
    }

    @Test
    void imageAvailableWaiter_afterCreateImage_succeedsOnceTheDescribesHaveSeenItSaved() {
        try (ImageFixture x = new ImageFixture()) {
            // the waiter's sleeps move the sandbox clock; a long delay leaves the describes to finish the saving
            x.f.sandbox.clock().completeAfterDescribes(1).transitionDelay(Duration.ofHours(1));
            Instance source = x.instance("active");
            String id = (String) x.client
                    .call("CreateImage", Map.of("InstanceId", source.id, "Name", "waited"))
                    .get("ImageId");
            Map<String, Object> done = x.client.waitFor(
                    "ImageAvailable",
                    Map.of("ImageId", id),
                    WaitOptions.defaultsFor(x.client.waiter("ImageAvailable")));
            assertEquals("active", list(done, "ImagesSet").get(0).get("ImageState"));
            // queued → saving after one describe has seen it, saving → active after three more (saving is 3× slower)
            assertEquals(5, x.f.sleeps.size(), x.f.sleeps.toString());
        }
    }

    @Test
    void imageAvailableWaiter_clockAdvancedPastSaving_succeedsAtOnce() {
        try (ImageFixture x = new ImageFixture()) {
            Instance source = x.instance("active");
            String id = (String) x.client
                    .call("CreateImage", Map.of("InstanceId", source.id, "Name", "later"))
                    .get("ImageId");
            x.advance(STEP.multipliedBy(4));
            x.client.waitFor(
                    "ImageAvailable",
                    Map.of("ImageId", id),
                    WaitOptions.defaultsFor(x.client.waiter("ImageAvailable")));
            assertTrue(x.f.sleeps.isEmpty());
        }
    }

    @Test
    void describeImages_noImageId_listsPublicAndOwnImagesButNotTheMarket() {
        try (ImageFixture x = new ImageFixture()) {
            String own = x.activeImage("mine");
            List<Map<String, Object>> set = list(x.client.call("DescribeImages", Map.of()), "ImagesSet");
            assertEquals(5, set.size(), "four public images and the account's own");
            List<Map<String, Object>> publics = set.stream()
                    .filter(i -> Boolean.TRUE.equals(i.get("IsPublic")))
                    .toList();
            assertEquals(
                    List.of("CentOS-7.6 64位", "CentOS-7.9 64位", "Ubuntu-22.04 64位", "Windows Server 2019 数据中心版 64位中文版"),
                    publics.stream().map(i -> i.get("Name")).toList());
            publics.forEach(i -> {
                assertEquals("ACTIVE", i.get("ImageState"), "public images as the samples show them");
                assertEquals("system", i.get("ImageSource"));
            });
            assertEquals(own, set.get(4).get("ImageId"));
            assertEquals("active", set.get(4).get("ImageState"));
            assertFalse(set.stream()
                    .anyMatch(i -> CloudMarket.items().stream()
                            .anyMatch(m -> m.get("ImageId").equals(i.get("ImageId")))));
        }
    }

    @Test
    void describeImages_marketImageId_isDescribedAsAPublicImage() {
        try (ImageFixture x = new ImageFixture()) {
            Map<String, Object> market = describeImage(x.client, "1cb66f25-37ff-4b6b-892f-67edd1a4b047");
            assertEquals("JumpServer 堡垒机订阅服务（企业版）", market.get("Name"));
            assertEquals("centos-7.5", market.get("Platform"));
            assertEquals(true, market.get("IsPublic"));
            assertEquals("ACTIVE", market.get("ImageState"));
        }
    }

    @Test
    void describeImages_unknownImageId_isInvalidImageId() {
        try (ImageFixture x = new ImageFixture()) {
            x.invalid(
                    "DescribeImages",
                    Map.of("ImageId", "15754278-6194-4b29-a3cd-677182c69b77"),
                    "ImageId",
                    "There is no image 15754278-6194-4b29-a3cd-677182c69b77 in region cn-beijing-6.");
        }
    }

    @Test
    void describeImages_asXml_carriesTheSameImages() {
        try (ImageFixture x = new ImageFixture(ClientConfig.builder().json(false))) {
            String own = x.activeImage("xml_image");
            Response r = x.client.call("DescribeImages", Map.of());
            List<Map<String, Object>> set = list(r, "ImagesSet");
            assertEquals(5, set.size());
            Map<String, Object> mine = set.get(4);
            assertEquals(own, mine.get("ImageId"));
            assertEquals("xml_image", mine.get("Name"));
            assertEquals(false, mine.get("IsPublic"));
            assertEquals("active", mine.get("ImageState"));
            assertEquals(20L, mine.get("SysDisk"));
            assertEquals("ACTIVE", set.get(0).get("ImageState"));
            assertTrue(r.requestId() != null && !r.requestId().isEmpty());
        }
    }

    @Test
    void removeImages_ownImage_isGoneAndReported() {
        try (ImageFixture x = new ImageFixture()) {
            String id = x.activeImage("to_remove");
            Response r = x.client.call("RemoveImages", Map.of("ImageId", id));
            assertEquals(List.of(Map.of("ImageId", id, "Return", true)), list(r, "ReturnSet"));
            x.invalid("DescribeImages", Map.of("ImageId", id), "ImageId", "There is no image " + id);
            assertEquals(
                    4,
                    list(x.client.call("DescribeImages", Map.of()), "ImagesSet").size());
        }
    }

    @Test
    void removeImages_publicImage_isInvalidImageId() {
        try (ImageFixture x = new ImageFixture()) {
            String id = x.firstPublicImage().id;
            x.invalid(
                    "RemoveImages",
                    Map.of("ImageId", id),
                    "ImageId",
                    "Image " + id + " is a public image; only the account's private images can be removed.");
        }
    }

    @Test
    void removeImages_imageALiveInstanceRunsFrom_isRefusedUntilTheInstanceIsRecycled() {
        try (ImageFixture x = new ImageFixture()) {
            String id = x.activeImage("in_use");
            Instance user = x.instance("active", i -> i.imageId = id);
            x.invalid(
                    "RemoveImages", Map.of("ImageId", id), "ImageId", "is in use by instance " + user.id + " (active)");
            x.setState(user, "recycling");
            assertEquals(
                    true,
                    list(x.client.call("RemoveImages", Map.of("ImageId", id)), "ReturnSet")
                            .get(0)
                            .get("Return"));
        }
    }

    @Test
    void removeImages_unknownImage_isInvalidImageId() {
        try (ImageFixture x = new ImageFixture()) {
            x.invalid(
                    "RemoveImages",
                    Map.of("ImageId", "15754278-6194-4b29-a3cd-677182c69b77"),
                    "ImageId",
                    "There is no image");
        }
    }

    @Test
    void modifyImageAttribute_ownImage_isRenamed() {
        try (ImageFixture x = new ImageFixture()) {
            String id = x.activeImage("old_name");
            assertEquals(
                    true,
                    x.client
                            .call("ModifyImageAttribute", Map.of("ImageId", id, "Name", "new-name.2"))
                            .get("Return"));
            assertEquals("new-name.2", describeImage(x.client, id).get("Name"));
        }
    }

    @Test
    void modifyImageAttribute_publicImage_isInvalidImageId() {
        try (ImageFixture x = new ImageFixture()) {
            String id = x.firstPublicImage().id;
            x.invalid(
                    "ModifyImageAttribute",
                    Map.of("ImageId", id, "Name", "mine_now"),
                    "ImageId",
                    "is a public image; only the account's private images can be modified.");
        }
    }

    @Test
    void importImage_ks3File_becomesAnActiveImportedImage() {
        try (ImageFixture x = new ImageFixture()) {
            String id = (String) x.client
                    .call(
                            "ImportImage",
                            Map.of(
                                    "ImageName",
                                    "测试导入镜像",
                                    "ImageUrl",
                                    "http://mybucket.ks3-cn-beijing.ksyun.com/centos6_5_64.raw",
                                    "ImageFormat",
                                    "raw",
                                    "Platform",
                                    "centos-6",
                                    "Architecture",
                                    "x86_64"))
                    .get("ImageId");
            Map<String, Object> queued = describeImage(x.client, id);
            assertEquals("queued", queued.get("ImageState"));
            assertEquals("import", queued.get("ImageSource"));
            assertEquals("centos-6", queued.get("Platform"));
            assertEquals("测试导入镜像", queued.get("Name"));
            assertEquals("", queued.get("InstanceId"));
            x.advance(STEP.multipliedBy(4));
            assertEquals("active", describeImage(x.client, id).get("ImageState"));
        }
    }

    @Test
    void importImage_windowsPlatform_hasAFiftyGigabyteSystemDisk() {
        try (ImageFixture x = new ImageFixture()) {
            String id = (String) x.client
                    .call(
                            "ImportImage",
                            Map.of(
                                    "ImageName",
                                    "win2012",
                                    "ImageUrl",
                                    "https://images.ks3-cn-shanghai.ksyuncs.com/win/2012.vhd",
                                    "ImageFormat",
                                    "vhd",
                                    "Platform",
                                    "windows-server_2012_r2_datacenter_64_zh",
                                    "Architecture",
                                    "x86_64"))
                    .get("ImageId");
            assertEquals(50L, describeImage(x.client, id).get("SysDisk"));
        }
    }

    @Test
    void importImage_addressOutsideKs3_isInvalidImageUrl() {
        try (ImageFixture x = new ImageFixture()) {
            x.invalid(
                    "ImportImage",
                    Map.of(
                            "ImageName",
                            "elsewhere",
                            "ImageUrl",
                            "http://example.com/centos.raw",
                            "ImageFormat",
                            "raw",
                            "Platform",
                            "centos-7",
                            "Architecture",
                            "x86_64"),
                    "ImageUrl",
                    "http://example.com/centos.raw is not the address of a file in a KS3 bucket");
            x.invalid(
                    "ImportImage",
                    Map.of(
                            "ImageName",
                            "bucket_only",
                            "ImageUrl",
                            "http://mybucket.ks3-cn-beijing.ksyun.com/",
                            "ImageFormat",
                            "raw",
                            "Platform",
                            "centos-7",
                            "Architecture",
                            "x86_64"),
                    "ImageUrl",
                    "is not the address of a file");
        }
    }

    @Test
    void importImage_undocumentedPlatform_isRefusedBeforeSending() {
        try (ImageFixture x = new ImageFixture()) {
            assertThrows(
                    ValidationException.class,
                    () -> x.client.call(
                            "ImportImage",
                            Map.of(
                                    "ImageName",
                                    "arch",
                                    "ImageUrl",
                                    "http://b.ks3-cn-beijing.ksyun.com/a.raw",
                                    "ImageFormat",
                                    "raw",
                                    "Platform",
                                    "archlinux",
                                    "Architecture",
                                    "x86_64")));
        }
    }
}
