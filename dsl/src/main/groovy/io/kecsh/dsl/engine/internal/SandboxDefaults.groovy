package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.Defaults
import io.kecsh.runtime.sandbox.Sandbox
import io.kecsh.runtime.sandbox.state.RegionState

/**
 * On the sandbox, what a fresh region was seeded with fills the required parameters nobody set:
 * the public CentOS 7.6 image and pay-as-you-go charging. Subnets and security groups are not
 * here: they come from the account's network through vpc's reads ({@link NetworkPlacement}),
 * the same way on the sandbox as on a real cloud.
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
            r == null ? null : seeded(key)
        }
    }

    /** What every sandbox region is seeded with (the embedded sandbox and the home sandbox alike). */
    static String seeded(String key) {
        switch (key) {
            case 'image': return 'centos-7.6'
            case 'chargeType': return 'HourlyInstantSettlement'
            default: return null
        }
    }
}
