package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.InvalidValue;

/** A named instance the region does not have (KEC documents no NotFound: InvalidParameterValue on the parameter). */
final class NoSuchInstance extends InvalidValue {
    NoSuchInstance(String param, String id, String region) {
        super(param, "There is no instance " + id + " in " + region + ".");
    }
}
