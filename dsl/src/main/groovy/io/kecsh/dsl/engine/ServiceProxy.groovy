package io.kecsh.dsl.engine

import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.Service
import io.kecsh.runtime.text.Suggestions

/**
 * Any documented action without a curated verb: {@code kec.DescribeRegions()},
 * {@code kms.GetKmsInstance(KmsInstanceId: 'kst-…')}. Action and parameter names are checked
 * against the model (API names or lower camel); a mistake lists the valid ones.
 */
class ServiceProxy implements TakesActions {
    /** The model's service name ({@code kec}, {@code cloud-market}); the compile-time checks read it too. */
    final String serviceName

    ServiceProxy(String serviceName) {
        this.serviceName = serviceName
    }

    def methodMissing(String action, def args) {
        KecshSession session = KecshSession.current()
        Service service = session.ops.model.requireService(serviceName)
        Operation op = requireOperation(service, serviceName, action)
        Object[] given = args as Object[]
        if (given.length > 1 || given.length == 1 && !(given[0] instanceof Map)) {
            throw new IllegalArgumentException("${serviceName}.${op.name()} takes named parameters, e.g. ${serviceName}.${op.name()}(${
                ParameterNames.friendlyNames(op).take(2).collect { "${it}: …" }.join(', ')})")
        }
        Map<String, Object> params = [:]
        ((Map) (given ? given[0] : [:])).each { k, v -> params[ParameterNames.apiName(op, k as String, "${serviceName}.${op.name()}")] = v }
        session.ops.call(op.name(), params)
    }

    /** The action, or an error naming the service's actions with a "did you mean" (shared with the compile-time checks). */
    static Operation requireOperation(Service service, String serviceName, String action) {
        service.operation(action).orElseThrow {
            List<String> names = service.operations()*.name()
            // Like the validator's enumerations: every name when few, otherwise a count and a start.
            String listed = names.size() <= 20 ? names.join(', ') : "${names.size()} actions, e.g. ${names.take(6).join(', ')}…"
            new IllegalArgumentException("${serviceName}.${action}: no such action${Suggestions.didYouMean(action, names)}; " +
                "${serviceName} has ${listed}")
        }
    }

    @Override
    String toString() {
        "the ${serviceName} API"
    }
}
