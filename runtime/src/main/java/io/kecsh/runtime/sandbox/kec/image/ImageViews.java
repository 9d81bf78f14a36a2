package io.kecsh.runtime.sandbox.kec.image;

import io.kecsh.runtime.protocol.PreparedItem;
import io.kecsh.runtime.sandbox.state.Image;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The view of each image as last answered by DescribeImages, kept so that an unchanged image is
 * not typed by the model and written as JSON again on every call (the response writer keeps a
 * {@link PreparedItem}'s JSON). Whether it changed is read from the image itself on every call:
 * its plain view is built again (a dozen fields) and compared with the kept one, so a rename, a
 * removal, a state the clock moved on, a test's direct change all show, with no version for every
 * writer to remember to bump.
 *
 * <p>One per sandbox (its handlers); bounded, the least recently answered dropped first.
 */
final class ImageViews {
    static final int LIMIT = 4096;

    private final Map<Image, PreparedItem> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Image, PreparedItem> eldest) {
            return size() > LIMIT;
        }
    };

    /** The image's view: the kept one when the view built now is the same (members, values, order). */
    synchronized PreparedItem of(Image image) {
        Map<String, Object> now = ImageView.of(image);
        PreparedItem known = kept.get(image);
        if (known != null && known.sameAs(now)) return known;
        PreparedItem fresh = PreparedItem.of(now);
        kept.put(image, fresh);
        return fresh;
    }
}
