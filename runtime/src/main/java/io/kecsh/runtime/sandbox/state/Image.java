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
    public String state;
    public Transition transition;
    public boolean isPublic;
    public String source;
    public String creationDate;
    public String instanceId;
    public String architecture = "x86_64";
    public long sizeGb = 20;
    public boolean cloudInitSupport = true;
    public boolean isNpe;
    public List<String> sharedWith = new ArrayList<>();
    public Map<String, Object> extra = new LinkedHashMap<>();
}
