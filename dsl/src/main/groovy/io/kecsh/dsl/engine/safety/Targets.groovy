package io.kecsh.dsl.engine.safety

import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.internal.Batches
import io.kecsh.dsl.error.Target
import io.kecsh.runtime.model.Member
import io.kecsh.runtime.model.Operation

/**
 * The resources a destructive call would affect. The target is the call's first required
 * {@code …Id} parameter (the model's destructive actions all lead with it: InstanceId, ImageId,
 * KeyId, KmsInstanceId, …); its kind is that name in words. Instances and images are looked up
 * (names, types) so {@code protect name:} and the confirmer see what a person recognises; other
 * kinds are known by ID only, so only {@code protect id:} and {@code kind:} can guard them.
 */
final class Targets {
    private Targets() {
    }

    /** The result; {@code lookupFailure} is set when a lookup was tried and failed. */
    static class Found {
        List<Target> targets = []
        String lookupFailure
    }

    /** The parameter naming a destructive call's targets (InstanceId), or null. */
    static String targetParameter(Operation op) {
        op.params().find { String k, Member m -> m.required() && k.endsWith('Id') }?.key
    }

    /** The kind of resource a destructive call acts on, in protect's words ('instance', 'kms instance'), or null. */
    static String kindOf(Operation op) {
        String param = targetParameter(op)
        param == null ? null : param[0..-3].replaceAll(/([a-z])([A-Z])/, '$1 $2').toLowerCase()
    }

    static Found of(Operation op, Map<String, ?> params, CloudOperations reader) {
        String key = targetParameter(op)
        Found found = new Found()
        if (key == null) return found
        String kind = kindOf(op)
        Map.Entry<String, Member> param = op.params().find { String k, Member m -> k == key }
        Object given = params[param.key]
        List<String> ids = (given instanceof Collection ? (Collection) given : given == null ? [] : [given]).collect { it as String }
        Map<String, Map> details = [:]
        try {
            details = lookUp(param.key, ids, reader)
        } catch (RuntimeException e) {
            found.lookupFailure = e.message
        }
        found.targets = ids.collect { String id -> new Target(kind: kind, id: id, name: details[id]?.name as String, type: details[id]?.type as String) }
        found
    }

    private static Map<String, Map> lookUp(String param, List<String> ids, CloudOperations reader) {
        Map<String, Map> out = [:]
        if (ids.isEmpty()) return out
        if (param == 'InstanceId') {
            Batches.slices(ids, reader.model.requireOperation('DescribeInstances'), 'InstanceId').each { List<String> chunk ->
                reader.pages('DescribeInstances', [InstanceId: chunk]).each { Map page ->
                    (page.InstancesSet ?: []).each { Map i -> out[i.InstanceId as String] = [name: i.InstanceName, type: i.InstanceType] }
                }
            }
        } else if (param == 'ImageId') {
            ids.each { String id ->
                (reader.call('DescribeImages', [ImageId: id]).ImagesSet ?: []).each { Map i -> out[i.ImageId as String] = [name: i.Name, type: i.Platform] }
            }
        }
        out
    }
}
