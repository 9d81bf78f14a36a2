package io.kecsh.dsl.engine.internal

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.context.ResourceContext

/**
 * {@code run template: t}: RunInstances still requires ImageId, SubnetId, SecurityGroupId and
 * ChargeType with a ModelId (the model follows the document), and the call's own values win over
 * the template's; so they are filled from the template, not from the defaults, which would
 * silently override it.
 */
final class TemplateLaunch {
    /** The template's fields → RunInstances parameters. */
    static final Map<String, String> FROM_TEMPLATE = [ImageId: 'ImageId', SubnetId: 'SubnetId', SecurityGroupId: 'SecurityGroupId',
                                                      ChargeType: 'ChargeType', InstanceType: 'InstanceType'].asImmutable()

    private TemplateLaunch() {
    }

    static void fill(KecshSession session, Map<String, Object> params) {
        if (params.ModelId == null) return
        params.ModelId = ResourceContext.id(params.ModelId, 'run', 'template')
        Map<String, Object> template = ((List<Map<String, Object>>) (session.ops.call('DescribeModels', [ModelId: [params.ModelId]]).ModelSet ?: []))
            .find { it.ModelId == params.ModelId }
        if (template == null) throw new IllegalArgumentException("run: no launch template ${params.ModelId} in ${session.region}")
        FROM_TEMPLATE.each { String field, String param ->
            if (!params.containsKey(param) && template[field] != null) params[param] = template[field]
        }
    }
}
