package io.kecsh.scripts

import com.fasterxml.jackson.databind.ObjectMapper
import io.kecsh.runtime.error.ServiceException
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Every script in scripts/examples runs as an operator would run it — {@code kecsh run FILE args}
 * in its own process against a fresh sandbox — and the spec checks what it left in the cloud; then
 * {@code kecsh plan} on the same scene must list the changes and leave the cloud exactly as it was.
 */
class ExampleScriptsSpec extends Specification {
    static final String EXAMPLES = 'examples'

    @TempDir
    Path home
    CloudUnderTest cloud

    def setup() {
        cloud = new CloudUnderTest(home)
    }

    def cleanup() {
        cloud?.close()
    }

    private static String script(String name) {
        Path p = Path.of(EXAMPLES, name)
        assert Files.isRegularFile(p): "${p.toAbsolutePath()} is missing"
        p.toString()
    }

    private KecshCommand.Result run(String name, List<String> args = [], Map<String, String> env = [:]) {
        KecshCommand.Result r = cloud.kecsh('run', script(name), args, env)
        assert r.exitCode == 0: r.toString()
        r
    }

    /** Plans the script; nothing may change, and the plan names every mutating action in {@code actions}. */
    private KecshCommand.Result plan(String name, List<String> args, List<String> actions, Map<String, String> env = [:]) {
        Map<String, Object> before = cloud.fingerprint()
        KecshCommand.Result r = cloud.kecsh('plan', script(name), args, env)
        assert r.exitCode == 0: r.toString()
        assert cloud.fingerprint() == before
        actions.each { assert r.stdout.contains(".${it} ["): "plan lacks ${it}:\n${r}" }
        if (!actions) assert r.stdout.contains('Plan: nothing would change'): r.toString()
        r
    }

    private List<Map> named(String pattern, String state = null) {
        cloud.instances(state).findAll { it.InstanceName ==~ pattern }
    }

    def "provision-web-tier launches the tier, waits for it, and launches only what is missing on a rerun"() {
        when:
        plan('provision-web-tier.groovy', ['3', 'S4.2B', 'web'], ['RunInstances'])
        def first = run('provision-web-tier.groovy', ['3', 'S4.2B', 'web'])

        then:
        named(/web-\d+/)*.InstanceName.sort() == ['web-1', 'web-2', 'web-3']
        named(/web-\d+/).every { it.InstanceState.Name == 'active' && it.InstanceType == 'S4.2B' }
        first.stdout.contains('web-3')

        when: 'one is lost and the script runs again'
        cloud.call('TerminateInstances', [InstanceId: [named(/web-2/)[0].InstanceId], ForceDelete: true])
        cloud.instances()
        def second = run('provision-web-tier.groovy', ['3', 'S4.2B', 'web'])

        then:
        named(/web-\d+/).size() == 3
        named(/web-\d+/)*.InstanceName.sort() == ['web-1', 'web-3', 'web-4']
        second.stdout.contains('launching 1 ')

        expect: 'a third run has nothing to do, and its plan is empty'
        run('provision-web-tier.groovy', ['3']).stdout.contains('nothing to launch')
        plan('provision-web-tier.groovy', ['3'], [])
    }

    def "provision-web-tier at 120 (more than one RunInstances call) names web-1 … web-120 once each and waits for all"() {
        when:
        run('provision-web-tier.groovy', ['120', 'S4.2B', 'web'])

        def all = cloud.client.pages('DescribeInstances', [:]).collectMany { (it.InstancesSet ?: []) as List<Map> }   // every page

        then:
        all*.InstanceName.toSet() == (1..120).collect { "web-${it}".toString() }.toSet()
        all.size() == 120
        all.every { it.InstanceState.Name == 'active' }
    }

    def "stop-dev-at-night stops the running dev instances with StopCharging; start-dev-in-the-morning starts them"() {
        given:
        cloud.launch('dev-api', 2)
        cloud.launch('prod-api', 1)
        cloud.launch('test-api', 1)

        when:
        plan('stop-dev-at-night.groovy', [], ['StopInstances'])
        def night = run('stop-dev-at-night.groovy')

        then:
        named(/dev-.*/).every { it.InstanceState.Name == 'stopped' && it.StoppedMode == 'StopCharging' }
        named(/prod-.*|test-.*/).every { it.InstanceState.Name == 'active' }
        night.stdout.contains('stopped 2 development instance(s)')

        when: 'a second night run, and a pattern from the environment'
        def again = run('stop-dev-at-night.groovy')
        run('stop-dev-at-night.groovy', [], [DEV_PATTERN: '^test-'])

        then:
        again.stdout.contains('no running development instance')
        named(/test-.*/).every { it.InstanceState.Name == 'stopped' }

        when:
        plan('start-dev-in-the-morning.groovy', [], ['StartInstances'])
        def morning = run('start-dev-in-the-morning.groovy')

        then:
        named(/dev-.*/).every { it.InstanceState.Name == 'active' }
        named(/test-.*/).every { it.InstanceState.Name == 'stopped' }
        morning.stdout.contains('started 2 development instance(s)')
        run('start-dev-in-the-morning.groovy').stdout.contains('no stopped development instance')
    }

    def "rolling-reboot reboots the matching instances in batches, each back to active before the next"() {
        given:
        cloud.launch('web', 5, 'S4.2B', [InstanceNameSuffix: 1])
        cloud.launch('db', 1)

        when:
        plan('rolling-reboot.groovy', ['^web-', '2'], ['RebootInstances'])
        def r = run('rolling-reboot.groovy', ['^web-', '2'])

        then:
        r.stdout.contains('batch 1: web-1, web-2')
        r.stdout.contains('batch 2: web-3, web-4')
        r.stdout.contains('batch 3: web-5')
        !r.stdout.contains('batch 4')
        r.stdout.contains('rebooted 5 instance(s) in batches of 2')
        named(/web-\d/).every { it.InstanceState.Name == 'active' }
    }

    def "golden-image makes the image once and copies it only where it is missing"() {
        given:
        cloud.launch('golden-src')

        when:
        plan('golden-image.groovy', ['golden-src', 'web_v1', 'cn-shanghai-2'], ['CreateImage', 'CopyImage'])
        run('golden-image.groovy', ['golden-src', 'web_v1', 'cn-shanghai-2'])
        def mine = { String region -> (cloud.call('DescribeImages', [:], region).ImagesSet as List<Map>).findAll { it.Name == 'web_v1' } }

        then:
        mine('cn-beijing-6').size() == 1
        mine('cn-shanghai-2').size() == 1

        when:
        def again = run('golden-image.groovy', ['golden-src', 'web_v1', 'cn-shanghai-2'])

        then:
        again.stdout.contains('exists already')
        again.stdout.contains('is in cn-shanghai-2 already')
        mine('cn-beijing-6').size() == 1
        mine('cn-shanghai-2').size() == 1
    }

    def "rotate-snapshots takes a snapshot of each local volume and keeps only the newest N of its own"() {
        given: 'a database with four older automatic snapshots and one made by hand'
        cloud.close()
        cloud = new CloudUnderTest(home, Instant.now().minus(Duration.ofMinutes(6)))
        cloud.launch('db', 1, 'I2.4B', [DataDiskGb: 50])
        def volume = (cloud.call('DescribeLocalVolumes', [InstanceName: 'db']).LocalVolumeSet as List<Map>)[0]
        def old = (1..4).collect { int n ->
            cloud.advance(Duration.ofMinutes(1))
            cloud.call('CreateLocalVolumeSnapshot', [LocalVolumeId: volume.LocalVolumeId, LocalVolumeSnapshotName: "nightly-old-${n}"])
                .LocalVolumeSnapshotId
        }
        def byHand = cloud.call('CreateLocalVolumeSnapshot', [LocalVolumeId: volume.LocalVolumeId, LocalVolumeSnapshotName: 'before-upgrade'])
            .LocalVolumeSnapshotId
        cloud.advance(Duration.ofMinutes(1))
        def snaps = { (cloud.call('DescribeLocalVolumeSnapshots').LocalVolumeSnapshotSet as List<Map>) }

        when:
        plan('rotate-snapshots.groovy', ['db', '3', 'nightly'], ['CreateLocalVolumeSnapshot'])
        run('rotate-snapshots.groovy', ['db', '3', 'nightly'])
        def left = snaps().findAll { it.SourceLocalVolumeId == volume.LocalVolumeId }

        then: 'the new one and the two newest old ones; the hand-made one untouched'
        left*.LocalVolumeSnapshotId.containsAll([old[2], old[3], byHand])
        !left*.LocalVolumeSnapshotId.any { it in old.take(2) }
        left.count { it.LocalVolumeSnapshotName.startsWith('nightly-') } == 3
        left.any { it.LocalVolumeSnapshotName ==~ /nightly-\d{8}-\d{6}/ }
    }

    def "rotate-ssh-key installs a new key, takes the old one off and deletes it, and writes the private key only to the file"() {
        given:
        def oldKey = cloud.call('CreateKey', [KeyName: 'web-old']).Key.KeyId
        def web = cloud.launch('web', 2, 'S4.2B', [KeyId: [oldKey], InstanceNameSuffix: 1])
        cloud.launch('db', 1, 'S4.2B', [KeyId: [oldKey]])
        Path keyFile = home.resolve('web-new.pem')
        def env = [PRIVATE_KEY_FILE: keyFile.toString(), DELETE_OLD: 'false']

        when:
        plan('rotate-ssh-key.groovy', ['^web-', 'web-new'], ['CreateKey', 'AttachKey'], env)
        boolean writtenByPlan = Files.exists(keyFile)
        def r = run('rotate-ssh-key.groovy', ['^web-', 'web-new'], env)
        String privateKey = Files.readString(keyFile)
        def keysOf = { String id -> (cloud.instances().find { it.InstanceId == id }.KeySet as List) }

        then:
        !writtenByPlan
        privateKey.contains('PRIVATE KEY')
        Files.getPosixFilePermissions(keyFile)*.toString().sort() == ['OWNER_READ', 'OWNER_WRITE']
        !r.stdout.contains(privateKey.readLines()[1]) && !r.stderr.contains(privateKey.readLines()[1])
        web.every { keysOf(it).size() == 1 && keysOf(it)[0] != oldKey }
        named(/db/)[0].KeySet == [oldKey]

        when: 'a rerun must not overwrite the only copy of the key'
        def again = cloud.kecsh('run', script('rotate-ssh-key.groovy'), ['^web-', 'web-newer'], env)

        then:
        again.exitCode == 1
        again.stderr.contains('exists already')
        Files.readString(keyFile) == privateKey
    }

    def "scale-out-from-template launches from the template up to the count, and never twice"() {
        given:
        def model = cloud.call('CreateModel', [ModelName: 'web', ImageId: cloud.centos(), InstanceType: 'S4.2B',
                                               SubnetId: cloud.region().defaultSubnetId, SecurityGroupId: cloud.region().defaultSecurityGroupId,
                                               ChargeType: 'HourlyInstantSettlement', PurchaseTime: 0, InstancePassword: 'Passw0rd!x9']).ModelId
        cloud.launch('web', 1, 'S4.2B', [InstanceNameSuffix: 1])

        when:
        plan('scale-out-from-template.groovy', ['web', '3'], ['RunInstances'])
        run('scale-out-from-template.groovy', ['web', '3'])

        then:
        named(/web-\d+/)*.InstanceName.sort() == ['web-1', 'web-2', 'web-3']
        named(/web-\d+/).every { it.InstanceState.Name == 'active' }

        expect:
        run('scale-out-from-template.groovy', ['web', '3']).stdout.contains('nothing to do')
        named(/web-\d+/).size() == 3
        cloud.kecsh('run', script('scale-out-from-template.groovy'), ['wbe', '3']).with { exitCode == 1 && stderr.contains('no launch template called wbe') }
        model != null
    }

    def "cost-report prices what is running by type and charge type, and its JSON output is the report"() {
        given:
        cloud.launch('web', 2, 'S4.2B')
        cloud.launch('db', 1, 'S4.4B')
        def stopped = cloud.launch('old', 1, 'S4.8B')
        cloud.call('StopInstances', [InstanceId: stopped])
        cloud.instances()

        when:
        def text = run('cost-report.groovy')
        def json = KecshCommand.run(['run', '--endpoint', cloud.sandbox.endpoint().toString(), '--output', 'json',
                                     script('cost-report.groovy')], cloud.env())
        def report = new ObjectMapper().readValue(json.stdout, Map)

        then:
        json.exitCode == 0
        report.lines*.type == ['S4.2B', 'S4.4B']
        report.lines*.count == [2, 1]
        report.lines.every { it.price > 0 }
        report.totals.values().sum() == report.lines*.price.sum()
        text.stdout.contains('S4.2B') && text.stdout.contains('total: ')
        !text.stdout.contains('S4.8B')

        expect: 'reads only'
        plan('cost-report.groovy', [], [])
    }

    def "cost-report prices a type with more than 50 running (DescribePrice takes at most 50 a call)"() {
        given:
        3.times { cloud.launch('web', 40, 'S4.2B') }
        cloud.instances()
        BigDecimal one = ((cloud.call('DescribePrice', [InstanceType: 'S4.2B', ImageId: cloud.centos(), MaxCount: 1,
                                                        ChargeType: 'HourlyInstantSettlement']).PriceInfo as Map).InstancePrice as Map).TradePrice as BigDecimal

        when:
        def json = KecshCommand.run(['run', '--endpoint', cloud.sandbox.endpoint().toString(), '--output', 'json',
                                     script('cost-report.groovy')], cloud.env())
        def report = new ObjectMapper().readValue(json.stdout, Map)

        then:
        json.exitCode == 0
        report.lines*.count == [120]
        (report.lines[0].price as BigDecimal) == one * 120
    }

    def "empty-recycle-bin destroys what has been in the bin long enough and leaves the rest"() {
        given: 'instances made 30 days ago, two then put in the bin, and one put in the bin today'
        cloud.close()
        cloud = new CloudUnderTest(home, Instant.now().minus(Duration.ofDays(30)))
        def old = cloud.launch('old', 2)
        def kept = cloud.launch('kept', 1)
        cloud.advance(Duration.ofDays(30))
        def fresh = cloud.launch('fresh', 1)
        cloud.call('TerminateInstances', [InstanceId: old + fresh])
        cloud.instances('recycling')

        when:
        plan('empty-recycle-bin.groovy', ['7'], ['TerminateInstances'])
        def r = run('empty-recycle-bin.groovy', ['7'])

        then:
        cloud.instances('recycling')*.InstanceId == fresh
        cloud.instances()*.InstanceId == kept
        r.stdout.contains('destroyed 2 instance(s)')
        run('empty-recycle-bin.groovy', ['7']).stdout.contains('nothing in the recycle bin older than 7 day(s) (1 there)')
    }

    def "kms-upgrade-and-renew raises the quotas and renews once per change ticket"() {
        given:
        String id = 'kst-yrs9l4p0npp4xd0kdjgnl'
        def before = cloud.kms(id)
        def env = [KECSH_CHANGE_ID: 'CHG-1042']

        when:
        plan('kms-upgrade-and-renew.groovy', [id, '2000', '2000', '12'], ['ModifyInstance', 'RenewChangeInstance'], env)
        run('kms-upgrade-and-renew.groovy', [id, '2000', '2000', '12'], env)
        def after = cloud.kms(id)

        then:
        after.Spec == 2000
        after.KeyNum == 2000
        after.EndDate != before.EndDate

        when: 'the same ticket again: BSS answers from its record, nothing is ordered twice'
        def again = run('kms-upgrade-and-renew.groovy', [id, '2000', '2000', '12'], env)

        then:
        cloud.kms(id).EndDate == after.EndDate
        again.stdout.contains('quotas already at spec 2000')

        when: 'a new ticket renews again'
        run('kms-upgrade-and-renew.groovy', [id, '0', '0', '12'], [KECSH_CHANGE_ID: 'CHG-1043'])

        then:
        cloud.kms(id).EndDate != after.EndDate
    }

    def "kms-release releases an instance with a backup and refuses one without"() {
        given:
        def withoutBackup = 'kst-935uh8cey7jpbqli3b5fh'

        when:
        def refused = cloud.kecsh('run', script('kms-release.groovy'), [withoutBackup])

        then:
        refused.exitCode == 4
        refused.stderr.contains('has no backup')
        cloud.kms(withoutBackup) != null

        when:
        String withBackup = kmsWithBackup()
        plan('kms-release.groovy', [withBackup], ['ReleaseKmsInstance'])
        run('kms-release.groovy', [withBackup])
        cloud.kms(withBackup)

        then:
        thrown(ServiceException)
    }

    /** The seeded pay-as-you-go instance that has a backup (the third of the sandbox's KMS instances). */
    private String kmsWithBackup() {
        synchronized (cloud.sandbox.state().lock()) {
            cloud.sandbox.state().kmsInstances.keySet().find { !(it in CloudUnderTest.KMS_SEEDED) }
        }
    }
}
