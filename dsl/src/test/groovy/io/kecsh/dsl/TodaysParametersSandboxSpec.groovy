package io.kecsh.dsl

import io.kecsh.runtime.sandbox.state.SecurityGroup

/**
 * Issue 12 from a script: run takes one security group or several (sent as SecurityGroupId.N, as
 * today's SDKs send it) and today's parameters (tags, IAM role) pass through to the call.
 */
class TodaysParametersSandboxSpec extends KecshSandboxSpecification {

    private String secondGroup() {
        def state = kecsh.sandbox.state()
        def region = state.region('cn-beijing-6')
        synchronized (state.lock()) {
            def g = new SecurityGroup(id: state.ids.uuid(), name: 'second',
                vpcId: region.securityGroups[region.defaultSecurityGroupId].vpcId)
            region.securityGroups[g.id] = g
            g.id
        }
    }

    def "run binds one security group or several"() {
        given:
        String second = secondGroup()
        String first = kecsh.sandbox.state().region('cn-beijing-6').defaultSecurityGroupId

        when:
        def r = kecsh.eval("""
            def two = instances { run type: 'S4.2B', name: 'two', securityGroups: ['${first}', '${second}'] }
            def one = instances { run type: 'S4.2B', name: 'one', securityGroup: '${second}' }
            def tagged = instances { run type: 'S4.2B', name: 'tagged', Tag: [[Key: 'env', Value: 'prod']], IamRoleName: 'reader' }
            [two: two*.id, one: one*.id, tagged: tagged*.id]
        """)

        then:
        groupsOf(r.two[0]) == [first, second]
        groupsOf(r.one[0]) == [second]
        kecsh.sandbox.state().region('cn-beijing-6').instances[r.tagged[0]].extra.Tag == [[Key: 'env', Value: 'prod']]
    }

    def "network interfaces are listed by the criteria Terraform filters on"() {
        when:
        def r = kecsh.eval('''
            def web = instances { run type: 'S4.2B', count: 2 }
            [byInstance: networkInterfaces.list(instance: web[0])*.id,
             bySubnet: networkInterfaces.list(subnet: web[0].subnetId, instanceType: 'kec').size(),
             byIp: networkInterfaces.list(ip: web[1].privateIp)*.id,
             nics: web*.id.collect { id -> networkInterfaces.list(instance: id)*.id }]
        ''')

        then:
        r.byInstance == r.nics[0]
        r.byInstance.size() == 1
        r.bySubnet == 2
        r.byIp == r.nics[1]
    }

    private List<String> groupsOf(String id) {
        kecsh.sandbox.state().region('cn-beijing-6').instances[id].securityGroupIds
    }
}
