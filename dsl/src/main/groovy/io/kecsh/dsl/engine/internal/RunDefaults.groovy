package io.kecsh.dsl.engine.internal

import io.kecsh.dsl.engine.KecshSession

/**
 * The required RunInstances parameters a {@code run} leaves out, from the defaults (script,
 * profile, sandbox); the subnet and security group from the account's own network
 * ({@link NetworkPlacement}), in {@code zone} when given; images and keys by name.
 */
final class RunDefaults {
    private RunDefaults() {
    }

    static void fill(KecshSession session, Map<String, Object> params, String zone) {
        String region = session.region
        if (!params.containsKey('ImageId')) params.ImageId = session.defaults.require('image', region, 'run', 'image')
        params.ImageId = ImageNames.resolve(session, params.ImageId as String)
        if (!params.containsKey('ChargeType')) params.ChargeType = session.defaults.require('chargeType', region, 'run', 'chargeType')
        if (!params.containsKey('InstanceType') && session.defaults.get('instanceType', region)) {
            params.InstanceType = session.defaults.get('instanceType', region)
        }
        String type = (params.InstanceType ?: session.ops.model.requireOperation('RunInstances').params().InstanceType?.defaultValue()?.orElse(null)) as String
        NetworkPlacement.fill(session, params, 'run', zone, type, false, 'securityGroup')
        if (!params.containsKey('KeyId') && session.defaults.get('keyId', region)) params.KeyId = [session.defaults.get('keyId', region)]
        if (params.containsKey('KeyId')) params.KeyId = KeyNames.resolve(session, 'run', params.KeyId)
    }
}
