package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText
import io.kecsh.runtime.validate.ValidationException

/**
 * Where a launch goes, read from the account as it is (vpc DescribeSubnets / DescribeSecurityGroups,
 * kec DescribeInstanceTypeConfigs) — the same on a real cloud as on the sandbox:
 * <ul>
 *   <li>{@code subnet:} and {@code securityGroup(s):} take an ID or a name; a name is looked up, and
 *       an unknown one is one error with a did-you-mean and the names there are.</li>
 *   <li>No subnet (and no default in the script or profile): a subnet in {@code zone:} when given,
 *       otherwise one in a zone that sells the instance type; the default VPC's first.</li>
 *   <li>No security group: the subnet's VPC's default group (else its first).</li>
 * </ul>
 * An ID (a UUID) is sent as it is when nothing else needs the subnet's zone or VPC: the server decides.
 */
@CompileStatic
final class NetworkPlacement {
    private static final String UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/

    private final KecshSession session
    private final String verb
    private final String region
    private List<Map<String, Object>> subnets

    private NetworkPlacement(KecshSession session, String verb) {
        this.session = session
        this.verb = verb
        this.region = session.region
    }

    /**
     * Fills SubnetId and SecurityGroupId of a launch (RunInstances, CreateModel, CreateNetworkInterface).
     * {@code zone} may be null; {@code groupsAsList} sends the group(s) as a list (CreateNetworkInterface's
     * SecurityGroupId.N) instead of keeping the form given; {@code groupWord} is the verb's word for it.
     */
    static void fill(KecshSession session, Map<String, Object> params, String verb, String zone, String type,
                     boolean groupsAsList, String groupWord) {
        new NetworkPlacement(session, verb).place(params, zone, type, groupsAsList, groupWord)
    }

    private void place(Map<String, Object> params, String zone, String type, boolean groupsAsList, String groupWord) {
        Object givenSubnet = params.SubnetId ?: session.defaults.get('subnet', region)
        Object givenGroups = params.SecurityGroupId ?: session.defaults.get('securityGroup', region)
        Map<String, Object> subnet
        if (givenSubnet != null) {
            String s = givenSubnet as String
            boolean needSubnet = zone != null || givenGroups == null || !(s ==~ UUID)
            subnet = needSubnet ? namedSubnet(s) : null
            if (subnet != null && zone != null && subnet.AvailabilityZoneName != zone) {
                throw new IllegalArgumentException("${verb}: subnet ${UserText.quoted(s)} is in zone ${subnet.AvailabilityZoneName}, not ${zone}; " +
                    "leave subnet: out to use a subnet of ${zone}, or drop zone:")
            }
            params.SubnetId = subnet != null ? subnet.SubnetId : s
        } else {
            subnet = chosenSubnet(zone, type)
            params.SubnetId = subnet.SubnetId
        }
        if (givenGroups != null) {
            List<String> ids = (givenGroups instanceof Collection ? (givenGroups as Collection) : [givenGroups]).collect { Object g ->
                namedGroup(g as String, subnet?.VpcId as String)
            }
            params.SecurityGroupId = groupsAsList || givenGroups instanceof Collection ? ids : ids[0]
        } else {
            String id = defaultGroup(subnet, groupWord)
            params.SecurityGroupId = groupsAsList ? [id] : id
        }
    }

    // ---- subnets -------------------------------------------------------------------------------

    private List<Map<String, Object>> subnets() {
        if (subnets == null) subnets = every('DescribeSubnets', [:], 'SubnetSet')
        subnets
    }

    /** A subnet by ID, or by name when that name is unique here. */
    private Map<String, Object> namedSubnet(String given) {
        List<Map<String, Object>> all = subnets()
        Map<String, Object> byId = all.find { it.SubnetId == given }
        if (byId != null) return byId
        if (given ==~ UUID) return [SubnetId: given] as Map<String, Object>   // not listed (yet): the server decides
        List<Map<String, Object>> named = all.findAll { it.SubnetName == given }
        if (named.size() == 1) return named[0]
        if (named.size() > 1) {
            throw new IllegalArgumentException("${verb}: ${named.size()} subnets in ${region} are named ${UserText.quoted(given)} " +
                "(${named.collect { "${it.SubnetId} in ${it.AvailabilityZoneName}" }.join(', ')}); pass subnet: with the ID")
        }
        Set<String> names = new TreeSet<String>(all.collect { it.SubnetName as String }.findAll { it != null })
        throw new IllegalArgumentException("${verb}: no subnet ${UserText.quoted(given)} in ${region}${Suggestions.didYouMean(given, names)}; " +
            "subnets here: ${names ? names.join(', ') : 'none'}")
    }

    /** Zone given: its subnets; otherwise the subnets of zones that sell the type; the default VPC's first. */
    private Map<String, Object> chosenSubnet(String zone, String type) {
        List<Map<String, Object>> all = zone != null
            ? every('DescribeSubnets', [Filter: [[Name: 'availability-zone-name', Value: [zone]]]] as Map<String, Object>, 'SubnetSet')
            : subnets()
        if (all.isEmpty()) {
            if (zone != null) {
                Set<String> zones = new TreeSet<String>(subnets().collect { it.AvailabilityZoneName as String }.findAll { it != null })
                throw new IllegalArgumentException("${verb}: no subnet in zone ${UserText.quoted(zone)} of ${region}" +
                    "${Suggestions.didYouMean(zone, zones)}; zones with subnets here: ${zones ? zones.join(', ') : 'none'}")
            }
            throw new IllegalArgumentException("${verb}: no subnet given, no default, and ${region} has no subnet: pass subnet: to ${verb}, " +
                "or set it with defaults { subnet '…' } in the script or default.subnet in ~/.kecsh/config")
        }
        Set<String> defaultVpcs = all.size() > 1 ? defaultVpcIds() : [] as Set<String>
        List<Map<String, Object>> ordered = all.findAll { defaultVpcs.contains(it.VpcId as String) } + all.findAll { !defaultVpcs.contains(it.VpcId as String) }
        if (type == null) return ordered[0]
        List<Map<String, Object>> configs = typeConfigs(type)
        Set<String> selling = zonesSelling(configs)
        if (selling.isEmpty()) return ordered[0]   // the catalogue does not know the type: the server decides
        Map<String, Object> fit = ordered.find { selling.contains(it.AvailabilityZoneName as String) }
        if (fit != null) return fit
        Set<String> here = new TreeSet<String>(ordered.collect { it.AvailabilityZoneName as String }.findAll { it != null })
        List<String> alike = sameShapeSoldIn(type, configs, here)
        String instead = alike ? "; sold here with the same vCPUs and memory: ${alike.join(', ')}" : ''
        throw new IllegalArgumentException("${verb}: ${type} is not sold in ${zone ?: 'any zone of ' + region} " +
            "(DescribeInstanceTypeConfigs: it is sold in ${selling.join(', ')}; zones with subnets here: ${here.join(', ')})${instead}; " +
            "choose another type:, or another region")
    }

    /**
     * Types of the same vCPUs, memory and GPUs as {@code type} that some of {@code zones} sell, from
     * the catalogue of the region (so a script written for S4.2B learns that this region sells S6.2B).
     */
    private List<String> sameShapeSoldIn(String type, List<Map<String, Object>> typeConfigs, Set<String> zones) {
        Map<String, Object> wanted = typeConfigs ? typeConfigs[0] : null
        if (wanted == null) return []
        try {
            List<Map<String, Object>> configs = (List<Map<String, Object>>) (session.ops.call('DescribeInstanceTypeConfigs',
                [Filter: [[Name: 'availability-zone', Value: [region]]]])?.InstanceTypeConfigSet ?: [])
            return configs.findAll { Map<String, Object> c ->
                c.InstanceType != type && c.CPU == wanted.CPU && c.Memory == wanted.Memory && (c.GPU ?: 0) == (wanted.GPU ?: 0) &&
                    ((List<Map<String, Object>>) (c.AvailabilityZoneSet ?: [])).any { zones.contains(it.AzCode as String) }
            }.collect { it.InstanceType as String }.unique().sort()
        } catch (RuntimeException notKnown) {
            return []   // a hint only: the refusal above stands without it
        }
    }

    private Set<String> defaultVpcIds() {
        every('DescribeVpcs', [:], 'VpcSet').findAll { it.IsDefault == true }.collect { it.VpcId as String } as Set<String>
    }

    /** What DescribeInstanceTypeConfigs says of this type (empty when it does not know the type): read once a launch. */
    private List<Map<String, Object>> typeConfigs(String type) {
        Map<String, Object> answer
        try {
            answer = session.ops.call('DescribeInstanceTypeConfigs', [Filter: [[Name: 'instance-type', Value: [type]]]])
        } catch (ValidationException invalidType) {
            return []   // the launch's own validation says what is wrong with the type, naming its parameter
        }
        ((List<Map<String, Object>>) (answer?.InstanceTypeConfigSet ?: [])).findAll { it.InstanceType == type }
    }

    /** The zones the type's configurations are sold in. */
    private static Set<String> zonesSelling(List<Map<String, Object>> configs) {
        Set<String> zones = new LinkedHashSet<String>()
        configs.each { Map<String, Object> config ->
            ((List<Map<String, Object>>) (config.AvailabilityZoneSet ?: [])).each { Map<String, Object> z -> if (z.AzCode) zones << (z.AzCode as String) }
        }
        zones
    }

    // ---- security groups -----------------------------------------------------------------------

    private String namedGroup(String given, String vpcId) {
        if (given ==~ UUID) return given
        List<Map<String, Object>> all = every('DescribeSecurityGroups', inVpc(vpcId), 'SecurityGroupSet')
        List<Map<String, Object>> named = all.findAll { it.SecurityGroupName == given }
        if (named.size() == 1) return named[0].SecurityGroupId as String
        String where = vpcId ? "the subnet's VPC ${vpcId}" : region
        if (named.size() > 1) {
            throw new IllegalArgumentException("${verb}: ${named.size()} security groups in ${where} are named ${UserText.quoted(given)} " +
                "(${named.collect { it.SecurityGroupId }.join(', ')}); pass the ID")
        }
        Set<String> names = new TreeSet<String>(all.collect { it.SecurityGroupName as String }.findAll { it != null })
        throw new IllegalArgumentException("${verb}: no security group ${UserText.quoted(given)} in ${where}${Suggestions.didYouMean(given, names)}; " +
            "security groups there: ${names ? names.join(', ') : 'none'}")
    }

    private String defaultGroup(Map<String, Object> subnet, String groupWord) {
        String vpcId = subnet?.VpcId as String
        List<Map<String, Object>> groups = vpcId
            ? every('DescribeSecurityGroups', inVpc(vpcId), 'SecurityGroupSet')
            : [] as List<Map<String, Object>>
        Map<String, Object> chosen = groups.find { it.SecurityGroupType == 'default' } ?: (groups ? groups[0] : null)
        if (chosen != null) return chosen.SecurityGroupId as String
        throw new IllegalArgumentException("${verb}: no ${groupWord} given and no default" + (vpcId ? " (VPC ${vpcId} has no security group)" : '') +
            ": pass ${groupWord}: to ${verb}, or set it with defaults { securityGroup '…' } in the script or default.securityGroup in ~/.kecsh/config")
    }

    private static Map<String, Object> inVpc(String vpcId) {
        vpcId ? [Filter: [[Name: 'vpc-id', Value: [vpcId]]]] as Map<String, Object> : [:] as Map<String, Object>
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Every item over every page (Pages stops on the last one). */
    private List<Map<String, Object>> every(String action, Map<String, ?> params, String listName) {
        List<Map<String, Object>> out = []
        Iterable<Map<String, Object>> pages = session.ops.pages(action, params)
        if (pages == null) return out
        for (Map<String, Object> page : pages) {
            if (page?.get(listName) instanceof List) out.addAll((List<Map<String, Object>>) page.get(listName))
        }
        out
    }
}
