package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.ParameterNames
import io.kecsh.dsl.engine.ServiceProxy
import io.kecsh.dsl.engine.TakesActions
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.internal.ResourceWaits
import io.kecsh.dsl.result.KmsInstanceInfo
import io.kecsh.dsl.result.WaitStates
import io.kecsh.dsl.result.WaitsFor
import io.kecsh.runtime.model.EnumDef
import io.kecsh.runtime.model.EnumValue
import io.kecsh.runtime.model.ServiceModel

/**
 * {@code kms { … }}: Alibaba KMS instances — {@code get id}, {@code upgrade id, spec: 2000, keyNum:
 * 2000}, {@code downgrade id, …}, {@code renew id, months: 12}, {@code release id, force: false},
 * {@code waitUntil 'connected', id}. Changes go through BSS ModifyInstance / RenewChangeInstance
 * with ProductCode kms; the quota words (spec, keyNum, secretNum, vpcNum, log, logStore) are the
 * model's BssKmsParameterCode values in lower camel, and the SubscriptionType is the instance's
 * own billing method, read with GetKmsInstance. ClientToken is the runtime client's: one per call,
 * reused on its retries; {@code token: 'CHG-1042-upgrade'} on upgrade, downgrade and renew sets it
 * instead, so a rerun of the same change is answered from BSS's record and orders nothing twice.
 * Any other kms action: {@code kms.GetKmsInstance(KmsInstanceId: …)}.
 */
class KmsContext extends ResourceContext implements TakesActions {

    /** The enumeration whose values are the quota words upgrade, downgrade and renew take. */
    static final String QUOTA_CODES = 'bss.BssKmsParameterCode'

    /** The service whose other actions {@code kms.Action(…)} reaches. */
    final String serviceName = 'kms'

    KmsContext(KecshSession session) {
        super(session)
    }

    /** The quota words → Parameter.N.Code, read from the model's BssKmsParameterCode. */
    static Map<String, String> parameterCodes(ServiceModel model) {
        String[] serviceAndEnum = QUOTA_CODES.split('\\.')
        EnumDef codes = model.requireService(serviceAndEnum[0]).requireEnum(serviceAndEnum[1])
        codes.values().collectEntries { EnumValue v -> [v.value().uncapitalize(), v.value()] } as Map<String, String>
    }

    @Verb(action = 'GetKmsInstance', argument = 'KmsInstanceId')
    KmsInstanceInfo get(Object instance) {
        String id = id(instance, 'get', 'KMS instance')
        KmsInstanceInfo.from((Map<String, Object>) perform(declared('get'), [KmsInstanceId: id]).KmsInstance)
    }

    /** Raises quotas: {@code upgrade id, spec: 2000, keyNum: 2000}; returns [orderId:, instance:]. */
    @Verb(action = 'ModifyInstance', argument = 'InstanceId', names = ['token=ClientToken'], ownFrom = QUOTA_CODES, closed = true)
    Map<String, Object> upgrade(Map quotas = [:], Object instance) {
        change('Upgrade', 'upgrade', quotas, instance)
    }

    @Verb(action = 'ModifyInstance', argument = 'InstanceId', names = ['token=ClientToken'], ownFrom = QUOTA_CODES, closed = true)
    Map<String, Object> downgrade(Map quotas = [:], Object instance) {
        change('Downgrade', 'downgrade', quotas, instance)
    }

    /** {@code renew id, months: 12} (and quota words, changed with the renewal); subscription instances only. */
    @Verb(action = 'RenewChangeInstance', argument = 'InstanceId', names = ['months=RenewPeriod', 'token=ClientToken'], ownFrom = QUOTA_CODES, closed = true)
    Map<String, Object> renew(Map args = [:], Object instance) {
        if (args.months == null) throw new IllegalArgumentException("renew: months: is missing, e.g. renew 'kst-…', months: 12")
        Verbs.Info verb = declared('renew')
        KmsInstanceInfo now = get(instance)
        // months: and token: are the verb's names (RenewPeriod, ClientToken); the other words are quotas
        Map<String, Object> p = params(verb, named(verb, args, true), [ProductCode: productCode(verb), ProductType: now.productType, InstanceId: now.id])
        List<Map<String, String>> parameter = parameters(named(verb, args, false), 'renew')
        if (parameter) p.Parameter = parameter
        order(perform(verb, p), now.id)
    }

    /** Releases a pay-as-you-go instance; {@code force: true} even without a backup. */
    @Verb(action = 'ReleaseKmsInstance', argument = 'KmsInstanceId', names = ['force=ForceDeleteWithoutBackup'])
    boolean release(Map args = [:], Object instance) {
        Verbs.Info verb = declared('release')
        Map<String, Object> p = params(verb, args, [KmsInstanceId: id(instance, 'release', 'KMS instance')])
        if (p.ForceDeleteWithoutBackup != null) p.ForceDeleteWithoutBackup = p.ForceDeleteWithoutBackup as String
        perform(verb, p)
        true
    }

    @WaitsFor(WaitStates.KMS)
    KmsInstanceInfo waitUntil(Map options = [:], String state, Object instance) {
        String id = id(instance, 'waitUntil', 'KMS instance')
        Map<String, Object> last = ResourceWaits.waitFor(session, ResourceWaits.KMS, state, [KmsInstanceId: id] as Map<String, Object>, options)
        KmsInstanceInfo.from((Map<String, Object>) last.KmsInstance)
    }

    /** Any kms action by its API name ({@code kms.GetKmsInstance(…)}); other names fall through to the script. */
    def methodMissing(String name, def args) {
        if (!name || !Character.isUpperCase(name.charAt(0))) throw new MissingMethodException(name, KmsContext, args as Object[])
        new ServiceProxy(serviceName).invokeMethod(name, args)
    }

    private Map<String, Object> change(String modifyType, String verb, Map given, Object instance) {
        KmsInstanceInfo now = get(instance)
        Map quotas = named(declared(verb), given, false)
        List<Map<String, String>> parameter = parameters(quotas, verb)
        if (!parameter) {
            throw new IllegalArgumentException("${verb}: say what to change, e.g. ${verb} '${now.id}', spec: 2000; " +
                "quotas: ${parameterCodes(session.ops.model).keySet().join(', ')}")
        }
        Map<String, Object> p = [ProductCode: productCode(declared(verb)), ProductType: now.productType, InstanceId: now.id, ModifyType: modifyType,
                                 SubscriptionType: subscriptionType(now.chargeType), Parameter: parameter] as Map<String, Object>
        p.putAll(params(declared(verb), named(declared(verb), given, true)))   // token: → ClientToken, as the verb declares
        order(perform(declared(verb), p), now.id)
    }

    /** The words the verb names in its declaration ({@code token:}, {@code months:}), or ({@code named} false) the rest: the quota words. */
    private static Map named(Verbs.Info verb, Map args, boolean named) {
        args.findAll { verb.names.containsKey(it.key as String) == named }
    }

    private List<Map<String, String>> parameters(Map quotas, String verb) {
        Map<String, String> codes = parameterCodes(session.ops.model)
        quotas.collect { k, v ->
            String code = codes[k as String] ?: codes.values().find { it == k }
            if (code == null) {
                throw new IllegalArgumentException(ParameterNames.unknownWord(verb, k as String, declared(verb).extraKeys()))
            }
            [Code: code, Value: v instanceof Boolean ? (v ? '1' : '0') : v as String]
        }
    }

    /** The verb's action's documented ProductCode (the model's default, kms). */
    private String productCode(Verbs.Info verb) {
        session.ops.model.requireOperation(verb.action).param('ProductCode').flatMap { it.defaultValue() }.orElse('kms') as String
    }

    /**
     * GetKmsInstance says PREPAY/POSTPAY; BSS wants Subscription/PayAsYouGo. Both enums describe
     * their values in the same words (subscription, pay-as-you-go), so the model pairs them.
     */
    private String subscriptionType(String chargeType) {
        EnumValue kms = session.ops.model.requireService('kms').requireEnum('KmsChargeType').find(chargeType).orElse(null)
        EnumDef bss = session.ops.model.requireService('bss').requireEnum('SubscriptionType')
        String found = bss.values().find { kms != null && it.doc() == kms.doc() }?.value()
        if (found == null) throw new IllegalStateException("the instance's billing method '${chargeType}' has no BSS SubscriptionType")
        found
    }

    private Map<String, Object> order(Map<String, Object> r, String id) {
        [orderId: ((Map) r.Data)?.OrderId as String, instance: get(id)] as Map<String, Object>
    }
}
