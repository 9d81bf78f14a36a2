package io.kecsh.runtime.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parameter, a response member, or an item of either: its type and every documented constraint.
 * Lists carry an item {@link #member()}, structures their {@link #members()} in document order.
 */
public final class Member {
    private final String name;
    private final MemberType type;
    private final boolean required;
    private final String doc;
    private final String docZh;
    private final String enumName;
    private final String format;
    private final Pattern pattern;
    private final BigDecimal min;
    private final BigDecimal max;
    private final Integer minLength;
    private final Integer maxLength;
    private final Integer maxBytes;
    private final Integer maxDecimals;
    private final boolean clampMax;
    private final Object defaultValue;
    private final Member member;
    private final Map<String, Member> members;
    private final Integer minItems;
    private final Integer maxItems;
    private final String shapeName;
    private final boolean sensitive;
    private final boolean legacy;
    private final List<String> ignoredFor;
    private final List<Decision> decisions;
    private final MemberType wireType;
    private final String wireTypeSource;

    private Member(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.required = b.required;
        this.doc = b.doc;
        this.docZh = b.docZh;
        this.enumName = b.enumName;
        this.format = b.format;
        this.pattern = b.pattern == null ? null : Pattern.compile(b.pattern);
        this.min = b.min;
        this.max = b.max;
        this.minLength = b.minLength;
        this.maxLength = b.maxLength;
        this.maxBytes = b.maxBytes;
        this.maxDecimals = b.maxDecimals;
        this.clampMax = b.clampMax;
        this.defaultValue = b.defaultValue;
        this.member = b.member;
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(b.members));
        this.minItems = b.minItems;
        this.maxItems = b.maxItems;
        this.shapeName = b.shapeName;
        this.sensitive = b.sensitive;
        this.legacy = b.legacy;
        this.ignoredFor = List.copyOf(b.ignoredFor);
        this.decisions = List.copyOf(b.decisions);
        this.wireType = b.wireType;
        this.wireTypeSource = b.wireTypeSource;
    }

    public String name() {
        return name;
    }

    public MemberType type() {
        return type;
    }

    public boolean required() {
        return required;
    }

    public String doc() {
        return doc;
    }

    public String docZh() {
        return docZh;
    }

    public Optional<String> enumName() {
        return Optional.ofNullable(enumName);
    }

    public Optional<String> format() {
        return Optional.ofNullable(format);
    }

    public Optional<Pattern> pattern() {
        return Optional.ofNullable(pattern);
    }

    public Optional<BigDecimal> min() {
        return Optional.ofNullable(min);
    }

    public Optional<BigDecimal> max() {
        return Optional.ofNullable(max);
    }

    public Optional<Integer> minLength() {
        return Optional.ofNullable(minLength);
    }

    public Optional<Integer> maxLength() {
        return Optional.ofNullable(maxLength);
    }

    public Optional<Integer> maxBytes() {
        return Optional.ofNullable(maxBytes);
    }

    public Optional<Integer> maxDecimals() {
        return Optional.ofNullable(maxDecimals);
    }
    /** The server clamps values above {@link #max()} instead of refusing them. */
    public boolean clampMax() {
        return clampMax;
    }

    public Optional<Object> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }
    /** The item member of a list. */
    public Member member() {
        return member;
    }
    /** The members of a structure, in document order. */
    public Map<String, Member> members() {
        return members;
    }

    public Optional<Integer> minItems() {
        return Optional.ofNullable(minItems);
    }

    public Optional<Integer> maxItems() {
        return Optional.ofNullable(maxItems);
    }
    /** The shape this structure was declared with, if it referenced one. */
    public Optional<String> shapeName() {
        return Optional.ofNullable(shapeName);
    }
    /** A secret: masked wherever a value could be shown. */
    public boolean sensitive() {
        return sensitive;
    }
    /** Documented only by the older editions (0913/0530). */
    public boolean legacy() {
        return legacy;
    }

    public List<String> ignoredFor() {
        return ignoredFor;
    }

    public List<Decision> decisions() {
        return decisions;
    }
    /**
     * How the live service writes this response member when that differs from its type: a boolean
     * or number sent as JSON text ({@code "false"}, {@code "20"}). The sandbox writes it so; kecsh's
     * parser reads either form into {@link #type()}. Empty when the wire type is the type.
     */
    public Optional<MemberType> wireType() {
        return Optional.ofNullable(wireType);
    }
    /** Where the wire type was seen (e.g. {@code sdk-go 831e7c6 kec/v20160304 DescribeModelsResponse …}). */
    public Optional<String> wireTypeSource() {
        return Optional.ofNullable(wireTypeSource);
    }

    /** A copy under another name (a shape's structure reused as a parameter keeps its own name). */
    Member renamed(String newName, boolean newRequired, String newDoc, String newDocZh, List<Decision> extra) {
        Builder b = toBuilder();
        b.name = newName;
        b.required = newRequired;
        if (newDoc != null) b.doc = newDoc;
        if (newDocZh != null) b.docZh = newDocZh;
        b.decisions = new ArrayList<>(decisions);
        b.decisions.addAll(extra);
        return b.build();
    }

    /** True if this member or anything below it is sensitive. */
    public boolean containsSensitive() {
        if (sensitive) return true;
        if (member != null && member.containsSensitive()) return true;
        return members.values().stream().anyMatch(Member::containsSensitive);
    }

    @Override
    public String toString() {
        return name + ":" + type.label();
    }

    Builder toBuilder() {
        Builder b = new Builder(name, type);
        b.required = required;
        b.doc = doc;
        b.docZh = docZh;
        b.enumName = enumName;
        b.format = format;
        b.pattern = pattern == null ? null : pattern.pattern();
        b.min = min;
        b.max = max;
        b.minLength = minLength;
        b.maxLength = maxLength;
        b.maxBytes = maxBytes;
        b.maxDecimals = maxDecimals;
        b.clampMax = clampMax;
        b.defaultValue = defaultValue;
        b.member = member;
        b.members = new LinkedHashMap<>(members);
        b.minItems = minItems;
        b.maxItems = maxItems;
        b.shapeName = shapeName;
        b.sensitive = sensitive;
        b.legacy = legacy;
        b.ignoredFor = ignoredFor;
        b.decisions = new ArrayList<>(decisions);
        b.wireType = wireType;
        b.wireTypeSource = wireTypeSource;
        return b;
    }

    /** Mutable while the loader reads a member; {@link #build()} freezes it. */
    static final class Builder {
        String name;
        MemberType type;
        boolean required;
        String doc = "";
        String docZh = "";
        String enumName;
        String format;
        String pattern;
        BigDecimal min;
        BigDecimal max;
        Integer minLength;
        Integer maxLength;
        Integer maxBytes;
        Integer maxDecimals;
        boolean clampMax;
        Object defaultValue;
        Member member;
        Map<String, Member> members = new LinkedHashMap<>();
        Integer minItems;
        Integer maxItems;
        String shapeName;
        boolean sensitive;
        boolean legacy;
        List<String> ignoredFor = List.of();
        List<Decision> decisions = new ArrayList<>();
        MemberType wireType;
        String wireTypeSource;

        Builder(String name, MemberType type) {
            this.name = name;
            this.type = type;
        }

        Member build() {
            return new Member(this);
        }
    }
}
