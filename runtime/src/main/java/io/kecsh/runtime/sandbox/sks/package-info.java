/**
 * The sandbox's SSH keys (registered by {@link io.kecsh.runtime.sandbox.sks.KeyDomain}): the sks
 * actions ({@code KeyHandlers}) and kec's AttachKey/DetachKey ({@code InstanceKeys}), over
 * {@code KeyStore} (the account's keys in {@code SandboxState.keys}: KeyId, KeyName, PublicKey,
 * CreateTime, never a private key).
 *
 * <h2>Decisions where the documents are silent</h2>
 * <ul>
 *   <li><b>CreateKey</b> makes a real 2048-bit RSA pair: PrivateKey is PKCS#1 PEM
 *       ({@code -----BEGIN RSA PRIVATE KEY-----}, as the sample), PublicKey an OpenSSH
 *       {@code ssh-rsa} line whose comment is the key name. CreateTime is Beijing time in the
 *       sample's form (2019-08-29 16:24:10).</li>
 *   <li><b>Key names are unique</b> in the account (a client that names keys uniquely works
 *       wherever names must be unique). An omitted KeyName is the documented Ksc_key, so a second
 *       CreateKey without a name is refused and says why.</li>
 *   <li><b>ImportKey</b> takes one OpenSSH line: ssh-rsa (1024 bits or more), ssh-ed25519 or
 *       ecdsa-sha2-nistp256/384/521, whose base64 blob is well formed and names the line's type.
 *       DSA, SSH2 (RFC 4716) blocks, private keys and anything else are InvalidParameterValue on
 *       PublicKey with a reason that says what to send. The same public key may be imported under
 *       two names.</li>
 *   <li><b>DeleteKey</b> of a key bound to an instance (the recycle bin included) is refused,
 *       naming the instances: DetachKey first, so no instance names a key that does not exist.</li>
 *   <li><b>AttachKey/DetachKey</b> answer the sample's InstancesSet. An unknown key or instance,
 *       or an instance not active or stopped, fails the whole call naming KeyId.N / InstanceId.N.
 *       Per instance, Return is false when nothing could change: AttachKey on an instance whose
 *       image has no key login (Windows, other-linux: "不支持该登录方式"), DetachKey on an
 *       instance that had none of the keys. Binding a bound key again changes nothing and is
 *       true.</li>
 * </ul>
 */
package io.kecsh.runtime.sandbox.sks;
