package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.internal.Batches
import io.kecsh.dsl.result.DataGuardInfo
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.text.UserText

/**
 * {@code dataGuard { … }}: anti-affinity groups — {@code create 'name'}, {@code add instances, to:
 * group}, {@code remove instances, from: group}, {@code rename group, to: 'x'}, {@code delete
 * group}, {@code list()}, {@code capacity()} (how many instances a group may hold here).
 */
class DataGuardContext extends ResourceContext {

    DataGuardContext(KecshSession session) {
        super(session)
    }

    @Verb(action = 'CreateDataGuardGroup', argument = 'DataGuardName')
    DataGuardInfo create(String name) {
        String id = perform(declared('create'), [DataGuardName: name]).DataGuardId as String
        describe(id)
    }

    @Verb(action = 'AddVmIntoDataGuard', argument = 'InstanceId', names = ['to=DataGuardId'])
    DataGuardInfo add(Map args = [:], Object instances) {
        Verbs.Info verb = declared('add')
        required(verb, args, 'to', 'add web, to: group')
        Map<String, Object> params = params(verb, args)
        Batches.overList('add', ids(instances, 'add', 'instance'), op(verb.action), 'InstanceId') { List<String> chunk, int offset ->
            perform(verb, params + [InstanceId: new ArrayList<>(chunk)])
            Batches.Answer.all(chunk)
        }
        describe(params.DataGuardId as String)
    }

    /** Takes instances out; the ones the group refused are reported, the rest stay out. */
    @Verb(action = 'RemoveVmFromDataGuard', argument = 'InstanceId', names = ['from=DataGuardId'])
    DataGuardInfo remove(Map args = [:], Object instances) {
        Verbs.Info verb = declared('remove')
        required(verb, args, 'from', 'remove web, from: group')
        Map<String, Object> params = params(verb, args)
        Batches.overList('remove', ids(instances, 'remove', 'instance'), op(verb.action), 'InstanceId') { List<String> chunk, int offset ->
            refusals((List<Map>) (perform(verb, params + [InstanceId: new ArrayList<>(chunk)]).ReturnSet ?: []), 'InstanceId')
        }
        describe(params.DataGuardId as String)
    }

    @Verb(action = 'ModifyDataGuardGroups', argument = 'DataGuardId', names = ['to=DataGuardName'])
    DataGuardInfo rename(Map args = [:], Object group) {
        Verbs.Info verb = declared('rename')
        required(verb, args, 'to', "rename group, to: 'web-spread'")
        String id = id(group, 'rename', 'data-guard group')
        send(verb, args, [DataGuardId: id])
        describe(id)
    }

    @Verb(action = 'DeleteDataGuardGroups', argument = 'DataGuardId')
    List<String> delete(Object groups) {
        Verbs.Info verb = declared('delete')
        Batches.overList('delete', ids(groups, 'delete', 'data-guard group'), op(verb.action), 'DataGuardId') { List<String> chunk, int offset ->
            refusals((List<Map>) (perform(verb, [DataGuardId: new ArrayList<>(chunk)]).ReturnSet ?: []), 'DataGuardId')
        }
    }

    /**
     * The region's data-guard groups. Materialised: DescribeDataGuardGroup takes no page size or token and
     * answers every group at once (a region holds few).
     */
    List<DataGuardInfo> list(Map criteria = [:]) {
        Map<String, Object> params = [:]
        criteria.each { k, v ->
            if (k == 'name') params.DataGuardName = v
            else if (k == 'id') params.DataGuardId = id(v, 'list', 'data-guard group')
            else throw new IllegalArgumentException("list: unknown criterion ${UserText.quoted(k)}${io.kecsh.runtime.text.Suggestions.didYouMean(k as String, ['name', 'id'])}; criteria: name, id")
        }
        ((List<Map<String, Object>>) (session.ops.call('DescribeDataGuardGroup', params).DataGuardsSet ?: [])).collect { DataGuardInfo.from(it) }
    }

    /** How many instances one group may hold in this region. */
    Integer capacity() {
        ((Map) session.ops.call('DescribeDataGuardCapacity', [:]).DataGuardCapacity)?.Capacity as Integer
    }

    /** A ReturnSet's entries: Return false is refused, the rest done. */
    private static Batches.Answer refusals(List<Map> set, String idKey) {
        Batches.Answer answer = new Batches.Answer()
        set.each { Map item -> item.Return == false ? answer.refused.put(item[idKey] as String, 'refused') : answer.done.add(item[idKey] as String) }
        answer
    }

    private Operation op(String action) {
        session.ops.model.requireOperation(action)
    }

    private DataGuardInfo describe(String id) {
        list(id: id).find() ?: new DataGuardInfo(id: id)
    }
}
