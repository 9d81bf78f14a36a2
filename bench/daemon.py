#!/usr/bin/env python3
"""kecsh -e through the warm daemon against the same command in its own JVM (a figure printer, not a test).

    bench/daemon.py [--runs N] [--cold-runs N] [--kecsh PATH] [--endpoint URL]

Whole processes through the launcher (the CDS / AOT archive as a user gets it, trained first in a
fresh home), wall and CPU (user+sys of the client process tree; the daemon's own CPU is not counted,
it is another process), medians of --runs (default 10), for two commands: `kecsh -e '1+1'` (no
credentials: the home sandbox, already running after the first run) and
`kecsh --endpoint URL -e 'kec.DescribeRegions()'` against a running endpoint (a `kecsh sandbox` it
starts itself unless --endpoint is given; the keys it prints are in the environment of this one only). Three ways each:
  own JVM     KECSH_NO_DAEMON=1: the run as before the daemon;
  first call  no daemon runs: the call runs in its own JVM and starts the daemon in the background
              (the daemon is stopped after each, --cold-runs of them, default 5);
  warm        the daemon runs and is warm.
The load average is printed before and after: on a shared machine read the ratios, not the walls.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _timing  # noqa: E402


def timed(cmd, env):
    """(wall, CPU) of the client's process tree, as bench/_timing.py measures every whole process."""
    return _timing.run(cmd, env)[:2]


def status(kecsh, env):
    return subprocess.run([kecsh, "daemon", "status"], env=env, stdout=subprocess.PIPE, text=True).stdout


def wait_warm(kecsh, env, timeout=300):
    deadline = time.monotonic() + timeout
    while "run(s) served" not in status(kecsh, env):
        if time.monotonic() > deadline:
            sys.exit("the daemon did not start")
        time.sleep(0.5)


def stop(kecsh, env):
    subprocess.run([kecsh, "daemon", "stop"], env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while "run(s) served" in status(kecsh, env) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1.5)  # its JVM's exit


def row(label, samples):
    walls = [w for w, _ in samples]
    cpus = [c for _, c in samples]
    print(f"  {label:<12} wall {statistics.median(walls):6.3f} s (min {min(walls):.3f}, max {max(walls):.3f})"
          f"   CPU {statistics.median(cpus):6.3f} s   n={len(samples)}")
    return statistics.median(walls)


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--cold-runs", type=int, default=5)
    ap.add_argument("--kecsh", default=os.path.join(here, "kecsh"))
    ap.add_argument("--endpoint")
    o = ap.parse_args()
    home = tempfile.mkdtemp(prefix="kecsh-daemon-bench-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KSYUN_", "ALIBABA_CLOUD_", "KECSH_"))}
    env["HOME"] = home
    server = None
    try:
        subprocess.run([o.kecsh, "--version"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # trains the archive
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
        java = subprocess.run(["java", "-version"], stderr=subprocess.PIPE).stderr.decode().splitlines()[0]
        print(f"kecsh daemon bench: {o.kecsh}, {java}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        for label, args, e in [("kecsh -e '1+1' (no credentials: the home sandbox)", ["-e", "1+1"], env),
                               ("kecsh --endpoint URL -e 'kec.DescribeRegions()'",
                                ["--endpoint", endpoint, "-e", "kec.DescribeRegions()"], call_env)]:
            cmd = [o.kecsh] + args
            own = dict(e, KECSH_NO_DAEMON="1")
            print(label)
            inproc = row("own JVM", [timed(cmd, own) for _ in range(o.runs)])
            cold = []
            for _ in range(o.cold_runs):
                stop(o.kecsh, e)
                cold.append(timed(cmd, e))
                wait_warm(o.kecsh, e)
            row("first call", cold)
            timed(cmd, e)  # one unmeasured run: the daemon's first real one
            warm = row("warm", [timed(cmd, e) for _ in range(o.runs)])
            print(f"  warm / own JVM: {warm / inproc:.2f}")
        print(f"load average after: {os.getloadavg()[0]:.1f}")
    finally:
        subprocess.run([o.kecsh, "daemon", "stop"], env=env, stdout=subprocess.DEVNULL)
        if server is not None:
            server.terminate()
            server.wait()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
