package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.handler.TokenPaging;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.sandbox.state.SecurityGroup;
import io.kecsh.runtime.sandbox.state.Subnet;
import io.kecsh.runtime.sandbox.state.Vpc;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The vpc service's reads of the region's network (sdk-go 831e7c6 vpc/v20160304): DescribeVpcs,
 * DescribeSubnets, DescribeSecurityGroups. They serve exactly the VPCs, subnets and groups that
 * RunInstances and the NIC actions check against, in creation order, with ID lists and filters
 * (ANDed; a filter's values ORed) applied before NextToken paging.
 */
final class NetworkReads {
    private static final DateTimeFormatter BEIJING =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));
    private static final int ADDRESSES = 65_536 - 3; // a /16 less network, gateway and broadcast

    private NetworkReads() {}

    static Map<String, Object> vpcs(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        Set<String> ids = new HashSet<>(request.strings("VpcId"));
        List<Object> out = new ArrayList<>();
        for (Vpc v : region.vpcs.values()) {
            if (ids.isEmpty() || ids.contains(v.id)) out.add(view(v));
        }
        return TokenPaging.page(request, out, "VpcSet");
    }

    static Map<String, Object> subnets(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        Set<String> ids = new HashSet<>(request.strings("SubnetId"));
        List<Map<String, Object>> filters = filters(request);
        List<Object> out = new ArrayList<>();
        for (Subnet s : region.subnets.values()) {
            if (!ids.isEmpty() && !ids.contains(s.id)) continue;
            if (filters.stream().allMatch(f -> matches(f, s, NetworkReads::subnetHas))) out.add(view(region, s));
        }
        return TokenPaging.page(request, out, "SubnetSet");
    }

    static Map<String, Object> securityGroups(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        Set<String> ids = new HashSet<>(request.strings("SecurityGroupId"));
        List<Map<String, Object>> filters = filters(request);
        List<Object> out = new ArrayList<>();
        for (SecurityGroup g : region.securityGroups.values()) {
            if (!ids.isEmpty() && !ids.contains(g.id)) continue;
            if (filters.stream().allMatch(f -> matches(f, g, NetworkReads::groupHas))) out.add(view(g));
        }
        return TokenPaging.page(request, out, "SecurityGroupSet");
    }

    /** The filter names are the model's enumerations; the validator lets no other through. */
    private static boolean subnetHas(Subnet s, Map.Entry<String, String> f) {
        return switch (f.getKey()) {
            case "vpc-id" -> f.getValue().equals(s.vpcId);
            case "availability-zone-name" -> f.getValue().equals(s.zone);
            case "subnet-type" -> f.getValue().equals("Normal");
            default -> false; // nat-id, network-acl-id: the sandbox has neither, so nothing matches
        };
    }

    private static boolean groupHas(SecurityGroup g, Map.Entry<String, String> f) {
        return switch (f.getKey()) {
            case "vpc-id" -> f.getValue().equals(g.vpcId);
            case "security-group-type" -> f.getValue().equals(g.type);
            default -> false;
        };
    }

    private static <T> boolean matches(
            Map<String, Object> filter, T item, BiPredicate<T, Map.Entry<String, String>> has) {
        String name = String.valueOf(filter.get("Name"));
        List<?> values = filter.get("Value") instanceof List<?> l ? l : List.of();
        return values.stream().anyMatch(v -> has.test(item, Map.entry(name, String.valueOf(v))));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> filters(SandboxRequest request) {
        return request.list("Filter").stream().map(f -> (Map<String, Object>) f).toList();
    }

    private static Map<String, Object> view(Vpc v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("CreateTime", beijing(v.createTime));
        out.put("VpcId", v.id);
        out.put("VpcName", v.name);
        out.put("CidrBlock", v.cidrBlock);
        out.put("IsDefault", v.isDefault);
        out.put("ProvidedIpv6CidrBlock", false);
        return out;
    }

    private static Map<String, Object> view(RegionState region, Subnet s) {
        String free =
                Integer.toString(ADDRESSES - SubnetAddresses.used(region, s).size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("CreateTime", beijing(s.createTime));
        out.put("SubnetId", s.id);
        out.put("VpcId", s.vpcId);
        out.put("SubnetName", s.name);
        out.put("CidrBlock", s.cidrBlock());
        out.put("SubnetType", "Normal");
        out.put("DhcpIpFrom", s.prefix + ".0.2");
        out.put("DhcpIpTo", s.prefix + ".255.254");
        out.put("Dns1", "198.18.254.30");
        out.put("Dns2", "198.18.254.31");
        out.put("GatewayIp", s.prefix + ".0.1");
        out.put("AvailabilityZoneName", s.zone);
        out.put("AvailableIpNumber", free);
        out.put("AvailbleIPNumber", free);
        out.put("ProvidedIpv6CidrBlock", false);
        out.put("VisitInternet", true);
        return out;
    }

    private static Map<String, Object> view(SecurityGroup g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("CreateTime", beijing(g.createTime));
        out.put("VpcId", g.vpcId);
        out.put("SecurityGroupName", g.name);
        out.put("SecurityGroupId", g.id);
        out.put("SecurityGroupType", g.type);
        out.put("SecurityGroupEntrySet", List.of());
        return out;
    }

    /** Kingsoft's lists show times in Beijing time, 2019-08-29 16:24:10 (as NICs and keys do). */
    private static String beijing(String isoInstant) {
        return isoInstant == null ? null : BEIJING.format(Instant.parse(isoInstant));
    }
}
