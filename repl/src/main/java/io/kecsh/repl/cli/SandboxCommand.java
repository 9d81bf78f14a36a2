package io.kecsh.repl.cli;

import io.kecsh.repl.sandbox.HomeSandbox;
import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.sandbox.Sandbox;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.StateFile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kecsh sandbox [--port N] [--state FILE]}: serves the emulator in the foreground, prints its
 * endpoint and the (public, sandbox-only) keys to use with it, and stops on Ctrl-C or SIGTERM
 * (a shutdown hook closes it, which also saves nothing half-written: the state file is written
 * atomically after every change). Interrupting the thread stops it too, which is how a test does.
 * {@code kecsh sandbox reset | stop | status} look after the home sandbox ({@link HomeSandbox}) that
 * kecsh uses when no credentials are configured. ({@code --state} is the global option.)
 */
@Command(
        name = "sandbox",
        description = {
            "Serve the sandbox emulator of every modelled action until interrupted,",
            "or look after this home's shared sandbox (reset, stop, status)."
        })
final class SandboxCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: a free one).")
    int port;

    private final KecshCommand root;

    SandboxCommand(KecshCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        PrintStream out = root.context().out();
        Path state = root.global().state();
        SandboxOptions options = SandboxOptions.interactive().withPort(port);
        if (state != null) options = options.withStateFile(state);
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
        } catch (StateFile.StateFileException e) {
            root.context().err().println("kecsh: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    sandbox.close();
                    stopped.countDown();
                },
                "kecsh-sandbox-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Credentials kingsoft = sandbox.credentials().kingsoft();
        Credentials alibaba = sandbox.credentials().alibaba();
        out.println("kecsh sandbox listening on " + sandbox.endpoint()
                + (state == null ? "" : " (state in " + state + ")"));
        out.println("  Kingsoft key: " + kingsoft.accessKeyId() + " / " + kingsoft.secret());
        out.println("  Alibaba key:  " + alibaba.accessKeyId() + " / " + alibaba.secret());
        out.println("use it from another terminal:");
        out.println("  KSYUN_ACCESS_KEY=" + kingsoft.accessKeyId() + " KSYUN_SECRET_KEY=" + kingsoft.secret()
                + " ALIBABA_CLOUD_ACCESS_KEY_ID=" + alibaba.accessKeyId() + " ALIBABA_CLOUD_ACCESS_KEY_SECRET="
                + alibaba.secret()
                + " kecsh --endpoint " + sandbox.endpoint());
        out.println("Ctrl-C stops it.");
        out.flush();
        try {
            stopped.await();
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Runtime.getRuntime().removeShutdownHook(hook);
            sandbox.close();
            return ExitCodes.INTERRUPTED;
        }
    }

    @Command(
            name = "reset",
            description = "Empty this home's shared sandbox (~/.kecsh/sandbox): stop it and remove its state.")
    int reset() {
        root.context().out().println("kecsh: " + home().stop(true));
        return ExitCodes.OK;
    }

    @Command(
            name = "stop",
            description = "Stop this home's shared sandbox now (it stops itself when unused); its state stays.")
    int stop() {
        root.context().out().println("kecsh: " + home().stop(false));
        return ExitCodes.OK;
    }

    @Command(
            name = "status",
            description = "Say whether this home's shared sandbox runs, where, and where its state is.")
    int status() {
        root.context().out().println("kecsh: " + home().status());
        return ExitCodes.OK;
    }

    private HomeSandbox home() {
        return new HomeSandbox(root.context().home(), root.context().environment());
    }
}
