package io.kecsh.runtime.sandbox.kec.image;

import io.kecsh.runtime.model.Precondition;
import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The image actions of one region: create from an instance, import, describe, rename, remove.
 * Thin: each checks what the request refers to and lets {@link RegionImages} change the state.
 */
public final class ImageHandlers {
    private ImageHandlers() {}

    public static void register(HandlerRegistry handlers) {
        ImageViews views = new ImageViews(); // this sandbox's kept image views
        handlers.on("CreateImage", ImageHandlers::createImage)
                .on("DescribeImages", (r, state) -> describeImages(r, state, views))
                .on("RemoveImages", ImageHandlers::removeImages)
                .on("ModifyImageAttribute", ImageHandlers::modifyImageAttribute)
                .on("ImportImage", ImageHandlers::importImage);
    }

    static Map<String, Object> createImage(SandboxRequest r, SandboxState state) {
        String instanceId = r.requireString("InstanceId");
        Instance instance = state.region(r.region()).instances.get(instanceId);
        if (instance == null || instance.inState("deleted")) {
            throw r.invalid("InstanceId", "There is no instance " + instanceId + " in region " + r.region() + ".");
        }
        for (Precondition p : r.operation().preconditions()) {
            if (p.when() == null && !p.states().contains(instance.state)) {
                throw r.invalid(
                        "InstanceId",
                        "Instance " + instanceId + " is " + instance.state
                                + "; an image can be created only from an instance that is "
                                + String.join(" or ", p.states()) + ".");
            }
        }
        Image image = images(r, state).createFrom(instance, r.requireString("Name"), state.ids);
        return Map.of("ImageId", image.id);
    }

    static Map<String, Object> describeImages(SandboxRequest r, SandboxState state, ImageViews views) {
        RegionImages images = images(r, state);
        List<Image> listed = r.string("ImageId")
                .map(id -> List.of(Lookup.image(r, images, "ImageId", id, true)))
                .orElseGet(images::describeAll);
        return Map.of("ImagesSet", listed.stream().map(views::of).toList());
    }

    static Map<String, Object> removeImages(SandboxRequest r, SandboxState state) {
        RegionImages images = images(r, state);
        Image image = Lookup.ownImage(r, images, "ImageId", r.requireString("ImageId"), "removed");
        images.liveUserOf(image.id).ifPresent(user -> {
            throw r.invalid(
                    "ImageId",
                    "Image " + image.id + " is in use by instance " + user.id + " (" + user.state
                            + "); terminate the instances launched from it first.");
        });
        images.remove(image.id);
        return Map.of("ReturnSet", List.of(Map.of("ImageId", image.id, "Return", true)));
    }

    static Map<String, Object> modifyImageAttribute(SandboxRequest r, SandboxState state) {
        Image image = Lookup.ownImage(r, images(r, state), "ImageId", r.requireString("ImageId"), "modified");
        image.name = r.requireString("Name");
        return Map.of("Return", true);
    }

    static Map<String, Object> importImage(SandboxRequest r, SandboxState state) {
        String url = r.requireString("ImageUrl");
        if (!isBucketObject(url)) {
            throw r.invalid(
                    "ImageUrl",
                    url + " is not the address of a file in a KS3 bucket"
                            + " (http://<bucket>.ks3-<region>.ksyun.com/<file>).");
        }
        Image image = images(r, state)
                .importFile(
                        r.requireString("ImageName"),
                        r.requireString("Platform"),
                        r.requireString("Architecture"),
                        url,
                        r.requireString("ImageFormat"),
                        state.ids);
        return Map.of("ImageId", image.id);
    }

    /** An http(s) address whose host is a KS3 endpoint and whose path names a file. */
    static boolean isBucketObject(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String path = uri.getPath() == null ? "" : uri.getPath();
            return (scheme.equals("http") || scheme.equals("https"))
                    && host.contains("ks3")
                    && path.length() > 1
                    && !path.endsWith("/");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static RegionImages images(SandboxRequest r, SandboxState state) {
        return new RegionImages(state.region(r.region()), state.clock());
    }
}
