package io.kecsh.dsl

import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.sandbox.state.RegionState
import io.kecsh.runtime.sandbox.state.SecurityGroup
import io.kecsh.runtime.sandbox.state.Subnet

/**
 * Issue 12 item 4: the subnet and security group a launch leaves out come from the account's own
 * network (vpc DescribeSubnets / DescribeSecurityGroups, over real HTTP to the sandbox), chosen in
 * a zone that sells the type (DescribeInstanceTypeConfigs); subnet: and securityGroup: take a name
 * or an ID. The README's design line works after switching to any region that sells its type.
 */
class NetworkDefaultsSandboxSpec extends KecshSandboxSpecification {
    static final List<String> REGIONS = ServiceModel.bundled().requireService('kec').requireEnum('Region').names() as List<String>

    /** Zones of the region where the sandbox's catalogue sells the type (what DescribeInstanceTypeConfigs answers). */
    List<String> zonesSelling(String type, String region) {
        List<Map> configs = (List<Map>) kecsh.client.inRegion(region).call('DescribeInstanceTypeConfigs',
            [Filter: [[Name: 'instance-type', Value: [type]]]]).InstanceTypeConfigSet
        configs.findAll { it.InstanceType == type }.collectMany { (List<Map>) it.AvailabilityZoneSet }.collect { it.AzCode as String }
            .findAll { it.startsWith(region) }
    }

    def "the design line after switching to #region: runs in a zone that sells S4.2B, or says in one line where it is sold and what sells here instead"() {
        given:
        List<String> selling = zonesSelling('S4.2B', region)
        RegionState r = kecsh.sandbox.state().region(region)

        expect:
        selling ? designLineRunsIn(region, selling, r) : designLineRefusedIn(region, r)

        where:
        region << REGIONS
    }

    boolean designLineRunsIn(String region, List<String> selling, RegionState r) {
        def web = kecsh.eval("region '${region}'\ninstances { run type: 'S4.2B' }")
        assert web.size() == 1
        assert web[0].zone in selling
        assert r.instances[web[0].id].subnetId == r.subnets.values().find { it.zone == web[0].zone }.id
        true
    }

    boolean designLineRefusedIn(String region, RegionState r) {
        try {
            kecsh.eval("region '${region}'\ninstances { run type: 'S4.2B' }")
        } catch (KecshScriptException e) {
            assert e.message.contains("S4.2B is not sold in any zone of ${region}"), e.message
            assert e.message.contains('cn-shanghai-2b'), e.message
            assert !e.message.contains('\n'), e.message
            assert r.instances.isEmpty(), 'refused before RunInstances'
            assert e.message.contains('sold here with the same vCPUs and memory: ') && e.message.contains('S6.2B'), e.message
            def web = kecsh.eval("region '${region}'\ninstances { run type: 'S6.2B' }")
            assert web.size() == 1 && r.instances[web[0].id].type == 'S6.2B', 'the type the line names runs there'
            return true
        }
        throw new AssertionError("the sandbox's catalogue sells S4.2B nowhere in ${region}, yet run succeeded")
    }

    def "the design line after region cn-shanghai-2: the subnet of cn-shanghai-2b, where S4 is sold (it failed on the first subnet's zone)"() {
        when:
        def web = kecsh.eval("region 'cn-shanghai-2'\ninstances { run type: 'S4.2B', count: 2 }")

        then:
        web*.zone == ['cn-shanghai-2b', 'cn-shanghai-2b']
    }

    def "zone: picks the subnet of that zone and the VPC's default security group"() {
        given:
        RegionState r = kecsh.sandbox.state().region('cn-beijing-6')

        when:
        def web = kecsh.eval("instances { run type: 'S4.2B', zone: 'cn-beijing-6c' }")
        def i = r.instances[web[0].id]

        then:
        web[0].zone == 'cn-beijing-6c'
        i.subnetId == r.subnets.values().find { it.zone == 'cn-beijing-6c' }.id
        i.securityGroupIds == [r.securityGroups.values().find { it.type == 'default' }.id]
    }

    def "zone: where the type is not sold, or with no subnet, is one clear error with a did-you-mean"() {
        when:
        kecsh.eval("region 'cn-shanghai-2'\ninstances { run type: 'S4.2B', zone: 'cn-shanghai-2a' }")

        then:
        KecshScriptException e = thrown()
        e.message.contains('S4.2B is not sold in cn-shanghai-2a')
        e.message.contains('cn-shanghai-2b')

        when:
        kecsh.eval("region 'cn-shanghai-2'\ninstances { run type: 'S4.2B', zone: 'cn-shanghai-2x' }")

        then:
        KecshScriptException e2 = thrown()
        e2.message.contains("no subnet in zone 'cn-shanghai-2x' of cn-shanghai-2")
        e2.message.contains('did you mean')
    }

    def "subnet: and securityGroup: take names; an unknown name is one error with a did-you-mean"() {
        given:
        RegionState r = kecsh.sandbox.state().region('cn-beijing-6')
        SecurityGroup web = new SecurityGroup(id: UUID.randomUUID().toString(), name: 'web-servers', vpcId: r.vpcId)
        synchronized (kecsh.sandbox.state().lock()) { r.securityGroups[web.id] = web }
        Subnet c = r.subnets.values().find { it.zone == 'cn-beijing-6c' }

        when:
        def made = kecsh.eval("instances { run type: 'S4.2B', subnet: 'default-cn-beijing-6c', securityGroup: 'web-servers' }")

        then:
        r.instances[made[0].id].subnetId == c.id
        r.instances[made[0].id].securityGroupIds == [web.id]

        when:
        kecsh.eval("instances { run type: 'S4.2B', subnet: 'default-cn-beijing-6x' }")

        then:
        KecshScriptException e = thrown()
        e.message.contains("run: no subnet 'default-cn-beijing-6x' in cn-beijing-6")
        e.message.contains('did you mean')
        e.message.contains('default-cn-beijing-6c')

        when:
        kecsh.eval("instances { run type: 'S4.2B', zone: 'cn-beijing-6c', securityGroup: 'web-server' }")

        then:
        KecshScriptException g = thrown()
        g.message.contains("no security group 'web-server'")
        g.message.contains('did you mean web-servers')

        when: 'a subnet of another zone than zone: says which'
        kecsh.eval("instances { run type: 'S4.2B', zone: 'cn-beijing-6a', subnet: 'default-cn-beijing-6c' }")

        then:
        KecshScriptException z = thrown()
        z.message.contains('is in zone cn-beijing-6c, not cn-beijing-6a')
    }

    def "an elastic NIC and a template take their subnet and group from the reads too, by name"() {
        when:
        def eni = kecsh.eval("networkInterfaces { create subnet: 'default-cn-beijing-6b', securityGroups: ['default'] }")
        RegionState r = kecsh.sandbox.state().region('cn-beijing-6')

        then:
        eni.subnetId == r.subnets.values().find { it.zone == 'cn-beijing-6b' }.id
        eni.securityGroups == [r.defaultSecurityGroupId]
    }
}
