import io.kecsh.dsl.Kecsh;
import io.kecsh.dsl.error.KecshScriptException;
import io.kecsh.dsl.result.InstanceInfo;

import java.util.List;
import java.util.Map;

/**
 * kecsh inside a Java program: build a Kecsh, evaluate DSL text with bindings, read the results as
 * ordinary objects (InstanceInfo, lists, numbers), and catch a script's mistake as one line.
 *
 * Credentials and the endpoint come from where kecsh always reads them: KSYUN_ACCESS_KEY /
 * KSYUN_SECRET_KEY (or a profile in ~/.kecsh/config, which may also set endpoint = URL); with none
 * at all, Kecsh starts an embedded sandbox.
 *
 *   java -cp <kecsh-dsl and its dependencies>:. EmbedKecsh [REGION] [COUNT]
 */
public class EmbedKecsh {
    public static void main(String[] args) {
        String region = args.length > 0 ? args[0] : "cn-beijing-6";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 2;

        try (Kecsh kecsh = Kecsh.builder()
                .region(region)
                .progress(line -> System.err.println("progress: " + line))
                .build()) {
            // Bindings become script variables; the value of the last expression comes back.
            Object launched = kecsh.eval(
                "instances { run type: type, count: count, name: 'embedded', suffix: 1 }.waitUntil('active')",
                Map.of("type", "S4.2B", "count", count));
            for (Object o : (List<?>) launched) {
                InstanceInfo instance = (InstanceInfo) o;
                System.out.println("launched " + instance.getName() + " " + instance.getId() + " " + instance.getState());
            }

            Object names = kecsh.eval("instances.where(name: ~/^embedded-/)*.name.sort()", Map.of());
            System.out.println("running: " + names);

            try {
                kecsh.eval("instances { run type: 'S4.2X' }", Map.of());
            } catch (KecshScriptException e) {
                System.out.println("rejected: " + e.getMessage());
            }
        }
    }
}
