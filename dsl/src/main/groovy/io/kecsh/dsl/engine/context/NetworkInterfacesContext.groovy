package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.internal.NetworkPlacement
import io.kecsh.dsl.result.NetworkInterfaceInfo
import io.kecsh.dsl.result.PagedItems
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText
import java.util.function.Function

/**
 * {@code networkInterfaces { … }}: elastic NICs — {@code create subnet: …, securityGroups: […]},
 * {@code attach eni, to: instance}, {@code detach eni, from: instance}, {@code modify eni, instance:
 * …, subnet: …, securityGroups: […]}, {@code delete eni}, {@code list(status: 'UnBind')}.
 */
class NetworkInterfacesContext extends ResourceContext {
    /** list() criteria → the filter names of DescribeNetworkInterfacesFilterName (a spec checks them against the enum). */
    static final Map<String, String> FILTERS = [zone: 'availability-zone-name', status: 'networkInterface-status',
        // the names terraform-provider-ksyun sends (issue 12)
        vpc: 'vpc-id', subnet: 'subnet-id', securityGroup: 'securitygroup-id', instanceType: 'instance-type',
        instance: 'instance-id', ip: 'private-ip-address'].asImmutable()

    private static final String ACTION = 'DescribeNetworkInterfaces'

    NetworkInterfacesContext(KecshSession session) {
        super(session)
    }

    /** {@code create subnet: …, securityGroups: […], ip: …}; subnet and security group default as for run. */
    @Verb(action = 'CreateNetworkInterface')
    NetworkInterfaceInfo create(Map args = [:]) {
        Verbs.Info verb = declared('create')
        Map<String, Object> p = params(verb, args)
        NetworkPlacement.fill(session, p, 'create', null, null, true, 'securityGroups')
        String id = perform(verb, p).NetworkInterfaceId as String
        describe(id)
    }

    /** The elastic-NIC form of AttachNetworkInterface: this NIC onto that instance. */
    @Verb(action = 'AttachNetworkInterface', argument = 'NetworkInterfaceId', names = ['to=InstanceId'])
    NetworkInterfaceInfo attach(Map args = [:], Object nic) {
        Verbs.Info verb = declared('attach')
        required(verb, args, 'to', 'attach eni, to: web[0]')
        String id = id(nic, 'attach', 'network interface')
        send(verb, args, [NetworkInterfaceId: id])
        describe(id)
    }

    @Verb(action = 'DetachNetworkInterface', argument = 'NetworkInterfaceId', names = ['from=InstanceId'])
    NetworkInterfaceInfo detach(Map args = [:], Object nic) {
        Verbs.Info verb = declared('detach')
        required(verb, args, 'from', 'detach eni, from: web[0]')
        String id = id(nic, 'detach', 'network interface')
        send(verb, args, [NetworkInterfaceId: id])
        describe(id)
    }

    @Verb(action = 'ModifyNetworkInterfaceAttribute', argument = 'NetworkInterfaceId', names = ['instance=InstanceId'])
    NetworkInterfaceInfo modify(Map args = [:], Object nic) {
        String id = id(nic, 'modify', 'network interface')
        send(declared('modify'), args, [NetworkInterfaceId: id])
        describe(id)
    }

    @Verb(action = 'DeleteNetworkInterface', argument = 'NetworkInterfaceId')
    boolean delete(Object nic) {
        perform(declared('delete'), [NetworkInterfaceId: id(nic, 'delete', 'network interface')]).Return != false
    }

    /**
     * The region's network interfaces, chosen on the server, every page of DescribeNetworkInterfaces
     * read into one list: {@code id:}/{@code ids:}, {@code zone:}, {@code status:} (Bind | UnBind),
     * {@code vpc:}, {@code subnet:}, {@code securityGroup:}, {@code instance:} (an id or instances),
     * {@code instanceType:} (kec), {@code ip:}. For a large inventory walk {@link #stream} or
     * {@link #each}, which hold two pages at most.
     */
    List<NetworkInterfaceInfo> list(Map criteria = [:]) {
        paged('list', criteria, null).readAll()
    }

    /**
     * The interfaces {@link #list} gives, read lazily page by page as they are iterated
     * ({@link PagedItems}): constant memory at any inventory size. Takes list's criteria and
     * {@code pageSize:} (interfaces a call, the model's MaxResults range; the largest by default).
     */
    PagedItems<NetworkInterfaceInfo> stream(Map criteria = [:]) {
        Map rest = new LinkedHashMap(criteria)
        Object size = rest.remove('pageSize')
        paged('stream', rest, size)
    }

    /** {@code networkInterfaces.each { NetworkInterfaceInfo n -> … }}: every interface, two pages in memory at most. */
    void each(Closure<?> action) {
        stream().each(action)
    }

    private PagedItems<NetworkInterfaceInfo> paged(String verb, Map criteria, Object size) {
        List<Map> filters = []
        List<String> wanted = null
        criteria.each { k, v ->
            String key = k as String
            if (key == 'id' || key == 'ids') wanted = ids(v, verb, 'network interface')
            else if (key == 'instance') filters << [Name: FILTERS[key], Value: ids(v, verb, 'instance')]
            else if (FILTERS.containsKey(key)) filters << [Name: FILTERS[key], Value: (v instanceof Collection ? v : [v]).collect { it as String }]
            else {
                List<String> valid = (FILTERS.keySet() as List<String>) + ['id'] + (verb == 'stream' ? ['pageSize'] : [])
                throw new IllegalArgumentException("${verb}: unknown criterion ${UserText.quoted(key)}${Suggestions.didYouMean(key, valid)}; criteria: ${valid.join(', ')}")
            }
        }
        Map<String, Object> params = [:]
        if (filters) params.Filter = filters
        if (wanted) params.NetworkInterfaceId = wanted
        if (size != null) params.MaxResults = pageSize(verb, session.ops.model.requireOperation(ACTION), size, 'interfaces')
        new PagedItems<NetworkInterfaceInfo>(session.ops.pages(ACTION, params), 'NetworkInterfaceSet',
            { Map<String, Object> it -> NetworkInterfaceInfo.from(it) } as Function)
    }

    private NetworkInterfaceInfo describe(String id) {
        list(id: id).find() ?: new NetworkInterfaceInfo(id: id)
    }
}
