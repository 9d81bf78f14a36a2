import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;

/**
 * kecsh through the standard scripting API (JSR-223): the engine is found by name on the class
 * path (kecsh-dsl registers it), engine variables become script variables, println goes to the
 * engine's writer, and a mistake is a ScriptException with the line.
 *
 * The engine builds its own Kecsh on first use, with credentials and endpoint from the environment
 * and ~/.kecsh/config (none: an embedded sandbox), and closes it with the engine.
 *
 *   java -cp <kecsh-dsl and its dependencies>:. Jsr223Example [NAME-PATTERN]
 */
public class Jsr223Example {
    public static void main(String[] args) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("kecsh");
        if (engine == null) {
            throw new IllegalStateException("no 'kecsh' script engine: kecsh-dsl is not on the class path");
        }
        try {
            engine.put("pattern", args.length > 0 ? args[0] : "^embedded-");
            Object count = engine.eval("instances.where(name: ~pattern).size()");
            System.out.println("matching: " + count);
            engine.eval("instances.where(name: ~pattern)*.name.sort().each { println \"instance: $it\" }");

            try {
                engine.eval("instances {\n  run type: 'S4.2X'\n}");
            } catch (ScriptException e) {
                System.out.println("rejected at line " + e.getLineNumber() + ": " + e.getMessage());
            }
        } finally {
            if (engine instanceof AutoCloseable) {
                ((AutoCloseable) engine).close();
            }
        }
    }
}
