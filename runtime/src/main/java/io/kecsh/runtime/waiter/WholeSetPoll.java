package io.kecsh.runtime.waiter;

import io.kecsh.runtime.invoke.Invoker;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Paginator;
import io.kecsh.runtime.paginate.Pages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One look at everything a waiter's call names, merged into one result so its acceptors judge the
 * whole set: every page of the operation (its paginator, at the largest page the model allows) and,
 * when an id list is longer than the model lets one call carry ({@code maxItems}), one call per
 * slice of that size. Lists in the answers are concatenated (pathAll then holds over the union,
 * pathAny over any item) and the paginator's total is summed over the slices.
 */
final class WholeSetPoll {
    private final Invoker invoker;
    private final Operation operation;
    private final Paginator paginator;

    /** @param paginator the operation's paginator, or null when it does not page */
    WholeSetPoll(Invoker invoker, Operation operation, Paginator paginator) {
        this.invoker = invoker;
        this.operation = operation;
        this.paginator = paginator;
    }

    Map<String, Object> poll(Map<String, Object> call) {
        List<Map<String, Object>> answers = new ArrayList<>();
        Object total = null;
        for (Map<String, Object> slice : slices(operation, call)) {
            if (paginator == null) {
                answers.add(invoker.invoke(operation.name(), slice));
                continue;
            }
            boolean first = true;
            for (Map<String, Object> page : new Pages(invoker, operation, paginator, slice)) {
                if (first && paginator.totalKey() != null) total = sum(total, page.get(paginator.totalKey()));
                first = false;
                answers.add(page);
            }
        }
        if (answers.size() == 1) return answers.get(0);
        Map<String, Object> merged = merge(answers);
        if (total != null) merged.put(paginator.totalKey(), total);
        return merged;
    }

    /**
     * The call as the model allows it to be sent: a list of plain values (InstanceId.N) longer than
     * its {@code maxItems} becomes consecutive slices of that size, the rest of the call unchanged.
     * Lists of structures (Filter.N) are never split: their entries combine, so a slice would
     * answer a different question.
     */
    static List<Map<String, Object>> slices(Operation operation, Map<String, Object> call) {
        for (Map.Entry<String, Object> e : call.entrySet()) {
            Member m = operation.params().get(e.getKey());
            if (m == null
                    || m.maxItems().isEmpty()
                    || m.member() == null
                    || !m.member().type().isScalar()) continue;
            if (!(e.getValue() instanceof List<?> list)
                    || list.size() <= m.maxItems().get()) continue;
            int size = m.maxItems().get();
            List<Map<String, Object>> out = new ArrayList<>();
            for (int from = 0; from < list.size(); from += size) {
                Map<String, Object> slice = new LinkedHashMap<>(call);
                slice.put(e.getKey(), List.copyOf(list.subList(from, Math.min(list.size(), from + size))));
                out.add(slice);
            }
            return out;
        }
        return List.of(call);
    }

    /**
     * The first answer's scalars, with every list the answers hold concatenated in order (a list
     * only a later page carries included); a key the first answer holds as a scalar stays its.
     */
    private static Map<String, Object> merge(List<Map<String, Object>> answers) {
        Map<String, Object> first = answers.get(0);
        Map<String, List<Object>> lists = new LinkedHashMap<>();
        for (Map<String, Object> a : answers) {
            a.forEach((k, v) -> {
                boolean scalarInFirst = first.containsKey(k) && !(first.get(k) instanceof List<?>);
                if (v instanceof List<?> l && !scalarInFirst)
                    lists.computeIfAbsent(k, x -> new ArrayList<>()).addAll(l);
            });
        }
        Map<String, Object> merged = new LinkedHashMap<>(first);
        lists.forEach((k, l) -> merged.put(k, List.copyOf(l)));
        return merged;
    }

    private static Object sum(Object so, Object value) {
        if (!(value instanceof Number n)) return so;
        return (so instanceof Number s ? s.longValue() : 0L) + n.longValue();
    }
}
