package io.kecsh.runtime.sandbox.kec.image;

import io.kecsh.runtime.sandbox.state.Ids;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The images of one region and what can happen to them (moto's backend half): the handlers check
 * the request and call these. Every lookup first applies the transitions that are due, so a
 * check never sees a stale state.
 */
final class RegionImages {
    /** Default system-disk size of an imported image when nothing else is known. */
    private static final long LINUX_DISK_GB = 20;

    private static final long WINDOWS_DISK_GB = 50;

    private final RegionState region;
    private final SandboxClock clock;

    RegionImages(RegionState region, SandboxClock clock) {
        this.region = region;
        this.clock = clock;
    }

    /** The image with this ID, as it is now (market images included: they are usable by ID). */
    Optional<Image> find(String id) {
        return find(id, false);
    }

    /** The same, as a describe sees it ({@code described}: counts toward describe-driven transitions). */
    Optional<Image> find(String id, boolean described) {
        Image image = region.images.get(id);
        if (image != null) ImageLifecycle.settle(image, clock, described);
        return Optional.ofNullable(image);
    }

    /** What DescribeImages lists without an ImageId: public and own images, not the market's. */
    List<Image> describeAll() {
        List<Image> listed = new ArrayList<>();
        for (Image image : region.images.values()) {
            if (image.market) continue;
            ImageLifecycle.settle(image, clock, true);
            listed.add(image);
        }
        return listed;
    }

    /** CreateImage: a private image of the instance's system volume. */
    Image createFrom(Instance instance, String name, Ids ids) {
        Image base = instance.imageId == null ? null : region.images.get(instance.imageId);
        Image image = new Image();
        image.id = ids.uuid();
        image.name = name;
        image.platform = base != null ? base.platform : "other-linux";
        image.architecture = base != null ? base.architecture : "x86_64";
        image.cloudInitSupport = base == null || base.cloudInitSupport;
        image.sizeGb =
                instance.systemDiskSize > 0 ? instance.systemDiskSize : base != null ? base.sizeGb : LINUX_DISK_GB;
        image.isNpe = instance.sriovNetSupport || (base != null && base.isNpe);
        image.isPublic = false;
        image.source = "extend";
        image.instanceId = instance.id;
        ImageLifecycle.begin(image, clock);
        region.images.put(image.id, image);
        return image;
    }

    /** ImportImage: a private image made from a file in a KS3 bucket. */
    Image importFile(String name, String platform, String architecture, String url, String format, Ids ids) {
        Image image = new Image();
        image.id = ids.uuid();
        image.name = name;
        image.platform = platform;
        image.architecture = architecture;
        image.sizeGb = platform.toLowerCase(Locale.ROOT).startsWith("windows") ? WINDOWS_DISK_GB : LINUX_DISK_GB;
        image.cloudInitSupport = false;
        image.isPublic = false;
        image.source = "import";
        image.importUrl = url;
        image.importFormat = format;
        ImageLifecycle.begin(image, clock);
        region.images.put(image.id, image);
        return image;
    }

    /** CopyImage: this region receives a copy of {@code source} from {@code sourceRegion}. */
    Image receiveCopy(Image source, String sourceRegion, String name, Ids ids) {
        Image image = new Image();
        image.id = ids.uuid();
        image.name = name;
        image.platform = source.platform;
        image.architecture = source.architecture;
        image.sizeGb = source.sizeGb;
        image.cloudInitSupport = source.cloudInitSupport;
        image.isNpe = source.isNpe;
        image.isPublic = false;
        image.source = "copy";
        image.instanceId = source.instanceId;
        image.copiedFromImageId = source.id;
        image.copiedFromRegion = sourceRegion;
        ImageLifecycle.begin(image, clock);
        region.images.put(image.id, image);
        return image;
    }

    /** An instance that still runs from this image (the recycle bin and deleted instances do not count). */
    Optional<Instance> liveUserOf(String imageId) {
        for (Instance instance : region.instances.values()) {
            if (imageId.equals(instance.imageId) && !instance.inState("recycling", "deleted"))
                return Optional.of(instance);
        }
        return Optional.empty();
    }

    void remove(String imageId) {
        region.images.remove(imageId);
    }
}
