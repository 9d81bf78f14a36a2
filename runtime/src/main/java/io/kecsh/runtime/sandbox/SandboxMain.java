package io.kecsh.runtime.sandbox;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.sandbox.auth.SandboxCredentials;
import io.kecsh.runtime.sandbox.state.StateFile;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a sandbox from the command line until interrupted:
 * {@code java -cp repl/target/kecsh.jar io.kecsh.runtime.sandbox.SandboxMain --port 8090 --state sandbox.json}
 * ({@code --kingsoft-key ID:SECRET} and {@code --alibaba-key ID:SECRET} replace the default key pairs)
 * (the shell's {@code kecsh sandbox} will wrap this).
 */
public final class SandboxMain {
    private SandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options = SandboxOptions.interactive();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> options = options.withPort(Integer.parseInt(value(args, ++i, "--port")));
                case "--state" -> options = options.withStateFile(Path.of(value(args, ++i, "--state")));
                case "--kingsoft-key" ->
                    options = options.withCredentials(new SandboxCredentials(
                            keyPair(value(args, ++i, "--kingsoft-key"), "--kingsoft-key"),
                            options.credentials().alibaba()));
                case "--alibaba-key" ->
                    options = options.withCredentials(new SandboxCredentials(
                            options.credentials().kingsoft(),
                            keyPair(value(args, ++i, "--alibaba-key"), "--alibaba-key")));
                case "--help", "-h" -> {
                    System.out.println(
                            "usage: SandboxMain [--port N] [--state FILE] [--kingsoft-key ID:SECRET] [--alibaba-key ID:SECRET]");
                    return;
                }
                default -> {
                    System.err.println("sandbox: unknown option " + args[i] + " (--help)");
                    System.exit(2);
                }
            }
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
        } catch (StateFile.StateFileException e) {
            // a state file that cannot be used is a configuration error: exit 2, as kecsh's usage errors
            System.err.println("sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("kecsh sandbox listening on " + sandbox.endpoint());
        System.out.println("  Kingsoft key: " + sandbox.credentials().kingsoft().accessKeyId() + " / "
                + sandbox.credentials().kingsoft().secret());
        System.out.println("  Alibaba key:  " + sandbox.credentials().alibaba().accessKeyId() + " / "
                + sandbox.credentials().alibaba().secret());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stop.countDown();
        }));
        stop.await();
    }

    private static Credentials keyPair(String value, String flag) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            System.err.println("sandbox: " + flag + " takes ACCESS_KEY_ID:SECRET");
            System.exit(2);
        }
        return new Credentials(value.substring(0, colon), value.substring(colon + 1));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            System.err.println("sandbox: " + flag + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
