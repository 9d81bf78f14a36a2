package io.kecsh.dsl.engine.internal

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.result.InstanceInfo
import io.kecsh.runtime.model.Member
import io.kecsh.runtime.text.UserText

import java.util.regex.Pattern

/**
 * Instance tags as the current API has them (see the tagv2 model's "tags" decision): put on at launch
 * with RunInstances' {@code Tag.N.Key/Value}, read back from the tag service's ListTagsByResourceIds,
 * since DescribeInstances neither returns nor filters them. IDs go as many a call as the model's
 * bound on ResourceUuids (a comma-separated string) lets them.
 */
final class InstanceTags {
    static final String READ = 'ListTagsByResourceIds'

    private InstanceTags() {
    }

    /** {@code tags: [env: 'prod']} as RunInstances' Tag list. */
    static List<Map<String, String>> forRun(Object tags) {
        if (!(tags instanceof Map) || ((Map) tags).isEmpty()) {
            throw new IllegalArgumentException("run tags: ${UserText.quoted(String.valueOf(tags))} is not allowed; give key: value pairs, e.g. tags: [env: 'prod', team: 'web']")
        }
        ((Map) tags).collect { k, v -> [Key: k as String, Value: v == null ? '' : v as String] }
    }

    /** Reads the tags of the instances and sets {@code tags} on each (an empty map when it has none). */
    static void fill(KecshSession session, List<InstanceInfo> instances) {
        if (instances.isEmpty()) return
        Map<String, Map<String, String>> byId = read(session, instances*.id)
        instances.each { it.tags = byId[it.id] ?: [:] }
    }

    /** {@code tags: [env: 'prod', tier: ~/web|api/]}: every key present, its value equal, matching or one of a list. */
    static boolean matches(Map wanted, Map<String, String> actual) {
        wanted.every { k, v ->
            String have = actual?.get(k as String)
            if (have == null) return false
            if (v instanceof Pattern) return ((Pattern) v).matcher(have).find()
            if (v instanceof Collection) return ((Collection) v).any { it as String == have }
            v as String == have
        }
    }

    private static Map<String, Map<String, String>> read(KecshSession session, List<String> ids) {
        Member bound = session.ops.model.requireOperation(READ).params().ResourceUuids
        int max = bound.maxLength().orElse(Integer.MAX_VALUE) as int
        Map<String, Map<String, String>> byId = [:]
        chunks(ids, max).each { List<String> chunk ->
            Map<String, Object> answer = session.ops.call(READ, [ResourceType: 'instance', ResourceUuids: chunk.join(',')])
            ((answer.Tags ?: []) as List<Map>).each { Map row ->
                byId.computeIfAbsent(row.ResourceUuid as String) { [:] }[row.TagKey as String] = row.TagValue as String
            }
        }
        byId
    }

    /** Consecutive IDs whose comma-joined text fits in {@code maxLength} characters. */
    static List<List<String>> chunks(List<String> ids, int maxLength) {
        List<List<String>> out = []
        List<String> current = []
        int length = 0
        ids.each { String id ->
            int added = current ? id.length() + 1 : id.length()
            if (current && length + added > maxLength) {
                out << current
                current = []
                added = id.length()
                length = 0
            }
            current << id
            length += added
        }
        if (current) out << current
        out
    }
}
