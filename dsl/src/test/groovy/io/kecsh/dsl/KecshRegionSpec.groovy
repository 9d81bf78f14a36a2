package io.kecsh.dsl

import io.kecsh.runtime.config.Cloud
import io.kecsh.runtime.sandbox.SandboxOptions
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The region a Kecsh runs in is decided once, from the resolved settings, whichever backend answers:
 * the embedded sandbox honours KSYUN_REGION and the profile's region as the cloud does.
 */
class KecshRegionSpec extends Specification {
    @TempDir
    Path home

    Kecsh kecsh

    def cleanup() {
        kecsh?.close()
    }

    Kecsh.Builder builder(Map<String, String> env) {
        Kecsh.builder().environment(env).home(home).sandboxOptions(SandboxOptions.forTests()).progress {}
    }

    def "with no credentials and KSYUN_REGION the embedded sandbox runs in that region"() {
        when:
        kecsh = builder([KSYUN_REGION: 'cn-shanghai-2']).build()

        then:
        kecsh.usesSandbox()
        kecsh.region == 'cn-shanghai-2'
        kecsh.client.region(Cloud.KINGSOFT) == 'cn-shanghai-2'
        kecsh.newSession().region == 'cn-shanghai-2'
        kecsh.eval("instances { run type: 'S4.2B' }; instances.list()*.id.size()") == 1
    }

    def "with no credentials and ALIBABA_CLOUD_REGION_ID the embedded sandbox answers Alibaba's calls in that region"() {
        when:
        kecsh = builder([ALIBABA_CLOUD_REGION_ID: 'cn-shanghai']).build()

        then: 'the region the client honours against the cloud, and a KMS call signed for it passes the sandbox'
        kecsh.usesSandbox()
        kecsh.client.region(Cloud.ALIBABA) == 'cn-shanghai'
        kecsh.region == 'cn-beijing-6'
        def id = kecsh.sandbox.state().kmsInstances.keySet().first()
        kecsh.client.call('GetKmsInstance', [KmsInstanceId: id]).get('KmsInstance')['InstanceId'] == id
    }

    def "an explicit region wins over KSYUN_REGION, and a rebuilt Kecsh keeps the builder's options"() {
        when:
        kecsh = builder([KSYUN_REGION: 'cn-shanghai-2']).region('cn-guangzhou-1').build()

        then:
        kecsh.region == 'cn-guangzhou-1'

        when: 'another profile, whose own region the explicit one still wins over'
        Files.createDirectories(home.resolve('.kecsh'))
        Files.writeString(home.resolve('.kecsh/config'), '[profile other]\nregion = cn-shanghai-2\n')
        Kecsh rebuilt = kecsh.rebuild('other', null)

        then:
        rebuilt.usesSandbox()
        rebuilt.profile == 'other'
        rebuilt.region == 'cn-guangzhou-1'

        cleanup:
        rebuilt?.close()
    }

    def "a profile's region without credentials is the sandbox's region"() {
        given:
        Files.createDirectories(home.resolve('.kecsh'))
        Files.writeString(home.resolve('.kecsh/config'), '[profile staging]\nregion = cn-shanghai-2\n')

        when:
        kecsh = builder([:]).profile('staging').build()

        then:
        kecsh.usesSandbox()
        kecsh.region == 'cn-shanghai-2'
        kecsh.newSession().region == 'cn-shanghai-2'
    }

    def "with neither, the model's default region"() {
        when:
        kecsh = builder([:]).build()

        then:
        kecsh.region == 'cn-beijing-6'
        kecsh.client.region(Cloud.KINGSOFT) == 'cn-beijing-6'
    }
}
