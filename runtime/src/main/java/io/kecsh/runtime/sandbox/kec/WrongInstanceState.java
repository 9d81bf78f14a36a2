package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.state.Instance;

/**
 * A change the instance's state does not allow; KEC documents only the generic InvalidParameterValue
 * on InstanceId for it, so the reason says what the state is and what the change needs.
 */
final class WrongInstanceState extends InvalidValue {
    WrongInstanceState(Instance instance, String needs) {
        super("InstanceId", "The instance is " + instance.state + "; " + needs);
    }
}
