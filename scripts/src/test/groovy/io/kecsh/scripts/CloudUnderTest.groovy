package io.kecsh.scripts

import io.kecsh.runtime.client.ClientConfig
import io.kecsh.runtime.client.CloudClient
import io.kecsh.runtime.config.Cloud
import io.kecsh.runtime.retry.Sleeper
import io.kecsh.runtime.sandbox.Sandbox
import io.kecsh.runtime.sandbox.SandboxOptions
import io.kecsh.runtime.sandbox.state.RegionState
import io.kecsh.runtime.sandbox.state.SandboxClock
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant

/**
 * A fresh sandbox for one test, the {@code kecsh} command pointed at it, and a client of our own to
 * set the scene and to check what a script left behind.
 * <p>
 * The sandbox runs in this JVM and the script in another, so the two cannot share a manual clock
 * the way in-process tests do. Instead the clock stands still at (about) the real time, which keeps
 * the forked process's signatures fresh, and every transition is due at once: the first describe
 * after a stop sees {@code stopped}. Waits in scripts therefore finish on their first poll, and no
 * test sleeps or races a clock. {@link #advance} moves time for age-based scripts.
 * <p>
 * The script's HOME is a temp dir whose {@code ~/.kecsh/config} holds the region's default subnet,
 * security group, image and charge type, as an operations team's profile would.
 */
class CloudUnderTest implements AutoCloseable {
    static final String REGION = 'cn-beijing-6'
    static final Map<String, String> SANDBOX_KEYS = [
        KSYUN_ACCESS_KEY               : 'AKLTSANDBOXKINGSOFT01',
        KSYUN_SECRET_KEY               : 'sandbox-kingsoft-secret',
        ALIBABA_CLOUD_ACCESS_KEY_ID    : 'LTAISANDBOXALIBABA01',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'sandbox-alibaba-secret',
    ].asImmutable()

    final Sandbox sandbox
    final CloudClient client
    final Path home

    /** {@code start}: the sandbox's time now; earlier lets a test make things "old" and then {@link #advance}. */
    CloudUnderTest(Path home, Instant start = Instant.now()) {
        this.home = home
        SandboxClock clock = SandboxClock.manual(start).transitionDelay(Duration.ZERO)
        sandbox = Sandbox.start(SandboxOptions.forTests().withClock(clock))
        client = new CloudClient(ClientConfig.builder().endpoint(sandbox.endpoint())
            .credentials(Cloud.KINGSOFT, sandbox.credentials().kingsoft())
            .credentials(Cloud.ALIBABA, sandbox.credentials().alibaba())
            .clock(clock)
            .sleeper({ Duration d -> clock.advance(d) } as Sleeper)
            .build())
        writeProfile()
    }

    void advance(Duration d) {
        sandbox.clock().advance(d)
    }

    /** What the script's process gets, and nothing else: the sandbox keys, HOME, and a PATH for sh. */
    Map<String, String> env(Map<String, String> extra = [:]) {
        [HOME: home.toString(), PATH: '/usr/bin:/bin'] + SANDBOX_KEYS + extra
    }

    KecshCommand.Result kecsh(String command, String script, List<String> args = [], Map<String, String> extraEnv = [:]) {
        KecshCommand.run([command, '--endpoint', sandbox.endpoint().toString(), script] + args, env(extraEnv))
    }

    /** Instances by DescribeInstances (the recycle bin when {@code state} is recycling). */
    List<Map<String, Object>> instances(String state = null, String region = REGION) {
        Map<String, Object> params = [:]
        if (state) params.Filter = [[Name: 'instance-state.name', Value: [state]]]
        call('DescribeInstances', params, region).InstancesSet as List<Map<String, Object>> ?: []
    }

    Map<String, Object> call(String action, Map<String, Object> params = [:], String region = REGION) {
        (region == REGION ? client : client.inRegion(region)).call(action, new LinkedHashMap<>(params))
    }

    /** Launches instances directly (the scene a script works on); they are active at once. */
    List<String> launch(String name, int count = 1, String type = 'S4.2B', Map<String, Object> extra = [:]) {
        Map<String, Object> p = [ImageId: centos(), SubnetId: region().defaultSubnetId, SecurityGroupId: region().defaultSecurityGroupId,
                                 ChargeType: 'HourlyInstantSettlement', InstanceType: type, MinCount: count, MaxCount: count,
                                 InstanceName: name] + extra
        List<String> ids = (call('RunInstances', p).InstancesSet as List<Map>)*.InstanceId as List<String>
        instances()   // one describe: building → active
        ids
    }

    String centos() {
        ((call('DescribeImages').ImagesSet as List<Map>).find { it.Platform == 'centos-7.6' && it.IsPublic }).ImageId
    }

    RegionState region(String name = REGION) {
        call('DescribeAvailabilityZones', [:], name)   // a region is seeded on first use
        synchronized (sandbox.state().lock()) {
            sandbox.state().regions[name]
        }
    }

    static final List<String> KMS_SEEDED = ['kst-yrs9l4p0npp4xd0kdjgnl', 'kst-935uh8cey7jpbqli3b5fh']

    /**
     * What scripts can change, read through the API: instances (with the bin) and their states and
     * keys, images here and in cn-shanghai-2, snapshots, templates, the seeded KMS instances. Equal
     * before and after a plan means the plan sent nothing that changes anything.
     */
    Map<String, Object> fingerprint() {
        [instances : (instances() + instances('recycling')).collectEntries { [it.InstanceId, [it.InstanceState.Name, it.KeySet]] },
         images    : (call('DescribeImages').ImagesSet as List<Map>)*.ImageId.sort(),
         copies    : (call('DescribeImages', [:], 'cn-shanghai-2').ImagesSet as List<Map>)*.ImageId.sort(),
         snapshots : (call('DescribeLocalVolumeSnapshots').LocalVolumeSnapshotSet as List<Map> ?: [])*.LocalVolumeSnapshotId.sort(),
         templates : (call('DescribeModels').ModelSet as List<Map> ?: [])*.ModelId.sort(),
         kms       : KMS_SEEDED.collectEntries { [it, kms(it)] }]
    }

    Map<String, Object> kms(String id) {
        call('GetKmsInstance', [KmsInstanceId: id]).KmsInstance as Map<String, Object>
    }

    private void writeProfile() {
        def r = region()
        Path dir = Files.createDirectories(home.resolve('.kecsh'))
        Files.writeString(dir.resolve('config'), """\
            [default]
            default.image = ${centos()}
            default.subnet = ${r.defaultSubnetId}
            default.security_group = ${r.defaultSecurityGroupId}
            default.charge_type = HourlyInstantSettlement
            """.stripIndent())
    }

    @Override
    void close() {
        client.close()
        sandbox.close()
    }
}
