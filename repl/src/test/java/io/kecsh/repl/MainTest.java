package io.kecsh.repl;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void noArguments_printsTheModelSummary() {
        assertEquals(Main.OK, main.run(new String[0]));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("58 actions, 199 instance types"), text);
        assertTrue(text.contains("kec           2016-03-04  47"), text);
    }

    @Test
    void validate_reportsProblemsOnStderr_withADistinctExitCode() {
        int code = main.run(new String[]{"validate", "RunInstances", "InstanceType=S4.2X", "MinCount=1", "MaxCount=1"});
        assertEquals(Main.INVALID, code);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("did you mean S4.2A, S4.2B, S4.2C or S4.2D?"), text);
        assertTrue(text.contains("ImageId: required"), text);
    }

    @Test
    void unknownAction_isAUsageError_withASuggestion() {
        assertEquals(Main.USAGE, main.run(new String[]{"describe", "RunInstance"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("did you mean RunInstances?"));
    }
}
