package io.kecsh.dsl

import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.Defaults
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.context.ImagesContext
import io.kecsh.dsl.engine.context.KeysContext
import io.kecsh.dsl.engine.context.KmsContext
import io.kecsh.runtime.model.ServiceModel
import spock.lang.Specification

/** What the contexts send through the one seam: the exact API calls behind the friendly verbs. */
class ContextsSeamSpec extends Specification {
    static final String KST = 'kst-yrs9l4p0npp4xd0kdjgnl'
    CloudOperations ops = Mock {
        getModel() >> ServiceModel.bundled()
        getRegion() >> 'cn-beijing-6'
    }
    def session = new KecshSession(ops, new Defaults([:], null), null)

    private static Map kms(String chargeType, String productType) {
        [KmsInstance: [InstanceId: KST, ChargeType: chargeType, ProductType: productType, Spec: 1000, KeyNum: 1000]]
    }

    def "upgrade is one BSS ModifyInstance with the model's codes and the instance's own subscription type (#chargeType)"() {
        when:
        def result = session.enter { new KmsContext(session).upgrade(spec: 2000, keyNum: 2000, log: true, KST) }

        then:
        _ * ops.call('GetKmsInstance', [KmsInstanceId: KST]) >> kms(chargeType, productType)
        1 * ops.call('ModifyInstance', [ProductCode: 'kms', ProductType: productType, InstanceId: KST, ModifyType: 'Upgrade',
                                        SubscriptionType: subscriptionType,
                                        Parameter: [[Code: 'Spec', Value: '2000'], [Code: 'KeyNum', Value: '2000'], [Code: 'log', Value: '1']]]) >>
            [Data: [OrderId: '211662251550741']]
        0 * ops.call(_, { it.containsKey('ClientToken') })
        result.orderId == '211662251550741'

        where:
        chargeType | productType         | subscriptionType
        'PREPAY'   | 'kms_ddi_public_cn' | 'Subscription'
        'POSTPAY'  | 'kms_ppi_public_cn' | 'PayAsYouGo'
    }

    def "renew is RenewChangeInstance with RenewPeriod in months"() {
        when:
        session.enter { new KmsContext(session).renew(months: 12, KST) }

        then:
        _ * ops.call('GetKmsInstance', _) >> kms('PREPAY', 'kms_ddi_public_cn')
        1 * ops.call('RenewChangeInstance', [ProductCode: 'kms', ProductType: 'kms_ddi_public_cn', InstanceId: KST, RenewPeriod: 12]) >> [Data: [OrderId: '1']]
    }

    def "token: on #verb becomes BSS's ClientToken and is no quota"() {
        when:
        session.enter { new KmsContext(session)."${verb}"(args + [token: 'CHG-1042/upgrade'], KST) }

        then:
        _ * ops.call('GetKmsInstance', _) >> kms('PREPAY', 'kms_ddi_public_cn')
        1 * ops.call(action, { it.ClientToken == 'CHG-1042/upgrade' && !it.Parameter?.any { p -> p.Code.equalsIgnoreCase('token') } }) >>
            [Data: [OrderId: '1']]

        where:
        verb        | args          | action
        'upgrade'   | [spec: 2000]  | 'ModifyInstance'
        'downgrade' | [keyNum: 500] | 'ModifyInstance'
        'renew'     | [months: 12]  | 'RenewChangeInstance'
    }

    def "release sends ForceDeleteWithoutBackup as the model's string boolean"() {
        when:
        session.enter { new KmsContext(session).release(force: false, KST) }

        then:
        1 * ops.call('ReleaseKmsInstance', [KmsInstanceId: KST, ForceDeleteWithoutBackup: 'false']) >> [:]
    }

    def "images copy maps to: and name: onto CopyImage and wraps one ID in a list"() {
        when:
        session.enter { new ImagesContext(session).copy(to: 'cn-shanghai-2', name: 'web_v1', 'img-1') }

        then:
        1 * ops.call('CopyImage', [ImageId: ['img-1'], DestinationRegion: ['cn-shanghai-2'], DestinationImageName: 'web_v1']) >> [Return: true]
    }

    def "attaching a key to 150 instances is two AttachKey calls of at most 100"() {
        given:
        def instances = (1..150).collect { "i-${it}".toString() }

        when:
        def done = session.enter { new KeysContext(session).attach(to: instances, 'key-1') }

        then:
        1 * ops.call('AttachKey', { it.InstanceId.size() == 100 && it.KeyId == ['key-1'] }) >> { args -> [ReturnSet: args[1].InstanceId.collect { [InstanceId: it, Return: true] }] }
        1 * ops.call('AttachKey', { it.InstanceId.size() == 50 }) >> { args -> [ReturnSet: args[1].InstanceId.collect { [InstanceId: it, Return: true] }] }
        done == instances
    }
}
