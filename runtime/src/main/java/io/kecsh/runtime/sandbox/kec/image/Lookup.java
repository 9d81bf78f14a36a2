package io.kecsh.runtime.sandbox.kec.image;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Image;

/**
 * Finding what a request names. KEC documents no NotFound codes: an unknown or unusable ID is
 * InvalidParameterValue naming the parameter, with the sandbox's reason.
 */
final class Lookup {
    private Lookup() {}

    static Image image(SandboxRequest r, RegionImages images, String param, String id) {
        return image(r, images, param, id, false);
    }

    /** {@code described}: the lookup is a describe, which counts toward describe-driven transitions. */
    static Image image(SandboxRequest r, RegionImages images, String param, String id, boolean described) {
        return images.find(id, described)
                .orElseThrow(() -> r.invalid(param, "There is no image " + id + " in region " + r.region() + "."));
    }

    /** One of the account's own images; a public image is refused ({@code doing}: "removed", "shared" …). */
    static Image ownImage(SandboxRequest r, RegionImages images, String param, String id, String doing) {
        Image image = image(r, images, param, id);
        if (image.isPublic) {
            throw r.invalid(
                    param,
                    "Image " + id + " is a public image; only the account's private images can be " + doing + ".");
        }
        return image;
    }
}
