package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.handler.TokenPaging;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.text.UserText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vpc service's ENI actions (L5319–L5421, L5517–L5651): create an Available ENI in a subnet,
 * delete one that is not attached, and describe the region's NICs — every NIC, primary and
 * secondary included, since the documented NetworkInterfaceType is primary | extension. Thin: the
 * rules are {@link NetworkInterfaces}'; here parameters are read and answers shaped.
 */
final class ElasticNics {
    private ElasticNics() {}

    static Map<String, Object> create(SandboxRequest request, SandboxState state) {
        NetworkInterface n = new NetworkInterfaces(state, request.region())
                .createElastic(
                        request.requireString("SubnetId"),
                        request.strings("SecurityGroupId"),
                        request.string("PrivateIpAddress").orElse(null),
                        request.string("NetworkInterfaceName").orElse(null));
        return Map.of("NetworkInterfaceId", n.id);
    }

    static Map<String, Object> delete(SandboxRequest request, SandboxState state) {
        new NetworkInterfaces(state, request.region()).deleteElastic(request.requireString("NetworkInterfaceId"));
        return Map.of("Return", true);
    }

    static Map<String, Object> describe(SandboxRequest request, SandboxState state) {
        NetworkInterfaces nics = new NetworkInterfaces(state, request.region());
        Iterable<NetworkInterface> all = nics.described();
        RegionState region = nics.region();
        Set<String> ids = new HashSet<>(request.strings("NetworkInterfaceId"));
        List<Map<String, Object>> filters = filters(request);
        Map<String, NetworkInterface> primaries = NicView.primaries(region);
        List<NetworkInterface> found = new ArrayList<>();
        for (NetworkInterface n : all) {
            if (!ids.isEmpty() && !ids.contains(n.id)) continue;
            if (filters.stream().allMatch(f -> matches(n, f))) found.add(n);
        }
        // MaxResults/NextToken (sdk-go): the token is the offset of the page's first interface
        int from = request.string("NextToken").map(t -> offset(t, found.size())).orElse(0);
        // without MaxResults at most the model's largest page, as every NextToken read of the sandbox (TokenPaging)
        int to = (int)
                Math.min(found.size(), from + request.number("MaxResults").orElse((long) TokenPaging.DEFAULT_PAGE));
        List<Object> out = new ArrayList<>();
        for (NetworkInterface n : found.subList(from, to)) out.add(NicView.of(n, region, primaries));
        Map<String, Object> result = new LinkedHashMap<>();
        if (to < found.size()) result.put("NextToken", Integer.toString(to));
        result.put("TotalCount", found.size());
        result.put("NetworkInterfaceSet", out);
        return result;
    }

    private static int offset(String token, int total) {
        try {
            int n = Integer.parseInt(token);
            if (n >= 0 && n <= total) return n;
        } catch (NumberFormatException notOurs) {
            // falls through to the refusal
        }
        throw new InvalidValue(
                "NextToken",
                "NextToken " + UserText.quoted(token) + " was not given by a previous DescribeNetworkInterfaces.");
    }

    /** Filters AND together; a filter's values OR together (names and values case-sensitive, as documented). */
    private static boolean matches(NetworkInterface n, Map<String, Object> filter) {
        List<?> values = filter.get("Value") instanceof List<?> l ? l : List.of();
        return switch (String.valueOf(filter.get("Name"))) {
            case "availability-zone-name" -> values.contains(n.zone);
            case "networkInterface-status" -> values.contains(n.instanceId != null ? "Bind" : "UnBind");
            // the names terraform-provider-ksyun sends (ReadAndSetNetworkInterfaces)
            case "vpc-id" -> values.contains(n.vpcId);
            case "subnet-id" -> values.contains(n.subnetId);
            case "securitygroup-id" -> n.securityGroupIds.stream().anyMatch(values::contains);
            case "instance-type" -> n.instanceId != null && values.contains("kec");
            case "instance-id" -> n.instanceId != null && values.contains(n.instanceId);
            case "private-ip-address" -> values.contains(n.privateIp);
            default -> false; // the validator lets only the documented names through
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> filters(SandboxRequest request) {
        return request.list("Filter").stream().map(f -> (Map<String, Object>) f).toList();
    }
}
