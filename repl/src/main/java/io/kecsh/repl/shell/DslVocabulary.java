package io.kecsh.repl.shell;

import io.kecsh.dsl.CloudScript;
import io.kecsh.dsl.engine.ServiceProxy;
import io.kecsh.dsl.engine.Verbs;
import io.kecsh.dsl.ide.DslClasses;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words a script can use, read from the DSL's classes ({@link DslClasses}, {@link Verbs})
 * and the model — never typed here: the top-level words of {@link CloudScript}, the context a
 * block word or property opens, each context's words, and the service proxies ({@code kec.} …).
 */
final class DslVocabulary {
    private final ServiceModel model;
    private final Map<Class<?>, Set<String>> words = new LinkedHashMap<>();
    /** Per class: word → the context class its block delegates to or its getter returns. */
    private final Map<Class<?>, Map<String, Class<?>>> opens = new LinkedHashMap<>();
    /** Script property → the model service its proxy calls ({@code market} → cloud-market). */
    private final Map<String, String> proxies = new LinkedHashMap<>();

    DslVocabulary(ServiceModel model) {
        this.model = model;
        for (Class<?> c : DslClasses.reachable()) {
            Set<String> own = new TreeSet<>();
            Map<String, Class<?>> opened = new LinkedHashMap<>();
            for (Method m : DslClasses.dslMethods(c)) {
                String word = wordOf(m);
                own.add(word);
                DslClasses.delegates(m).values().stream()
                        .findFirst()
                        .ifPresent(target -> opened.putIfAbsent(word, target));
                if (isGetter(m) && DslClasses.isContext(m.getReturnType())) opened.putIfAbsent(word, m.getReturnType());
                if (c == CloudScript.class && isGetter(m) && m.getReturnType() == ServiceProxy.class)
                    proxies.put(word, serviceOf(m));
            }
            // Verbs first-class even where DslClasses leaves a name out as plumbing (run is also Script.run).
            own.addAll(Verbs.of(c).keySet());
            words.put(c, own);
            opens.put(c, opened);
        }
    }

    ServiceModel model() {
        return model;
    }

    /** The words usable in the innermost block (its own first, then the script's, as DELEGATE_FIRST resolves them). */
    Set<String> wordsIn(Class<?> context) {
        Set<String> out = new LinkedHashSet<>(words.getOrDefault(context, Set.of()));
        out.addAll(words.get(CloudScript.class));
        return out;
    }

    /** Every DSL word of every context (the highlighter colours these). */
    Set<String> allWords() {
        Set<String> out = new TreeSet<>();
        words.values().forEach(out::addAll);
        return out;
    }

    /** The context class a chain of block words leads to ({@code [instances]} → InstancesContext). */
    Class<?> contextOf(Iterable<String> blockWords) {
        Class<?> at = CloudScript.class;
        for (String word : blockWords) {
            Class<?> next = open(at, lastPart(word));
            if (next != null) at = next;
        }
        return at;
    }

    /** The context a word opens from inside {@code at}, also when the word is the script's (blocks nest). */
    Class<?> open(Class<?> at, String word) {
        Class<?> next = opens.getOrDefault(at, Map.of()).get(word);
        return next != null ? next : opens.get(CloudScript.class).get(word);
    }

    /** The model service behind a script property ({@code kec}, {@code kms}), if there is one. */
    Optional<String> serviceOf(String word) {
        if (proxies.containsKey(word)) return Optional.of(proxies.get(word));
        return model.service(word).map(s -> s.name());
    }

    /** The verb a call names inside a context, with its declaration ({@code where} in InstancesContext). */
    Optional<Verbs.Info> verb(Class<?> context, String call) {
        return Optional.ofNullable(Verbs.of(context).get(call));
    }

    /**
     * The operation and the verb (null for a {@code kec.Action} call) that a call in this context
     * names: {@code run}, {@code instances.where}, {@code kec.RunInstances}.
     */
    Optional<Call> resolve(Class<?> context, String call) {
        if (call == null) return Optional.empty();
        int dot = call.lastIndexOf('.');
        String name = call.substring(dot + 1);
        Class<?> owner = context;
        if (dot > 0) {
            String receiver = lastPart(call.substring(0, dot));
            Optional<String> service = serviceOf(receiver);
            Optional<Operation> direct =
                    service.flatMap(s -> model.requireService(s).operation(name));
            if (direct.isPresent()) return Optional.of(new Call(direct.get(), null));
            owner = open(context, receiver);
            if (owner == null) return Optional.empty();
        }
        Verbs.Info info = Verbs.of(owner).get(name);
        if (info == null) {
            // Blocks delegate first, then fall back to the script: a verb of an outer block is not in scope.
            return Optional.empty();
        }
        return model.findOperation(info.getAction()).map(op -> new Call(op, info));
    }

    /** A resolved call: the model's operation, and the curated verb's declaration when it is one. */
    record Call(Operation operation, Verbs.Info verb) {}

    private static String lastPart(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    private static boolean isGetter(Method m) {
        return m.getName().startsWith("get") && m.getName().length() > 3 && m.getParameterCount() == 0;
    }

    /** {@code getInstances} is the word {@code instances}; other methods are their own name. */
    private static String wordOf(Method m) {
        return isGetter(m) ? Introspector.decapitalize(m.getName().substring(3)) : m.getName();
    }

    /** The proxy's service, asked of the script class itself so the name is never typed twice. */
    private static String serviceOf(Method getter) {
        try {
            CloudScript script = new CloudScript() {
                @Override
                public Object run() {
                    return null;
                }
            };
            return ((ServiceProxy) getter.invoke(script)).getServiceName();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the service of " + getter, e);
        }
    }
}
