package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.ForwardingOperations
import io.kecsh.runtime.error.ServiceException
import io.kecsh.runtime.error.TransportException
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.validate.ValidationException

/**
 * Writes every mutating call that goes to the cloud into the {@link AuditLog}: it sits just above
 * the client, under the guard and under a plan's recorder, so a call that protection refused or a
 * plan only recorded is not in it, and one refused by validation (nothing sent) is not either.
 */
@CompileStatic
class AuditedOperations extends ForwardingOperations {
    final AuditLog log

    AuditedOperations(CloudOperations delegate, AuditLog log) {
        super(delegate)
        this.log = log
    }

    @Override
    Map<String, Object> call(String action, Map<String, ?> params) {
        Operation op = delegate.model.requireOperation(action)
        if (!op.mutating()) return delegate.call(action, params)
        // the region the call goes to: KMS and BSS calls go to the Alibaba region, not the Kingsoft one
        String region = delegate.regionFor(op.serviceName())
        try {
            Map<String, Object> answer = delegate.call(action, params)
            log.record(delegate.model, op, region, params, answer, 'ok')
            answer
        } catch (ValidationException refused) {
            throw refused   // nothing was sent
        } catch (ServiceException e) {
            log.record(delegate.model, op, region, params, null, e.code())
            throw e
        } catch (TransportException e) {
            log.record(delegate.model, op, region, params, null, e.mayHaveBeenProcessed() ? 'unknown' : 'not-sent')
            throw e
        } catch (RuntimeException e) {
            log.record(delegate.model, op, region, params, null, e.class.simpleName)
            throw e
        }
    }

    @Override
    protected CloudOperations wrap(CloudOperations inner) {
        new AuditedOperations(inner, log)
    }
}
