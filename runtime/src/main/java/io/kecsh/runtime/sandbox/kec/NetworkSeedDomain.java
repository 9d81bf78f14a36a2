package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.sandbox.state.SecurityGroup;
import io.kecsh.runtime.sandbox.state.Subnet;
import io.kecsh.runtime.sandbox.state.Vpc;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What every fresh sandbox region has, so {@code instances { run type: 'S4.2B', count: 3 }} works
 * with nothing configured: a default VPC with one subnet per zone (named {@code default-<zone>}),
 * the VPC's default security group, and public images of the usual systems. The vpc service's
 * DescribeVpcs, DescribeSubnets and DescribeSecurityGroups serve them, and the DSL finds its
 * defaults there as it would on a real account.
 */
public final class NetworkSeedDomain implements SandboxDomain {
    /** name, platform, size in GB. */
    static final List<String[]> PUBLIC_IMAGES = List.of(
            new String[] {"CentOS-7.6 64位", "centos-7.6", "20"},
            new String[] {"CentOS-7.9 64位", "centos-7.9", "20"},
            new String[] {"Ubuntu-22.04 64位", "ubuntu-22.04", "20"},
            new String[] {"Windows Server 2019 数据中心版 64位中文版", "windows-server-2019", "50"});

    @Override
    public void register(HandlerRegistry handlers) {
        // nothing to handle: the vpc reads are NetworkDomain's
    }

    @Override
    public void seed(SandboxState state, SeedContext context) {
        String now =
                DateTimeFormatter.ISO_INSTANT.format(context.clock().instant().truncatedTo(ChronoUnit.SECONDS));
        int subnetNo = 0;
        for (EnumValue region :
                context.model().requireService("kec").requireEnum("Region").values()) {
            RegionState r = state.region(region.value());
            Vpc vpc = new Vpc();
            vpc.id = state.ids.uuid();
            vpc.name = "default";
            vpc.cidrBlock = "10.0.0.0/8";
            vpc.isDefault = true;
            vpc.createTime = now;
            r.vpcs.put(vpc.id, vpc);
            r.vpcId = vpc.id;
            @SuppressWarnings("unchecked")
            List<String> zones = (List<String>) region.attr("zones").orElse(List.of());
            for (String zone : zones) {
                Subnet s = new Subnet();
                s.id = state.ids.uuid();
                s.name = "default-" + zone;
                s.vpcId = r.vpcId;
                s.zone = zone;
                s.prefix = "10." + subnetNo++;
                s.createTime = now;
                r.subnets.put(s.id, s);
                if (r.defaultSubnetId == null) r.defaultSubnetId = s.id;
            }
            SecurityGroup sg = new SecurityGroup();
            sg.id = state.ids.uuid();
            sg.name = "default";
            sg.vpcId = r.vpcId;
            sg.type = "default";
            sg.createTime = now;
            r.securityGroups.put(sg.id, sg);
            r.defaultSecurityGroupId = sg.id;
            for (String[] spec : PUBLIC_IMAGES) {
                Image image = new Image();
                image.id = state.ids.uuid();
                image.name = spec[0];
                image.platform = spec[1];
                image.sizeGb = Long.parseLong(spec[2]);
                image.state = "active";
                image.isPublic = true;
                image.source = "system";
                image.creationDate = now;
                r.images.put(image.id, image);
            }
        }
    }
}
