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

    /**
     * Every launch template of the region, read into one list (materialised: a region holds at most
     * 50). DescribeModels answers 10 by default and no Marker: 50 are asked for, and a further page
     * (by offset) only while InstanceCount, the total, says more remain — so a server that ignored
     * Marker could not keep the loop going.
     */
    List<TemplateInfo> list() {
        List<TemplateInfo> all = []
        while (true) {
            Map<String, Object> page = session.ops.call('DescribeModels', [MaxResults: TEMPLATES_A_PAGE, Marker: all.size()])
            List<Map<String, Object>> set = (List<Map<String, Object>>) (page.ModelSet ?: [])
            set.each { all << TemplateInfo.from(it) }
            Object total = page.InstanceCount
            boolean more = set.size() == TEMPLATES_A_PAGE && total instanceof Number && all.size() < ((Number) total).longValue()
            if (!more) return all
        }
    }

    /** The region's cap on templates (see the note in kec's paginators.json): one call holds them all. */
    private static final int TEMPLATES_A_PAGE = 50

    @Verb(action = 'TerminateModels', argument = 'ModelId')
    boolean delete(Object templates) {
        perform(declared('delete'), [ModelId: ids(templates, 'delete', 'template')]).Return != false
    }
}
