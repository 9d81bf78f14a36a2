package io.kecsh.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bundled model reads a service's files when that service is first asked for, into the same model. */
class LazyModelTest {

    @Test
    void aRunOfKecActions_readsKecsFilesOnly() {
        ServiceModel model = new ModelLoader().loadBundled();
        assertEquals(List.of(), model.servicesRead());
        assertEquals(List.of("kec", "vpc", "sks", "tagv2", "cloud-market", "kms", "bss"), model.serviceNames());

        model.requireOperation("DescribeRegions");
        model.requireService("kec").paginator("DescribeInstances");
        assertEquals(List.of("kec"), model.servicesRead());

        model.requireOperation("DescribeVpcs"); // vpc comes after kec in the index: kec is asked first
        assertEquals(List.of("kec", "vpc"), model.servicesRead());
    }

    @Test
    void aServiceThatInherits_readsItsParentFirst_andGetsTheSameCommonParameters() {
        ServiceModel model = new ModelLoader().loadBundled();
        Service sks = model.requireService("sks");
        assertEquals(List.of("kec", "sks"), model.servicesRead());
        assertEquals(render(model.requireService("kec").commonParams()), render(sks.commonParams()));
    }

    @Test
    void unknownServices_areNamedWithoutReadingAny() {
        ServiceModel model = new ModelLoader().loadBundled();
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                ServiceModel.UnknownNameException.class, () -> model.requireService("vcp"));
        assertEquals("unknown service 'vcp' (did you mean vpc?)", e.getMessage());
        assertEquals(List.of(), model.servicesRead());
    }

    @Test
    void theLazyModel_isTheEagerOne_fieldByField() {
        ModelLoader loader = new ModelLoader();
        ServiceModel eager = loader.build(loader.bundledFiles());
        ServiceModel lazy = loader.loadBundled();
        assertEquals(eager.serviceNames(), lazy.serviceNames());
        for (String name : eager.serviceNames()) {
            assertEquals(render(eager.requireService(name)), render(lazy.requireService(name)), name);
        }
    }

    /** Every field of an object graph, recursively, as text (maps sorted by key, patterns by their source). */
    static String render(Object o) {
        StringBuilder out = new StringBuilder();
        render(o, out, new IdentityHashMap<>());
        return out.toString();
    }

    private static void render(Object o, StringBuilder out, Map<Object, Boolean> path) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>) {
            out.append(o);
            return;
        }
        if (o instanceof Pattern p) {
            out.append('/').append(p.pattern()).append('/');
            return;
        }
        if (o instanceof Optional<?> opt) {
            render(opt.orElse(null), out, path);
            return;
        }
        if (path.put(o, true) != null) {
            out.append("<cycle>");
            return;
        }
        if (o instanceof Map<?, ?> m) {
            out.append('{');
            new TreeMap<>(stringKeys(m)).forEach((k, v) -> {
                out.append(k).append('=');
                render(v, out, path);
                out.append(',');
            });
            out.append('}');
        } else if (o instanceof Collection<?> c) {
            out.append('[');
            for (Object x : c) {
                render(x, out, path);
                out.append(',');
            }
            out.append(']');
        } else {
            out.append(o.getClass().getSimpleName()).append('(');
            for (Field f : fields(o.getClass())) {
                try {
                    f.setAccessible(true);
                    out.append(f.getName()).append(':');
                    render(f.get(o), out, path);
                    out.append(' ');
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            out.append(')');
        }
        path.remove(o);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) if (!Modifier.isStatic(f.getModifiers())) out.add(f);
        }
        return out;
    }
}
