/**
 * Response bodies of the modelled APIs, both ways: {@link io.kecsh.runtime.protocol.ResponseParser}
 * turns what a server sent into a typed {@link io.kecsh.runtime.protocol.Response} or a
 * {@link io.kecsh.runtime.protocol.ServiceError}; {@link io.kecsh.runtime.protocol.ResponseWriter}
 * writes what a server of these APIs would send (the sandbox's answers).
 *
 * <p>Three envelopes, named by each service's {@code metadata.envelope}: {@code ksyun} (KEC, VPC,
 * SKS), {@code cloud-market} (QueryImageList) and {@code acs} (Alibaba KMS and BSS); JSON and XML
 * each. Everything between bytes and typed values reads the service model: the output members
 * say which names are lists, which text is a number, a boolean or a string, and which values are
 * secrets that must not appear in a message.
 *
 * <p>The pipeline, one class per step: {@code BodyFormat} (which format) → {@code BodyReader}
 * (Jackson: bytes to a plain tree) → {@code XmlShapes} (XML only: the JSON shape, by the model) →
 * {@code MemberTyper} (types and freezes by the model) → {@link io.kecsh.runtime.protocol.Response};
 * {@code ErrorDocuments} recognises errors; {@code XmlBodyWriter} and Jackson write bodies. A JSON
 * success answer skips the tree: {@code JsonAnswerReader} types it from Jackson's tokens by the
 * same rules (a body that is not one well-formed object goes the tree's way, which reports it).
 */
package io.kecsh.runtime.protocol;
