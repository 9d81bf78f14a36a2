package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;

/** Wires the catalogue's actions to their handlers, all reading the sandbox's one {@link Catalog}. */
public final class CatalogHandlers {
    private CatalogHandlers() {}

    public static void registerAll(HandlerRegistry handlers, Catalog catalog) {
        RegionHandlers regions = new RegionHandlers(catalog);
        InstanceTypeHandlers types = new InstanceTypeHandlers(catalog);
        PriceHandlers prices = new PriceHandlers(catalog);
        TemplateHandlers templates = new TemplateHandlers(catalog);
        DataGuardHandlers dataGuard = new DataGuardHandlers();
        handlers.on("DescribeRegions", regions::describeRegions)
                .on("DescribeAvailabilityZones", regions::describeZones)
                .on("DescribeInstanceFamilies", types::describeFamilies)
                .on("DescribeInstanceTypeConfigs", types::describeTypeConfigs)
                .on("DescribePrice", prices::describePrice)
                .on("DescribeSpotPriceHistory", prices::describeSpotPriceHistory)
                .on("CreateModel", templates::create)
                .on("TerminateModels", templates::terminate)
                .on("DescribeModels", templates::describe)
                .on("CreateDataGuardGroup", dataGuard::create)
                .on("ModifyDataGuardGroups", dataGuard::rename)
                .on("DeleteDataGuardGroups", dataGuard::delete)
                .on("DescribeDataGuardGroup", dataGuard::describe)
                .on("DescribeDataGuardCapacity", dataGuard::capacity)
                .on("AddVmIntoDataGuard", dataGuard::add)
                .on("RemoveVmFromDataGuard", dataGuard::remove);
    }
}
