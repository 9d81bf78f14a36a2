package io.kecsh.runtime.sandbox.kec.image;

import io.kecsh.runtime.sandbox.state.Image;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** An image as the Image type (§5) describes it, for DescribeImages. */
final class ImageView {
    private ImageView() {}

    /**
     * The Image members. ImageState: the enumeration's lower case for the account's own images,
     * upper case for public ones, as every document sample shows them (main: a public image,
     * {@code ACTIVE}; 0530: {@code active} for a private image, {@code ACTIVE} for a public one).
     */
    static Map<String, Object> of(Image image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", image.name);
        m.put("ImageId", image.id);
        m.put("CreationDate", image.creationDate);
        m.put("IsPublic", image.isPublic);
        m.put("Platform", image.platform);
        m.put("ImageState", image.isPublic ? image.state.toUpperCase(Locale.ROOT) : image.state);
        m.put("InstanceId", image.instanceId == null ? "" : image.instanceId);
        m.put("IsNpe", image.isNpe);
        m.put("Progress", ImageLifecycle.progress(image));
        m.put("ImageSource", image.source);
        m.put("CloudInitSupport", image.cloudInitSupport);
        m.put("UserCategory", "common");
        m.put("SysDisk", image.sizeGb);
        return m;
    }
}
