package io.kecsh.dsl

import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.Service
import io.kecsh.runtime.text.Suggestions

/**
 * Any documented action without a curated verb: {@code kec.DescribeRegions()},
 * {@code kms.GetKmsInstance(KmsInstanceId: 'kst-…')}. Action and parameter names are checked
 * against the model (API names or lower camel); a mistake lists the valid ones.
 */
class ServiceProxy {
    private final String serviceName

    ServiceProxy(String serviceName) {
        this.serviceName = serviceName
    }

    def methodMissing(String action, def args) {
        KecshSession session = KecshSession.current()
        Service service = session.ops.model.requireService(serviceName)
        Operation op = service.operation(action).orElseThrow {
            List<String> names = service.operations()*.name()
            new IllegalArgumentException("${serviceName}.${action}: no such action${Suggestions.didYouMean(action, names)}; " +
                "${serviceName} has ${names.join(', ')}")
        }
        Object[] given = args as Object[]
        if (given.length > 1 || given.length == 1 && !(given[0] instanceof Map)) {
            throw new IllegalArgumentException("${serviceName}.${op.name()} takes named parameters, e.g. ${serviceName}.${op.name()}(${
                ParameterNames.friendlyNames(op).take(2).collect { "${it}: …" }.join(', ')})")
        }
        Map<String, Object> params = [:]
        ((Map) (given ? given[0] : [:])).each { k, v -> params[ParameterNames.apiName(op, k as String, "${serviceName}.${op.name()}")] = v }
        session.ops.call(op.name(), params)
    }

    @Override
    String toString() {
        "the ${serviceName} API"
    }
}
