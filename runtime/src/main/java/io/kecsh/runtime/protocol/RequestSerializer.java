package io.kecsh.runtime.protocol;

import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.MemberType;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flattens a validated request into wire parameters, from the model: a list is {@code Name.N}
 * (1-based), a structure member {@code Name.Member}, so {@code DataDisk.2.Size},
 * {@code Filter.1.Value.2} and Alibaba's {@code Parameter.1.Code} all come out of one rule.
 * Action and Version lead, as the documents' samples show.
 */
public final class RequestSerializer {

    /** The flattened request, plus which wire names carry secrets (for the redacted wire log). */
    public record Serialized(List<QueryParam> params, Set<String> sensitiveNames) {
        public Serialized {
            params = List.copyOf(params);
            sensitiveNames = Set.copyOf(sensitiveNames);
        }
    }

    public Serialized serialize(Service service, Operation operation, Map<String, Object> typed) {
        Map<String, Member> members = new LinkedHashMap<>(service.commonParams());
        members.putAll(operation.params());
        List<QueryParam> out = new ArrayList<>();
        Set<String> sensitive = new HashSet<>();
        out.add(new QueryParam("Action", operation.wireNames().get(0)));
        out.add(new QueryParam("Version", service.apiVersion()));
        for (Map.Entry<String, Member> e : members.entrySet()) {
            Object value = typed.get(e.getKey());
            if (value != null) flatten(e.getKey(), e.getValue(), value, out, sensitive);
        }
        return new Serialized(out, sensitive);
    }

    private static void flatten(String name, Member member, Object value, List<QueryParam> out, Set<String> sensitive) {
        if (member.type() == MemberType.LIST) {
            int n = 1;
            for (Object item : (List<?>) value) flatten(name + "." + n++, member.member(), item, out, sensitive);
        } else if (member.type() == MemberType.STRUCTURE) {
            Map<?, ?> map = (Map<?, ?>) value;
            for (Map.Entry<String, Member> child : member.members().entrySet()) {
                Object v = map.get(child.getKey());
                if (v != null) flatten(name + "." + child.getKey(), child.getValue(), v, out, sensitive);
            }
        } else {
            out.add(new QueryParam(name, scalar(value)));
            if (member.sensitive()) sensitive.add(name);
        }
    }

    static String scalar(Object value) {
        if (value instanceof BigDecimal d) return d.toPlainString();
        return String.valueOf(value);
    }
}
