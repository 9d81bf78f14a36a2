package io.kecsh.runtime.sandbox.kec.image;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Taking an image beyond its region and account: CopyImage to other regions, and sharing with
 * other accounts. Both answer {@code Return} (false when any part failed) and a {@code Message}
 * saying which part failed and why; a request that names an unknown or public image fails whole.
 */
public final class ImageSharingHandlers {
    /** Kingsoft account IDs are numbers (the samples: 2000001278, 73403251). */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{1,20}");

    private ImageSharingHandlers() {}

    public static void register(HandlerRegistry handlers) {
        handlers.on("CopyImage", ImageSharingHandlers::copyImage)
                .on("DescribeImageSharePermission", ImageSharingHandlers::describeSharePermission)
                .on("ModifyImageSharePermission", ImageSharingHandlers::modifySharePermission);
    }

    static Map<String, Object> copyImage(SandboxRequest r, SandboxState state) {
        RegionImages here = ImageHandlers.images(r, state);
        List<String> ids = r.strings("ImageId");
        List<Image> sources = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Image source = Lookup.ownImage(r, here, "ImageId." + (i + 1), ids.get(i), "copied");
            if (!sources.contains(source)) sources.add(source);
        }
        List<String> failures = new ArrayList<>();
        for (Image source : sources) {
            if (!source.inState(ImageLifecycle.ACTIVE)) {
                failures.add("image " + source.id + " is " + source.state + "; only active images can be copied");
                continue;
            }
            String name = r.string("DestinationImageName").orElse(source.name);
            for (String destination : new LinkedHashSet<>(r.strings("DestinationRegion"))) {
                new RegionImages(state.region(destination), state.clock())
                        .receiveCopy(source, r.region(), name, state.ids);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Return", failures.isEmpty());
        result.put("Message", String.join("; ", failures));
        return result;
    }

    static Map<String, Object> describeSharePermission(SandboxRequest r, SandboxState state) {
        Image image =
                Lookup.ownImage(r, ImageHandlers.images(r, state), "ImageId", r.requireString("ImageId"), "shared");
        return Map.of(
                "SharePermissionSet",
                image.sharedWith.stream().map(a -> Map.of("AccountId", a)).toList());
    }

    static Map<String, Object> modifySharePermission(SandboxRequest r, SandboxState state) {
        Image image =
                Lookup.ownImage(r, ImageHandlers.images(r, state), "ImageId", r.requireString("ImageId"), "shared");
        boolean share = "share".equals(r.requireString("Permission"));
        if (share && !image.inState(ImageLifecycle.ACTIVE)) {
            throw r.invalid(
                    "ImageId",
                    "Image " + image.id + " is " + image.state + "; an image can be shared once it is active.");
        }
        List<String> failures = new ArrayList<>();
        for (String account : new LinkedHashSet<>(r.strings("AccountId"))) {
            if (!ACCOUNT_ID.matcher(account).matches()) {
                failures.add("there is no account " + account);
            } else if (share) {
                if (!image.sharedWith.contains(account)) image.sharedWith.add(account);
            } else if (!image.sharedWith.remove(account)) {
                failures.add("image " + image.id + " is not shared with account " + account);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Return", failures.isEmpty());
        if (!failures.isEmpty()) result.put("Message", String.join("; ", failures));
        return result;
    }
}
