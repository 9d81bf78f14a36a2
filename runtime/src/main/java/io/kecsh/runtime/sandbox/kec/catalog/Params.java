package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.util.Set;

/** What several catalogue handlers read from a call: a parameter or the model's documented default, an image it names. */
final class Params {
    private static final Set<String> GONE_IMAGE_STATES = Set.of("deleted", "killed", "pending_delete");

    private Params() {}

    /** The parameter as given, else the default the model documents for it. */
    static String stringOrDefault(SandboxRequest request, String name) {
        return request.string(name).orElseGet(() -> String.valueOf(documentedDefault(request, name)));
    }

    static long numberOrDefault(SandboxRequest request, String name) {
        return request.number(name).orElseGet(() -> ((Number) documentedDefault(request, name)).longValue());
    }

    private static Object documentedDefault(SandboxRequest request, String name) {
        return request.operation()
                .param(name)
                .flatMap(Member::defaultValue)
                .orElseThrow(() -> new IllegalStateException(
                        "the model documents no default for " + request.action() + "." + name));
    }

    /** The image named by ImageId, or InvalidParameterValue naming it when the region has no such image (any more). */
    static Image image(SandboxRequest request, RegionState region) {
        String id = request.requireString("ImageId");
        Image image = region.images.get(id);
        if (image == null || GONE_IMAGE_STATES.contains(image.state)) {
            throw new InvalidValue("ImageId", "There is no image " + id + " in " + region.name + ".");
        }
        return image;
    }
}
