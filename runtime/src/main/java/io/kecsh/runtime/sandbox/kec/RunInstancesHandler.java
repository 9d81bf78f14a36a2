package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.ActionHandler;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** RunInstances: the call's parameters to the {@link Instances} backend, each instance created as {InstanceId, InstanceName}. */
final class RunInstancesHandler implements ActionHandler {
    private final Catalog catalog;

    RunInstancesHandler(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Map<String, Object> handle(SandboxRequest request, SandboxState state) {
        List<Instance> created = new Instances(state, request.region(), catalog).launch(request.params());
        List<Object> set = new ArrayList<>(created.size());
        for (Instance i : created) set.add(Map.of("InstanceId", i.id, "InstanceName", i.name));
        return Map.of("InstancesSet", set);
    }
}
