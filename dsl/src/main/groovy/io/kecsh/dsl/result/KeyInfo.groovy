package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode
import groovy.transform.ToString

/**
 * An SSH key pair. {@code privateKey} is only set by {@code keys { create … }} — CreateKey's one
 * chance to get it — and is a secret: toString, tables and plans never show it.
 */
@CompileStatic
@EqualsAndHashCode(includes = ['id'])
@ToString(includes = ['id', 'name', 'createTime'], includeNames = true, includePackage = false)
class KeyInfo implements Serializable {
    private static final long serialVersionUID = 1L

    String id
    String name
    String publicKey
    String createTime
    String privateKey

    static KeyInfo from(Map<String, Object> key, String privateKey = null) {
        new KeyInfo(id: key.KeyId as String, name: key.KeyName as String, publicKey: key.PublicKey as String,
            createTime: key.CreateTime as String, privateKey: privateKey)
    }
}
