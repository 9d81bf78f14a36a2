package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.internal.ImageNames
import io.kecsh.dsl.engine.internal.KeyNames
import io.kecsh.dsl.engine.internal.NetworkPlacement
import io.kecsh.dsl.result.TemplateInfo

/**
 * {@code templates { … }}: launch templates — {@code create name: 'web', type: 'S4.2B', …},
 * {@code list()}, {@code delete id}; {@code instances { run template: t }} launches from one.
 * What create leaves out comes from the defaults, as for run. A template needs a login method
 * (password:, key: or keepImageLogin:); none is invented: the model's rule says which to give.
 */
class TemplatesContext extends ResourceContext {

    TemplatesContext(KecshSession session) {
        super(session)
    }

    @Verb(action = 'CreateModel', names = ['name=ModelName'])
    TemplateInfo create(Map args) {
        Verbs.Info verb = declared('create')
        required(verb, args, 'name', "create name: 'web', type: 'S4.2B'")
        Map<String, Object> p = params(verb, args)
        String region = session.region
        p.ImageId = ImageNames.resolve(session, (p.ImageId ?: session.defaults.require('image', region, 'create', 'image')) as String)
        if (!p.containsKey('ChargeType')) p.ChargeType = session.defaults.require('chargeType', region, 'create', 'chargeType')
        if (!p.containsKey('InstanceType') && session.defaults.get('instanceType', region)) p.InstanceType = session.defaults.get('instanceType', region)
        String type = (p.InstanceType ?: session.ops.model.requireOperation(verb.action).params().InstanceType?.defaultValue()?.orElse(null)) as String
        NetworkPlacement.fill(session, p, 'create', null, type, false, 'securityGroup')
        // CreateModel requires PurchaseTime and wants 0 unless the charge is Monthly (the model's rule).
        if (!p.containsKey('PurchaseTime') && p.ChargeType != 'Monthly') p.PurchaseTime = 0
        if (!p.containsKey('KeyId') && session.defaults.get('keyId', region)) p.KeyId = session.defaults.get('keyId', region)
        if (p.containsKey('KeyId')) p.KeyId = KeyNames.resolve(session, 'create', p.KeyId)
        String id = perform(verb, p).ModelId as String
        list().find { it.id == id } ?: new TemplateInfo(id: id, name: args.name as String)
    }

    List<TemplateInfo> list() {
        ((List<Map<String, Object>>) (session.ops.call('DescribeModels', [:]).ModelSet ?: [])).collect { TemplateInfo.from(it) }
    }

    @Verb(action = 'TerminateModels', argument = 'ModelId')
    boolean delete(Object templates) {
        perform(declared('delete'), [ModelId: ids(templates, 'delete', 'template')]).Return != false
    }
}
