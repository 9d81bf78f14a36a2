package io.kecsh.runtime.config;

import io.kecsh.runtime.model.ServiceModel;

/**
 * The clouds kecsh talks to. Each has its own key pair and its own region, because their
 * accounts and region names have nothing in common ({@code cn-beijing-6} is Kingsoft's,
 * {@code cn-hangzhou} Alibaba's).
 */
public enum Cloud {
    /** Kingsoft Cloud: KEC and its vpc, sks and cloud-market neighbours. */
    KINGSOFT("Kingsoft Cloud", "kec"),
    /** Alibaba Cloud: KMS instances and the BSS calls that bill them. */
    ALIBABA("Alibaba Cloud", "kms");

    private final String displayName;
    private final String primaryService;

    Cloud(String displayName, String primaryService) {
        this.displayName = displayName;
        this.primaryService = primaryService;
    }

    /** "Kingsoft Cloud", "Alibaba Cloud": for messages and banners. */
    public String displayName() {
        return displayName;
    }

    /** The region of this cloud when none is set: its primary service's default region in the model. */
    public String defaultRegion(ServiceModel model) {
        return model.requireService(primaryService).metadata().defaultRegion();
    }

    /**
     * The modelled service whose {@code Region} enumeration (if it has one) lists this cloud's
     * known regions. Kept here rather than in the checker so a new cloud names its own.
     */
    String primaryService() {
        return primaryService;
    }
}
