package io.kecsh.runtime.sandbox.kec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.protocol.PreparedItem;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kept view is handed out again while nothing changed (that is the point), and never after a change. */
class InstanceViewsTest {
    private static final Service KEC = ServiceModel.bundled().requireService("kec");
    private static final Catalog CATALOG = new Catalog(KEC);

    private static Instance instance() {
        Instance i = new Instance();
        i.id = "i-1";
        i.name = "web-1";
        i.type = "S4.2B";
        i.zone = "cn-beijing-6a";
        i.state = "active";
        i.creationDate = "2026-11-22T04:00:00Z";
        i.chargeType = "HourlyInstantSettlement";
        i.systemDiskType = "Local_SSD";
        i.systemDiskSize = 20;
        return i;
    }

    private static NetworkInterface nic() {
        NetworkInterface n = new NetworkInterface();
        n.id = "nic-1";
        n.type = "primary";
        n.instanceId = "i-1";
        n.securityGroupIds.add("sg-1");
        return n;
    }

    @Test
    void of_unchanged_sameItem_changedInstanceOrNic_newItem() {
        InstanceViews views = new InstanceViews(CATALOG);
        Instance i = instance();
        NetworkInterface n = nic();
        PreparedItem first = views.of(i, List.of(n), null, KEC);
        assertSame(first, views.of(i, List.of(n), null, KEC));
        i.name = "web-2";
        PreparedItem renamed = views.of(i, List.of(n), null, KEC);
        assertNotSame(first, renamed);
        assertEquals("web-2", renamed.get("InstanceName"));
        n.securityGroupIds.add("sg-2");
        assertNotSame(renamed, views.of(i, List.of(n), null, KEC));
        PreparedItem withNic = views.of(i, List.of(n), null, KEC);
        assertNotSame(withNic, views.of(i, List.of(), null, KEC), "a NIC detached");
    }

    @Test
    void of_manyInstances_keepsAtMostTheLimit() {
        InstanceViews views = new InstanceViews(CATALOG);
        for (int k = 0; k < InstanceViews.LIMIT + 10; k++) {
            Instance i = instance();
            i.id = "i-" + k;
            views.of(i, List.of(), null, KEC);
        }
        assertEquals(InstanceViews.LIMIT, views.size());
    }
}
