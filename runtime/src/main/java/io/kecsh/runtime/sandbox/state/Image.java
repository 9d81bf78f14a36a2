package io.kecsh.runtime.sandbox.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An image: public (seeded) or the account's own (created, imported, copied, shared). Plain data. */
public final class Image {
    public String id;
    public String name;
    public String platform;
    /** queued | saving | active (the ImageState enumeration, lower case). */
    public String state;

    public Transition transition;
    public boolean isPublic;
    /** import | copy | share | extend | system (ImageSource). */
    public String source;

    public String creationDate;
    public String instanceId;
    public String architecture = "x86_64";
    public long sizeGb = 20;
    public boolean cloudInitSupport = true;
    public boolean isNpe;
    public List<String> sharedWith = new ArrayList<>();
    /** A cloud-market image: usable by ID, listed by QueryImageList, not in the full DescribeImages list. */
    public boolean market;
    /** CopyImage: the image and region this one was copied from. */
    public String copiedFromImageId;

    public String copiedFromRegion;
    /** ImportImage: where the file came from and its format. */
    public String importUrl;

    public String importFormat;
    public Map<String, Object> extra = new LinkedHashMap<>();

    public boolean inState(String... states) {
        for (String s : states) if (s.equals(state)) return true;
        return false;
    }
}
