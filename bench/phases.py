#!/usr/bin/env python3
"""Where the start-up of one kecsh command goes, phase by phase (a figure printer, not a test).

    bench/phases.py [--runs N] [--kecsh PATH] [--endpoint URL] [-- ARGS...]

Without ARGS it measures two commands: `kecsh -e '1+1'` (embedded sandbox) and
`kecsh --endpoint URL -e 'kec.DescribeRegions()'` against a running endpoint (a `kecsh sandbox` it
starts itself unless --endpoint is given). Each run is a whole `kecsh` process through the launcher
(CDS / AOT archive as a user gets it), with the JVM's class-load log (-Xlog:class+load, nanosecond
uptime) written to a private temporary file. A phase starts at the first load of a marker class
(picocli.CommandLine for "picocli", ModelLoader for "model load", CompilationUnit for "Groovy
compile" ...) and lasts until the next marker: the markers are read in the order this run met them,
so a build that reorders or drops a phase still reads right. "launcher" is the wall time outside the
JVM (the shell script, exec, and the process's end after the JVM's exit log line: wall minus the JVM's
uptime at exit); "JVM boot" runs from the JVM's start to the load of io.kecsh.repl.Main. Logging each
class load costs a little; compare builds with this same script (A/B), and trust CPU on a busy machine.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _timing  # noqa: E402

MARKERS = [  # (class whose first load starts the phase, phase name)
    ("io.kecsh.repl.Main", "kecsh main: context, secrets of the environment"),
    ("io.kecsh.runtime.model.ModelLoader", "model load"),
    ("picocli.CommandLine", "picocli: command tree and parse"),
    ("io.kecsh.repl.cli.KecshFactory", "command runs: settings"),
    ("io.kecsh.dsl.engine.internal.Backend", "backend (embedded sandbox or endpoint)"),
    ("io.kecsh.runtime.client.CloudClient", "client: HTTP client"),
    ("sun.security.ssl.SSLContextImpl", "TLS set-up"),
    ("org.codehaus.groovy.control.CompilationUnit", "Groovy compile (and checks)"),
    ("io.kecsh.runtime.validate.Validator", "script runs: validate"),
    ("io.kecsh.runtime.http.HttpRequest", "call: sign, send, parse"),
    ("io.kecsh.repl.output.ResultRenderer", "render"),
]
LINE = re.compile(r"^\[(\d+)ns\].*?\] (\S+) source")
EXIT = re.compile(r"^\[(\d+)ns\].*gc,heap,exit")


def one_run(kecsh, args, env):
    fd, log = tempfile.mkstemp(prefix="kecsh-phases-", suffix=".log")
    os.close(fd)
    env = dict(env)
    env["KECSH_JAVA_OPTS"] = (env.get("KECSH_JAVA_OPTS", "") +
                              f" -Xlog:class+load=info,gc+heap+exit=info:file={log}:uptimenanos,tags").strip()
    wall, cpu = _timing.run([kecsh] + args, env)[:2]
    first, exit_at, loaded = {}, None, 0
    with open(log, errors="replace") as f:
        for line in f:
            m = LINE.match(line)
            if m:
                loaded += 1
                first.setdefault(m.group(2), int(m.group(1)) / 1e9)
                continue
            m = EXIT.match(line)
            if m and exit_at is None:
                exit_at = int(m.group(1)) / 1e9
    os.unlink(log)
    seen = sorted((first[c], name) for c, name in MARKERS if c in first)
    end = exit_at if exit_at is not None else max(first.values())
    phases = {"launcher (outside the JVM)": max(0.0, wall - end), "JVM boot to kecsh main": seen[0][0] if seen else end}
    for i, (at, name) in enumerate(seen):
        nxt = seen[i + 1][0] if i + 1 < len(seen) else end
        phases[name] = nxt - at
    return wall, cpu, loaded, phases


def measure(label, kecsh, args, env, runs):
    results = [one_run(kecsh, args, env) for _ in range(runs)]
    names = []
    for _, _, _, p in results:
        for n in p:
            if n not in names:
                names.append(n)
    print(f"\n{label}   (medians of {runs} runs)")
    print(f"  {'wall':44s} {statistics.median(r[0] for r in results) * 1000:7.0f} ms")
    print(f"  {'CPU (user+sys, all threads)':44s} {statistics.median(r[1] for r in results) * 1000:7.0f} ms")
    print(f"  {'classes loaded':44s} {statistics.median(r[2] for r in results):7.0f}")
    for n in names:
        print(f"  {n:44s} {statistics.median(r[3].get(n, 0.0) for r in results) * 1000:7.0f} ms")


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--kecsh", default=os.path.join(here, "kecsh"))
    ap.add_argument("--endpoint")
    ap.add_argument("args", nargs="*")
    o = ap.parse_args()
    home = tempfile.mkdtemp(prefix="kecsh-phases-home-")  # no ~/.kecsh/config: as on a fresh machine
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KSYUN_", "ALIBABA_CLOUD_", "KECSH_"))}
    env["HOME"] = home
    env["KECSH_CACHE"] = os.environ.get("KECSH_CACHE", os.path.join(home, "cache"))
    env["KECSH_NO_DAEMON"] = "1"  # the phases of a run in its own JVM (bench/daemon.py measures the warm daemon)
    server = None
    try:
        subprocess.run([o.kecsh, "--version"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # trains the archive
        java = subprocess.run(["java", "-version"], stderr=subprocess.PIPE).stderr.decode().splitlines()[0]
        print(f"kecsh start-up phases: {o.kecsh}, {java} (JAVA_HOME={os.environ.get('JAVA_HOME', '-')}), "
              f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        if o.args:
            measure("kecsh " + " ".join(o.args), o.kecsh, o.args, env, o.runs)
            return
        measure("kecsh -e '1+1'", o.kecsh, ["-e", "1+1"], env, o.runs)
        endpoint = o.endpoint
        call_env = dict(env)
        call_env.update({k: v for k, v in os.environ.items() if k.startswith(("KSYUN_", "ALIBABA_CLOUD_"))})
        if endpoint is None:
            server = subprocess.Popen([o.kecsh, "sandbox"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL, text=True)
            for line in server.stdout:
                if line.startswith("kecsh sandbox listening on "):
                    endpoint = line.split()[4]
                if "KSYUN_ACCESS_KEY=" in line:
                    for word in line.split():
                        if "=" in word:
                            k, v = word.split("=", 1)
                            call_env[k] = v
                    break
        measure(f"kecsh --endpoint {endpoint} -e 'kec.DescribeRegions()'", o.kecsh,
                ["--endpoint", endpoint, "-e", "kec.DescribeRegions()"], call_env, o.runs)
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
