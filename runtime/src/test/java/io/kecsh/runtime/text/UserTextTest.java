package io.kecsh.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.error.ServiceException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTextTest {
    @Test
    void controlCharacters_areEscaped_visibly() {
        assertEquals(
                "a\\nb\\r\\t\\0\\e[2J\\u0007\\u007f\\u009b\\u2028\\u202e",
                UserText.escaped("a\nb\r\t\0\u001b[2J\u0007\u007f\u009b\u2028\u202e"));
        assertEquals("plain 漢字 \\ path", UserText.escaped("plain 漢字 \\ path"));
        assertEquals("\\ud800x", UserText.escaped("\ud800x"), "a lone surrogate");
        assertEquals("\ud83d\ude00", UserText.escaped("\ud83d\ude00"), "a pair stays");
    }

    @Test
    void longValues_areCut_withTheirLength() {
        String shown = UserText.shown("x".repeat(1_000_000));
        assertEquals("x".repeat(64) + "… (1000000 chars)", shown);
        assertEquals("'short'", UserText.quoted("short"));
    }

    @Test
    void structures_areShownBounded_evenWhenNestedThousandsDeep() {
        Object deep = "leaf";
        for (int i = 0; i < 100_000; i++) deep = new ArrayList<>(List.of(deep));
        String shown = UserText.shown(deep);
        assertTrue(shown.length() <= 70, shown);
        assertTrue(shown.startsWith("[[[["), shown);
    }

    @Test
    void serviceExceptionLine_escapesAndCutsTheServersText() {
        ServiceException e = new ServiceException(
                "RunInstances",
                "cn-beijing-6",
                "Bad\u001bCode",
                "value 'x\n\u001b[31m' " + "y".repeat(5000),
                400,
                "req\0",
                "Sender");
        assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20), e.getMessage());
        assertTrue(
                e.getMessage().contains("Bad\\eCode")
                        && e.getMessage().contains("'x\\n\\e[31m'")
                        && e.getMessage().contains("[request req\\0]"),
                e.getMessage());
        assertTrue(e.getMessage().length() < 1200, e.getMessage().length() + " chars");
        assertTrue(e.serviceMessage().contains("\u001b"), "the verbatim message stays available as data");
    }

    @Test
    void numbers_tooLargeToPrint_areNotNumbers() {
        assertTrue(NumberText.parse("1e999999999").isEmpty());
        assertTrue(NumberText.parse("1e-999999999").isEmpty());
        assertTrue(NumberText.parse("9".repeat(1_000_000)).isEmpty());
        assertEquals(new BigDecimal("0.00012"), NumberText.parse(" 0.00012 ").orElseThrow());
        assertEquals(
                new BigDecimal("2026000000000000123"),
                NumberText.parse("2026000000000000123").orElseThrow(),
                "a 19-digit order id");
        assertEquals(BigDecimal.ZERO, NumberText.parse("0e999999999").orElseThrow());
        assertTrue(NumberText.isOversized("1e999999999"));
        assertFalse(NumberText.isOversized("abc"));
    }
}
