package io.kecsh.dsl.engine.plan

import groovy.transform.CompileStatic
import io.kecsh.runtime.model.Member
import io.kecsh.runtime.model.MemberType
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.ServiceModel

/**
 * A copy of a request with every value the model marks {@code sensitive} replaced by {@code ****},
 * at any depth. The plan keeps only this copy, so a secret cannot leak through printing,
 * serializing or a debugger view of the plan.
 */
@CompileStatic
final class Masking {
    static final String MASK = '****'

    private Masking() {
    }

    static Map<String, Object> masked(ServiceModel model, Operation op, Map<String, ?> params) {
        Map<String, Member> members = new LinkedHashMap<String, Member>(model.serviceOf(op).commonParams())
        members.putAll(op.params())
        Map<String, Object> out = new LinkedHashMap<String, Object>()
        params.each { String k, Object v -> out[k] = mask(members[k], v) }
        out
    }

    private static Object mask(Member member, Object value) {
        if (value == null || member == null) return copy(value)
        if (member.sensitive()) return MASK
        if (member.type() == MemberType.LIST && value instanceof Collection) {
            return ((Collection) value).collect { Object item -> mask(member.member(), item) }
        }
        if (member.type() == MemberType.STRUCTURE && value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<String, Object>()
            ((Map) value).each { Object k, Object v -> out[k as String] = mask(member.members()[k as String], v) }
            return out
        }
        copy(value)
    }

    /** Plain data only: a Pattern or a GString becomes its text so the plan stays serializable. */
    private static Object copy(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) return value
        if (value instanceof Collection) return ((Collection) value).collect { copy(it) }
        if (value instanceof Map) return ((Map) value).collectEntries { k, v -> [(k as String): copy(v)] }
        value.toString()
    }
}
