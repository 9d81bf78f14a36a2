package io.kecsh.runtime.sandbox.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A snapshot notices every kind of change to a plain-data object, whoever makes it. */
class FieldSnapshotTest {
    private static Instance instance() {
        Instance i = new Instance();
        i.id = "i-1";
        i.name = "web-1";
        i.state = "building";
        i.keyIds.add("key-1");
        i.dataDisks.add(new LinkedHashMap<>(Map.of("DiskSize", 20L)));
        return i;
    }

    @Test
    void matches_unchangedInstance_true() {
        Instance i = instance();
        assertTrue(FieldSnapshot.of(i).matches(i));
    }

    @Test
    void matches_afterAFieldIsAssigned_false() {
        Instance i = instance();
        FieldSnapshot s = FieldSnapshot.of(i);
        i.state = "active";
        assertFalse(s.matches(i));
    }

    @Test
    void matches_afterAPrimitiveOrATransitionChanges_false() {
        Instance i = instance();
        FieldSnapshot s = FieldSnapshot.of(i);
        i.systemDiskSize = 40;
        assertFalse(s.matches(i));
        Instance j = instance();
        FieldSnapshot t = FieldSnapshot.of(j);
        j.transition = new Transition("active", 1L, 0);
        assertFalse(t.matches(j));
    }

    @Test
    void matches_afterAListOrANestedMapChangesInPlace_false() {
        Instance i = instance();
        FieldSnapshot s = FieldSnapshot.of(i);
        i.keyIds.add("key-2");
        assertFalse(s.matches(i));
        Instance j = instance();
        FieldSnapshot t = FieldSnapshot.of(j);
        j.dataDisks.get(0).put("DiskSize", 30L);
        assertFalse(t.matches(j));
    }

    @Test
    void matches_anotherObjectWithEqualFields_false() {
        assertFalse(FieldSnapshot.of(instance()).matches(instance()));
    }

    @Test
    void matches_aFieldHoldingAValueThatMightChangeUnseen_neverTrue() {
        Instance i = instance();
        i.extra.put("Mutable", new StringBuilder("x"));
        assertFalse(FieldSnapshot.of(i).matches(i));
    }

    /**
     * The instance's and the NIC's fields are compared in plain Java (their checks run for every
     * instance of every page); a field added to either class and not to its layout would make
     * snapshots fall back to reflection, slower but still right: this says which layout to update.
     */
    @Test
    void instanceAndNic_useTheirWrittenLayouts_whichNameEveryField() {
        assertTrue(FieldLayout.of(Instance.class).written(), "InstanceFieldLayout.NAMES misses a field of Instance");
        assertTrue(
                FieldLayout.of(NetworkInterface.class).written(),
                "NicFieldLayout.NAMES misses a field of NetworkInterface");
    }

    /** Each field alone, changed by reflection (as any code could), is seen: no field is left out or read for another. */
    @Test
    void matches_afterAnyOneFieldOfAnInstanceOrANicChanges_false() throws ReflectiveOperationException {
        NetworkInterface nic = new NetworkInterface();
        nic.id = "eni-1";
        for (Object plain : List.of(instance(), nic)) {
            List<String> unseen = new ArrayList<>();
            for (Field f : plain.getClass().getFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                FieldSnapshot before = FieldSnapshot.of(plain);
                Object old = f.get(plain);
                f.set(plain, otherValue(f.getType(), old));
                if (before.matches(plain)) unseen.add(f.getName());
                f.set(plain, old);
                assertTrue(FieldSnapshot.of(plain).matches(plain));
            }
            assertEquals(List.of(), unseen, plain.getClass().getSimpleName() + " fields whose change was not seen");
        }
    }

    private static Object otherValue(Class<?> type, Object old) {
        if (type == long.class || type == Long.class) return old == null ? 7L : (Long) old + 1;
        if (type == int.class) return (Integer) old + 1;
        if (type == boolean.class) return !(Boolean) old;
        if (type == String.class) return old + "-changed";
        if (type == List.class) return new ArrayList<>(List.of("changed"));
        if (type == Map.class) return new LinkedHashMap<>(Map.of("Changed", "yes"));
        if (type == Transition.class) return new Transition("active", 1L, 1);
        throw new AssertionError("no other value for a field of type " + type);
    }
}
