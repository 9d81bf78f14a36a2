package io.kecsh.dsl.engine

import groovy.transform.CompileStatic
import io.kecsh.runtime.catalog.LiveCatalogue
import io.kecsh.runtime.client.CloudClient
import io.kecsh.runtime.config.Cloud
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.retry.RetryPolicy
import io.kecsh.runtime.validate.OpenValueRule
import io.kecsh.runtime.waiter.WaitOptions

/** {@link CloudOperations} over the runtime's {@link CloudClient}: the real thing (cloud or sandbox). */
@CompileStatic
class ClientOperations implements CloudOperations {
    final CloudClient client

    ClientOperations(CloudClient client) {
        this.client = client
    }

    @Override
    Map<String, Object> call(String action, Map<String, ?> params) {
        client.call(action, params)
    }

    @Override
    Iterable<Map<String, Object>> pages(String action, Map<String, ?> params) {
        client.pages(action, params)
    }

    @Override
    Map<String, Object> waitFor(String waiter, Map<String, ?> params, WaitOptions options) {
        client.waitFor(waiter, params, options)
    }

    @Override
    ServiceModel getModel() {
        client.model()
    }

    @Override
    CloudOperations inRegion(String region) {
        new ClientOperations(client.switchTo(region))
    }

    @Override
    OpenValueRule.Verdict judgeRegion(String region) {
        client.judgeRegion(region)
    }

    @Override
    String getRegion() {
        client.region(Cloud.KINGSOFT)
    }

    @Override
    String regionFor(String service) {
        client.region(client.model().requireService(service))
    }

    @Override
    LiveCatalogue getCatalogue() {
        client.catalogue()
    }

    @Override
    CloudOperations withRetry(RetryPolicy policy) {
        new ClientOperations(client.withRetryPolicy(policy))
    }
}
