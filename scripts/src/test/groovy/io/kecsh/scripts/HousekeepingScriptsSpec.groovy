package io.kecsh.scripts

import io.kecsh.runtime.error.ServiceException
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant

/**
 * The example scripts that look after what a fleet leaves behind: images, snapshots, SSH keys, the
 * recycle bin, and the KMS instances' quotas, renewals and release (see {@link ExampleScriptsSpecification}).
 */
class HousekeepingScriptsSpec extends ExampleScriptsSpecification {
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
