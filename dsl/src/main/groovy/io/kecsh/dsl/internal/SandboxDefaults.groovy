package io.kecsh.dsl.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.Defaults
import io.kecsh.runtime.sandbox.Sandbox
import io.kecsh.runtime.sandbox.state.RegionState

/**
 * On the sandbox, what a fresh region was seeded with fills the required parameters nobody set:
 * its default subnet and security group, the public CentOS 7.6 image, and pay-as-you-go charging.
 */
@CompileStatic
class SandboxDefaults implements Defaults.Source {
    private final Sandbox sandbox

    SandboxDefaults(Sandbox sandbox) {
        this.sandbox = sandbox
    }

    @Override
    String get(String key, String region) {
        synchronized (sandbox.state().lock()) {
            RegionState r = sandbox.state().regions[region]
            if (r == null) return null
            switch (key) {
                case 'subnet': return r.defaultSubnetId
                case 'securityGroup': return r.defaultSecurityGroupId
                case 'image': return 'centos-7.6'
                case 'chargeType': return 'HourlyInstantSettlement'
                default: return null
            }
        }
    }
}
