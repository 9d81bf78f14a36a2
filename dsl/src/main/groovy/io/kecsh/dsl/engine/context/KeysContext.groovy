package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.internal.Batches
import io.kecsh.dsl.result.KeyInfo

/**
 * {@code keys { … }}: {@code create 'name'} (the result carries the private key, once, never
 * printed), {@code importKey 'name', publicKey: …}, {@code delete id}, {@code attach key, to:
 * instances}, {@code detach key, from: instances}.
 */
class KeysContext extends ResourceContext {
    /**
     * AttachKey/DetachKey: the model records no list limit, and no public record gives one (checked
     * 2026-12-03: the 2016 KEC document; kingsoftcloud/sdk-go 831e7c6 ksyun/client/kec/v20160304
     * AttachKeyRequest/DetachKeyRequest and sdk-python 00d3afc models.py type InstanceId and KeyId as
     * plain lists; terraform-provider-ksyun 172afd3 binds keys one instance a call). So 100 ids a call,
     * as the other instance actions take; when a source documents the limit it goes in the model
     * (maxItems, with the source) and this reads it.
     */
    static final int ID_BATCH = 100
    KeysContext(KecshSession session) {
        super(session)
    }

    @Verb(action = 'CreateKey', argument = 'KeyName')
    KeyInfo create(Map args = [:], String name) {
        Map<String, Object> r = send(declared('create'), args, [KeyName: name])
        KeyInfo.from((Map<String, Object>) r.Key, r.PrivateKey as String)
    }

    @Verb(action = 'ImportKey', argument = 'KeyName')
    KeyInfo importKey(Map args = [:], String name) {
        Verbs.Info verb = declared('importKey')
        required(verb, args, 'publicKey', "importKey 'laptop', publicKey: new File('id_ed25519.pub').text")
        KeyInfo.from((Map<String, Object>) send(verb, args, [KeyName: name]).Key)
    }

    @Verb(action = 'DeleteKey', argument = 'KeyId')
    boolean delete(Object key) {
        perform(declared('delete'), [KeyId: id(key, 'delete', 'key')]).Return != false
    }

    /** Installs keys on instances (100 instances a call, see {@link Batches}); instances that refused are reported. */
    @Verb(action = 'AttachKey', argument = 'KeyId', names = ['to=InstanceId'])
    List<String> attach(Map args = [:], Object keys) {
        Verbs.Info verb = declared('attach')
        required(verb, args, 'to', 'attach key, to: web')
        each(verb, args, keys, 'to')
    }

    @Verb(action = 'DetachKey', argument = 'KeyId', names = ['from=InstanceId'])
    List<String> detach(Map args = [:], Object keys) {
        Verbs.Info verb = declared('detach')
        required(verb, args, 'from', 'detach key, from: web')
        each(verb, args, keys, 'from')
    }

    private List<String> each(Verbs.Info declared, Map args, Object keys, String word) {
        String verb = declared.name
        List<String> instances = ids(args[word], verb, 'instance')
        Map rest = args.findAll { it.key != word }
        List<String> keyIds = ids(keys, verb, 'key')
        List<String> done = Batches.over(verb, instances, ID_BATCH) { List<String> chunk, int offset ->
            Map<String, Object> r = send(declared, rest, [InstanceId: new ArrayList<>(chunk), KeyId: keyIds])
            List<Map> set = (List<Map>) (r.ReturnSet ?: r.InstancesSet ?: [])
            if (!set) return Batches.Answer.all(chunk)
            Batches.Answer answer = new Batches.Answer()
            set.each { Map item -> item.Return == false ? answer.refused.put(item.InstanceId as String, 'refused') : answer.done.add(item.InstanceId as String) }
            answer
        }
        session.progress("${verb}: ${done.size()} instance(s)")
        done
    }
}
