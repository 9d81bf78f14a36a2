package io.kecsh.dsl

import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.dsl.result.KeyInfo


/** Every curated context's verbs against a fresh sandbox (manual clock: waits move it). */
class DslContextsSpec extends KecshSandboxSpecification {
    def "images: create from an instance, wait, rename, share, copy, list, remove"() {
        when:
        def r = kecsh.eval('''
            def web = instances { run type: 'S4.2B', name: 'web' }.waitUntil('active')
            def image = images {
                create from: web[0], name: 'web_v1'
                waitUntil 'available'
            }[0]
            def renamed = images { rename image, to: 'web_v2' }
            def shared = images { share image, with: ['2000123456'] }
            images { copy image, to: ['cn-shanghai-2'], name: 'web_v2_sh' }
            def mine = images.list(mine: true)
            def market = images { market() }
            instances { where name: 'web'; terminate force: true }.waitUntil 'deleted'
            def removed = images { remove image }
            [image: image, renamed: renamed, shared: shared, mine: mine*.name, market: market, removed: removed,
             left: images.list(mine: true)*.id]
        ''')

        then:
        r.image.state.equalsIgnoreCase('active')
        r.renamed.name == 'web_v2'
        r.shared == ['2000123456']
        r.mine == ['web_v2']
        r.market.size() > 0 && r.market.every { it.imageId && it.imageName }
        r.removed == [r.image.id]
        r.left.isEmpty()
        progress.any { it.contains('] ImageAvailable') }
    }

    def "volumes and snapshots: list, snapshot, wait, rollback, delete"() {
        when:
        def r = kecsh.eval('''
            def db = instances { run type: 'I2.4B', name: 'db', dataDiskGb: 50 }.waitUntil('active')
            def volume = volumes { list(instance: 'db') }[0]
            def snap = snapshots { snapshot volume, name: 'before-upgrade' }.waitUntil('ready')
            instances { where name: 'db'; stop() }.waitUntil 'stopped'
            def rolled = volumes { rollback volume, to: snap }
            def deleted = snapshots { delete snap }
            [volumes: volumes.list(), snap: snap, rolled: rolled, deleted: deleted, left: snapshots.list()]
        ''')

        then:
        r.volumes.size() >= 1
        r.volumes.every { it.instanceName == 'db' }
        r.snap.state.equalsIgnoreCase('active')
        r.snap.name == 'before-upgrade'
        r.rolled
        r.deleted == [r.snap.id]
        r.left.isEmpty()
    }

    def "keys: create returns the private key but never prints it; import, attach, detach, delete"() {
        when:
        def r = kecsh.eval('''
            def web = instances { run type: 'S4.2B', count: 2 }.waitUntil('active')
            def key = keys { create 'deploy' }
            def other = keys { importKey 'laptop', publicKey: key.publicKey }
            def attached = keys { attach key, to: web }
            def detached = keys { detach key, from: web[0] }
            def keyed = instances.where(id: web.ids).collect { it.keys }
            [key: key, other: other, attached: attached, detached: detached, keyed: keyed, deleted: keys.delete(other)]
        ''')

        then:
        KeyInfo key = r.key
        key.name == 'deploy'
        key.privateKey.contains('PRIVATE KEY')
        !key.toString().contains('PRIVATE')
        !key.toString().contains(key.privateKey)
        r.other.name == 'laptop'
        r.attached.size() == 2
        r.detached.size() == 1
        r.keyed.count { it.contains(key.id) } == 1
        r.deleted
    }

    def "networkInterfaces: create, attach, detach, list, delete"() {
        when:
        def r = kecsh.eval('''
            def web = instances { run type: 'S4.2B' }.waitUntil('active')
            def eni = networkInterfaces { create subnet: web[0].subnetId, securityGroups: ['@SG@'] }
            waitUntil { networkInterfaces.list(id: eni)[0].status == 'Available' }
            networkInterfaces { attach eni, to: web[0] }
            def attached = waitUntil { networkInterfaces.list(id: eni).find { it.status == 'InUse' } }
            networkInterfaces { detach eni, from: web[0] }
            def detached = waitUntil { networkInterfaces.list(id: eni).find { it.status == 'Available' } }
            def free = networkInterfaces.list(status: 'UnBind')
            [eni: eni, attached: attached, detached: detached, free: free*.id, deleted: networkInterfaces { delete eni }]
        '''.replace('@SG@', kecsh.sandbox.state().region('cn-beijing-6').defaultSecurityGroupId))

        then:
        r.eni.id
        r.attached.status != r.detached.status
        r.free.contains(r.eni.id)
        r.deleted
    }

    def "dataGuard: create, add, remove, rename, list, capacity, delete"() {
        when:
        def r = kecsh.eval('''
            def web = instances { run type: 'S4.2B', count: 2 }.waitUntil('active')
            def group = dataGuard { create 'web-spread' }
            def added = dataGuard { add web, to: group }
            def removed = dataGuard { remove web[1], from: group }
            def renamed = dataGuard { rename group, to: 'web-apart' }
            def listed = dataGuard.list()*.name
            dataGuard { remove web[0], from: group }
            [added: added, removed: removed, renamed: renamed, capacity: dataGuard { capacity() },
             listed: listed, deleted: dataGuard { delete group }]
        ''')

        then:
        r.added.instanceIds.size() == 2
        r.removed.instanceIds.size() == 1
        r.renamed.name == 'web-apart'
        r.capacity > 0
        r.listed == ['web-apart']
        r.deleted.size() == 1
    }

    def "templates: create, run from one, list, delete"() {
        when:
        def r = kecsh.eval('''
            def key = keys { create 'deploy' }
            def t = templates { create name: 'web', type: 'S4.2B', instanceName: 'from-template', key: key }
            def launched = instances { run template: t, count: 2 }
            [t: t, launched: launched, listed: templates.list()*.name, deleted: templates { delete t }, after: templates.list()]
        ''')

        then:
        r.t.name == 'web'
        r.t.type == 'S4.2B'
        r.launched.size() == 2
        r.launched*.type as Set == ['S4.2B'] as Set
        r.listed == ['web']
        r.deleted
        r.after.isEmpty()
    }

    def "regions, zones and prices"() {
        when:
        def r = kecsh.eval('''
            [regions: regions(), zones: zones(), price: prices { instance type: 'S4.2B' },
             spot: prices { spot type: 'N3.2B', zone: 'cn-beijing-6a' }]
        ''')

        then:
        r.regions*.id.contains('cn-beijing-6')
        r.zones*.id.contains('cn-beijing-6a')
        r.price.instance.trade > 0
        r.spot.every { it.price != null }
    }

    def "kms: the issue's sketch line, then get, downgrade, release, waitUntil"() {
        given:
        def ids = kmsIds()

        when:
        def r = kecsh.eval("""
            def before = kms { get '${ids.prepay}' }
            kms { upgrade '${ids.prepay}', spec: 2000, keyNum: 2000; renew '${ids.prepay}', months: 12 }
            def after = kms.get('${ids.prepay}')
            def down = kms { downgrade '${ids.postpay}', keyNum: 1000 }
            def connected = kms { waitUntil 'connected', '${ids.postpay}' }
            kms { release '${ids.backedUp}' }
            [before: before, after: after, down: down, connected: connected,
             raw: kms.GetKmsInstance(KmsInstanceId: '${ids.prepay}').KmsInstance.Spec]
        """)

        then:
        r.after.spec == 2000
        r.after.keyNum == 2000
        r.after.endDate > r.before.endDate
        r.down.orderId
        r.down.instance.keyNum == 1000
        r.connected.status == 'Connected'
        r.raw == 2000
    }

    def "a mistake in any context is one line with the script line and a did-you-mean: #source"() {
        when:
        kecsh.eval(source.replace('@ID@', kmsIds().prepay))

        then:
        KecshScriptException e = thrown()
        e.message.startsWith('script.groovy:1')
        e.message.contains(expected)

        where:
        source                                                   | expected
        "images { copy 'x', too: ['cn-shanghai-2'] }"            | "unknown parameter 'too' (did you mean to?)"
        "images { list(nam: 'x') }"                              | "unknown criterion 'nam' (did you mean name?)"
        "images { waitUntil 'availabel', 'x' }"                  | "unknown state 'availabel' (did you mean available?)"
        "images { rename 'x' }"                                  | 'rename: to: is missing'
        "snapshots { snapshot 'v', nme: 'x' }"                   | "(did you mean name?)"
        "keys { importKey 'k', publicky: 'x' }"                  | "(did you mean publicKey?)"
        "networkInterfaces { list(stat: 'UnBind') }"             | "unknown criterion 'stat' (did you mean status?)"
        "networkInterfaces { create subnett: 'x' }"              | "(did you mean subnet?)"
        "dataGuard { list(nme: 'x') }"                           | "(did you mean name?)"
        "templates { create name: 'w', typ: 'S4.2B' }"           | "unknown parameter 'typ' (did you mean type?)"
        "templates { create name: 'w', type: 'S4.2X' }"          | 'did you mean S4.2A, S4.2B, S4.2C or S4.2D?'
        "prices { spot type: 'N3.2B', zon: 'cn-beijing-6a' }"    | "(did you mean zone?)"
        "kms { upgrade '@ID@', spek: 2000 }"                     | "unknown parameter 'spek' (did you mean spec?)"
        "kms { waitUntil 'conected', '@ID@' }"                   | "unknown state 'conected' (did you mean connected?)"
        "kms.GetKmsInstanse(KmsInstanceId: '@ID@')"              | 'did you mean GetKmsInstance?'
    }

    private Map<String, String> kmsIds() {
        // Seeded in this order: a subscription one, a pay-as-you-go one, a pay-as-you-go one with a backup.
        List<String> ids = kecsh.sandbox.state().kmsInstances.keySet() as List
        [prepay: ids[0], postpay: ids[1], backedUp: ids[2]]
    }
}
