package io.kecsh.dsl.engine

/**
 * A script name that takes any action of one modelled service by its API name: {@code kec},
 * {@code kms} ({@code kms.GetKmsInstance(…)}). The compile-time checks ask it which service, so
 * every such name is checked against the model the same way.
 */
interface TakesActions {
    /** The model's service name ({@code kec}, {@code cloud-market}). */
    String getServiceName()
}
