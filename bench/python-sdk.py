#!/usr/bin/env python3
"""kecsh side by side with Kingsoft's official Python SDK (issue 16), printed (not a timed test).

    bench/python-sdk.py --sdk DIR one-call [--runs N] [--jdk JAVA_HOME …] [--endpoint URL]
    bench/python-sdk.py --sdk DIR calls [--rounds R] [--calls N] [--endpoint URL]
    bench/python-sdk.py --sdk DIR cold [--rounds R] [--calls N] [--endpoint URL]
    bench/python-sdk.py --sdk DIR page --endpoint URL [--rounds R]
    bench/python-sdk.py --sdk DIR sandbox --state FILE [--instances N] [--port P]

DIR is a checkout of https://github.com/KscSDK/ksc-sdk-python (`git clone --depth 1 …`; the `kscore` package,
run from source with this machine's jmespath, python-dateutil, urllib3, pyyaml). Its modules are compiled once
first (`compileall`, as pip does at install), so neither side pays for a first compile. The kscore side is
bench/kscore_side.py, a process of its own; kecsh's sides reuse bench/client-bench and bench/daemon.py's
daemon handling. Every mode runs the two sides in turn, pair after pair, and prints medians.

  one-call  `kecsh --endpoint URL -e 'kec.DescribeRegions()'` in its own JVM (the launcher's archive, trained
            first in a fresh home), the same through the warm daemon (client CPU, and the daemon's CPU for the
            run added), and kscore's one DescribeRegions script: wall, CPU, peak RSS; per JDK given (--jdk,
            default the `java` on the PATH);
  calls     bench/client-bench calls N against kscore_side.py calls N (DescribeInstances MaxResults 10,
            sequential and 8 threads): calls/s and CPU per call;
  cold      N DescribeInstances from a cold process: bench/client-bench cold N (the runtime client, with the
            launcher's flags for a one-shot run, and with C2 as the shell's), `kecsh -e` looping N calls in its own JVM, and
            kscore's loop: peak RSS;
  page      every instance of the endpoint: kscore's Marker loop (MaxResults 1000), bench/client-bench page
            (the paginator) and `kecsh -e 'instances.list().size()'` in its own JVM and through a warm daemon
            (its own home; the daemon's CPU for the run printed beside the client's), the JVMs under -Xmx128m;
  sandbox   a `kecsh sandbox` on a state file holding N instances (default 100,000), seeded through the API
            by kscore (RunInstances, 50 a call, over two subnets: one /16 holds 62,500); the region's quota
            (10,000) is raised in the new state file first. It serves until interrupted.

Without --endpoint a `kecsh sandbox` is started (another process, so its CPU and memory are not counted)
and 50 instances are made in it, so that DescribeInstances answers a page of 10.
The machine is shared: read the CPU figures and the ratios of pairs, and the load average printed with them.
"""
import argparse, json, os, re, shutil, signal, statistics, subprocess, sys, tempfile, time

sys.dont_write_bytecode = True  # no __pycache__ in bench/ for its own two imports
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _timing  # noqa: E402
import daemon  # noqa: E402  (its wait_warm / stop / status: the warm daemon handled one way)

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KECSH = os.path.join(HERE, "kecsh")
CLIENT_BENCH = os.path.join(HERE, "bench", "client-bench")
SIDE = os.path.join(HERE, "bench", "kscore_side.py")
KEYS = ("KSYUN_", "ALIBABA_CLOUD_", "KECSH_")
LAUNCHER_MEMORY = "-XX:+UseSerialGC -Xms16m"  # what ./kecsh gives the JVM (see the launcher)
LAUNCHER_ONE_SHOT = LAUNCHER_MEMORY + " -XX:TieredStopAtLevel=1"  # … and a one-shot run (-e, run, …): C1 only


def clean_env(home):
    env = {k: v for k, v in os.environ.items() if not k.startswith(KEYS) and k != "PYTHONDONTWRITEBYTECODE"}
    env["HOME"] = home
    return env


def start_sandbox(env, state=None, port=None):
    """A `kecsh sandbox` of its own: (process, endpoint, the keys it prints)."""
    cmd = [KECSH] + (["--state", state] if state else []) + ["sandbox"] + (["--port", str(port)] if port else [])
    server = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    endpoint, keys = None, {}
    for line in server.stdout:
        if line.startswith("kecsh sandbox listening on "):
            endpoint = line.split()[4]
        if "KSYUN_ACCESS_KEY=" in line:
            keys = dict(w.split("=", 1) for w in line.split() if "=" in w)
            break
    if endpoint is None:
        sys.exit("kecsh sandbox did not start")
    return server, endpoint, keys


def stop_sandbox(server):
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def side(o, env, mode, *args):
    return [sys.executable, SIDE, "--sdk", o.sdk, "--endpoint", o.endpoint, mode] + [str(a) for a in args]


def ratio(ours, theirs):
    return f"{ours / theirs:.2f}×" if theirs else "—"


def one_call(o, env):
    for jdk in o.jdk or [None]:
        home = tempfile.mkdtemp(prefix="kecsh-pysdk-home-")
        e = dict(env, HOME=home)
        if jdk:
            e["JAVA_HOME"] = jdk
            e["PATH"] = os.path.join(jdk, "bin") + os.pathsep + e["PATH"]
        try:
            _timing.run([KECSH, "--version"], e)  # trains the archive (CDS, or AOT on JDK 25+) in this home
            cmd = [KECSH, "--endpoint", o.endpoint, "-e", "kec.DescribeRegions()"]
            own_env = dict(e, KECSH_NO_DAEMON="1")
            _timing.run(cmd, e)  # starts the daemon
            daemon.wait_warm(KECSH, e)
            _timing.run(cmd, e)  # the daemon's first real run, unmeasured
            pid = int(re.search(r"daemon (\d+) in ", daemon.status(KECSH, e)).group(1))
            java = subprocess.run([os.path.join(jdk, "bin", "java") if jdk else "java", "-version"],
                                  stderr=subprocess.PIPE, text=True).stderr.splitlines()[0]
            print(f"one call, {java}, {o.runs} runs each in turn, {_timing.load()}", flush=True)
            own, warm, warm_total, py = [], [], [], []
            for _ in range(o.runs):
                own.append(_timing.run(cmd, own_env))
                before = _timing.cpu_of(pid)
                s = _timing.run(cmd, e)
                warm.append(s)
                warm_total.append(s._replace(cpu=s.cpu + _timing.cpu_of(pid) - before))
                py.append(_timing.run(side(o, env, "one-call"), env))
            p = _timing.row("kscore one-call script", py)
            for label, samples in [("kecsh -e, own JVM", own), ("kecsh -e, warm daemon (client)", warm),
                                   ("… client + daemon CPU", warm_total)]:
                m = _timing.row(label, samples)
                print(f"  {'':<32} vs kscore: wall {ratio(m[0], p[0])}, CPU {ratio(m[1], p[1])}, RSS {ratio(m[2], p[2])}")
            print(f"  {_timing.load()} after", flush=True)
        finally:
            subprocess.run([KECSH, "daemon", "stop"], env=e, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.rmtree(home, ignore_errors=True)


def calls(o, env):
    print(f"client calls, DescribeInstances MaxResults 10, {o.calls} calls a side, {_timing.load()}", flush=True)
    for r in range(o.rounds):
        for label, cmd in [("kecsh runtime client", [CLIENT_BENCH, "calls", str(o.calls), "--endpoint", o.endpoint]),
                           ("kscore", side(o, env, "calls", o.calls))]:
            s = _timing.run(cmd, dict(env, BENCH_JAVA_OPTS=LAUNCHER_MEMORY))
            for line in s.out.splitlines():
                print(f"  round {r + 1} {label:<21} {line}")
            print(f"  round {r + 1} {label:<21} whole process: {s.wall:.1f} s, CPU {s.cpu:.1f} s, peak RSS "
                  f"{s.rss_mib:.0f} MiB (warm-up included), {_timing.load()}", flush=True)


def cold(o, env):
    loop = f"{o.calls}.times {{ kec.DescribeInstances(MaxResults: 10) }}; null"
    sides = [("kscore loop", side(o, env, "cold", o.calls), env),
             # the launcher's flags for a one-shot run (C1 only), and for the shell's and the daemon's JVMs (C2)
             ("kecsh runtime client, one-shot", [CLIENT_BENCH, "cold", str(o.calls), "--endpoint", o.endpoint],
              dict(env, BENCH_JAVA_OPTS=LAUNCHER_ONE_SHOT)),
             ("… with C2 (the shell's flags)", [CLIENT_BENCH, "cold", str(o.calls), "--endpoint", o.endpoint],
              dict(env, BENCH_JAVA_OPTS=LAUNCHER_MEMORY)),
             ("kecsh -e loop, own JVM", [KECSH, "--endpoint", o.endpoint, "-e", loop], dict(env, KECSH_NO_DAEMON="1"))]
    _timing.run([KECSH, "--version"], env)  # the launcher's archive, trained before the first measured run
    print(f"cold run of {o.calls} DescribeInstances (MaxResults 10), {o.rounds} rounds in turn, {_timing.load()}")
    got = {label: [] for label, _, _ in sides}
    for _ in range(o.rounds):
        for label, cmd, e in sides:
            got[label].append(_timing.run(cmd, e))
    base = _timing.row("kscore loop", got["kscore loop"])
    for label, _, _ in sides[1:]:
        m = _timing.row(label, got[label])
        print(f"  {'':<32} vs kscore: wall {ratio(m[0], base[0])}, CPU {ratio(m[1], base[1])}, RSS {ratio(m[2], base[2])}")
    print(f"  {_timing.load()} after")


def page(o, env):
    heap = "-Xmx128m"
    listing = [KECSH, "--endpoint", o.endpoint, "--region", "cn-beijing-6", "-e", "instances.list().size()"]
    home = tempfile.mkdtemp(prefix="kecsh-pysdk-page-")
    warm_env = dict(env, HOME=home, KECSH_JAVA_OPTS=heap)  # the daemon's JVM gets the heap from the first client
    sides = [("kscore Marker loop", side(o, env, "page"), env),
             ("paginator (client-bench)", [CLIENT_BENCH, "page", "--endpoint", o.endpoint],
              dict(env, BENCH_JAVA_OPTS=f"{LAUNCHER_MEMORY} {heap}")),
             ("kecsh -e instances.list()", listing, dict(env, KECSH_NO_DAEMON="1", KECSH_JAVA_OPTS=heap)),
             ("… through the warm daemon", listing, warm_env)]
    try:
        _timing.run([KECSH, "--version"], env)
        _timing.run([KECSH, "-e", "1"], warm_env)  # starts the daemon
        daemon.wait_warm(KECSH, warm_env)
        _timing.run(listing, warm_env)  # the daemon's first walk, unmeasured (as a session's second call)
        pid = int(re.search(r"daemon (\d+) in ", daemon.status(KECSH, warm_env)).group(1))
        print(f"every instance of {o.endpoint}, {o.rounds} rounds in turn, JVMs under {heap}, {_timing.load()}", flush=True)
        for r in range(o.rounds):
            for label, cmd, e in sides:
                before = _timing.cpu_of(pid) if e is warm_env else 0
                s = _timing.run(cmd, e, check=False)
                daemon_cpu = f" (+ the daemon's {_timing.cpu_of(pid) - before:.2f} s)" if e is warm_env else ""
                out = " | ".join(line for line in s.out.splitlines() if line.strip())[-300:]
                print(f"  round {r + 1} {label:<26} wall {s.wall:6.2f} s, CPU {s.cpu:6.2f} s{daemon_cpu}, peak RSS "
                      f"{s.rss_mib:5.0f} MiB: {out or '(no output)'}   {_timing.load()}", flush=True)
    finally:
        subprocess.run([KECSH, "daemon", "stop"], env=warm_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(home, ignore_errors=True)


def serve(o, env):
    """A sandbox on a state file with o.instances instances; serves until interrupted."""
    fresh = not os.path.exists(o.state)
    if fresh:
        server, _, _ = start_sandbox(env, o.state)
        stop_sandbox(server)
        with open(o.state) as f:
            doc = json.load(f)
        for region in doc["state"]["regions"].values():
            region["instanceQuota"] = max(region["instanceQuota"], o.instances + 10_000)
        with open(o.state, "w") as f:
            json.dump(doc, f)
    server, endpoint, keys = start_sandbox(env, o.state, o.port)
    o.endpoint = endpoint
    t0 = time.monotonic()
    subprocess.run(side(o, env, "seed", o.instances), env=dict(env, **keys), check=True)
    print(f"seeded in {time.monotonic() - t0:.0f} s; serving {endpoint} (state {o.state}); Ctrl-C stops it\n  "
          + " ".join(f"{k}={v}" for k, v in keys.items()), flush=True)
    try:
        server.wait()
    except KeyboardInterrupt:
        stop_sandbox(server)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sdk", required=True, help="a checkout of github.com/KscSDK/ksc-sdk-python")
    ap.add_argument("mode", choices=["one-call", "calls", "cold", "page", "sandbox"])
    ap.add_argument("--endpoint")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--calls", type=int)
    ap.add_argument("--jdk", action="append", help="a JAVA_HOME (repeat for several); default: java on the PATH")
    ap.add_argument("--state")
    ap.add_argument("--instances", type=int, default=100_000)
    ap.add_argument("--port", type=int)
    o = ap.parse_args()
    if not os.path.isdir(os.path.join(o.sdk, "kscore")):
        sys.exit(f"{o.sdk}: no kscore package; git clone --depth 1 https://github.com/KscSDK/ksc-sdk-python")
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(o.sdk, "kscore")], check=True,
                   stdout=subprocess.DEVNULL)
    home = tempfile.mkdtemp(prefix="kecsh-pysdk-")
    env = clean_env(home)
    server = None
    try:
        if o.mode == "sandbox":
            if not o.state:
                sys.exit("sandbox needs --state FILE")
            return serve(o, env)
        if o.endpoint is None:
            if o.mode == "page":
                sys.exit("page needs --endpoint (a sandbox with many instances: see the sandbox mode)")
            server, o.endpoint, keys = start_sandbox(env)
            env.update(keys)
            # a page of DescribeInstances holds 10 of them, as client-bench's embedded sandbox's 50 do
            subprocess.run(side(o, env, "seed", 50), env=env, check=True, stdout=subprocess.DEVNULL)
        else:
            env.update({k: v for k, v in os.environ.items() if k.startswith(("KSYUN_", "ALIBABA_CLOUD_"))})
        o.calls = o.calls or (5000 if o.mode == "calls" else 2000)
        {"one-call": one_call, "calls": calls, "cold": cold, "page": page}[o.mode](o, env)
    finally:
        subprocess.run([KECSH, "daemon", "stop"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if server is not None:
            stop_sandbox(server)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
