package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.Defaults

/** {@code defaults { image 'centos-7.6'; chargeType 'HourlyInstantSettlement' }}. */
class DefaultsContext {
    private final Defaults defaults

    DefaultsContext(Defaults defaults) {
        this.defaults = defaults
    }

    def methodMissing(String name, def args) {
        Object[] values = args as Object[]
        if (values.length != 1) throw new IllegalArgumentException("defaults: ${name} takes one value")
        defaults.set(name, values[0])
    }
}
