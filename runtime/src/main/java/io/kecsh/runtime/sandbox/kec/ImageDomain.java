package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;
import io.kecsh.runtime.sandbox.kec.image.CloudMarket;
import io.kecsh.runtime.sandbox.kec.image.ImageHandlers;
import io.kecsh.runtime.sandbox.kec.image.ImageSharingHandlers;
import io.kecsh.runtime.sandbox.kec.image.LocalVolumeHandlers;
import io.kecsh.runtime.sandbox.state.SandboxState;

/**
 * Images (create from an instance, import, copy to other regions, share with other accounts,
 * rename, remove), local volumes and their snapshots, and the cloud market's catalogue
 * (cloud-market QueryImageList). The public images themselves are seeded by
 * {@link NetworkSeedDomain}; this domain adds the market's images to every region.
 */
public final class ImageDomain implements SandboxDomain {
    @Override
    public void register(HandlerRegistry handlers) {
        ImageHandlers.register(handlers);
        ImageSharingHandlers.register(handlers);
        LocalVolumeHandlers.register(handlers);
        CloudMarket.register(handlers);
    }

    @Override
    public void seed(SandboxState state, SeedContext context) {
        for (EnumValue region :
                context.model().requireService("kec").requireEnum("Region").values()) {
            CloudMarket.seed(state.region(region.value()), context.clock());
        }
    }
}
