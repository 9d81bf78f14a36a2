package io.kecsh.runtime.sandbox.state;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
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
}
