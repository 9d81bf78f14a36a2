#!/usr/bin/env python3
"""Peak RSS of N client calls from a cold JVM, by JVM flag set (issue 16), printed (not a timed test).

    bench/cold-memory.py [--runs R] [--calls N] --endpoint URL [--flags 'SET' ...]

Runs `bench/client-bench cold N --endpoint URL` (DescribeInstances, MaxResults 10) once per flag set per
round, the sets in turn, R rounds, and prints per set the median wall, CPU (user+sys of the JVM) and peak
RSS (VmHWM, read by the bench from /proc/self/status at its end). The keys come from KSYUN_ACCESS_KEY /
KSYUN_SECRET_KEY (what `kecsh sandbox` prints); run the sandbox in another process so that its memory is not
counted. Default flag sets: the JVM's defaults, the launcher's (the fifth: a one-shot run's) and the smallest
measured (bench/README.md, "Memory of a cold run").

With --floor, each flag set also runs bench/JvmFloor.java (compiled into a temporary directory): a JVM that
does nothing, and the same N calls as plain GETs through each of the JDK's own HTTP clients (no signing, no
JSON, no service model) — the JVM's own share of a cold run, which no change to kecsh can take away.
"""
import argparse, os, re, resource, statistics, subprocess, sys, tempfile, time

DEFAULT_SETS = [
    "",
    "-Xms16m",
    "-XX:+UseSerialGC",
    "-XX:+UseSerialGC -Xms16m",
    "-XX:+UseSerialGC -Xms16m -XX:TieredStopAtLevel=1",
    "-XX:+UseSerialGC -Xms16m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:CICompilerCount=2",
    "-XX:+UseSerialGC -Xms8m -Xmn2m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData",
]

def programs(a, here):
    """(label, the command for a flag set): the runtime client, and with --floor the JVM's floor."""
    client = [os.path.join(here, "client-bench"), "cold", str(a.calls), "--endpoint", a.endpoint]
    got = [("kecsh runtime client", lambda flags: (client, dict(os.environ, BENCH_JAVA_OPTS=flags)))]
    if a.floor:
        floor = tempfile.mkdtemp(prefix="jvm-floor-")
        subprocess.run(["javac", "-d", floor, os.path.join(here, "JvmFloor.java")], check=True)
        get = a.endpoint.rstrip("/") + "/?Action=DescribeRegions"  # unsigned: an error answer is a call all the same
        for what in [[], ["url-connection", str(a.calls), get], ["http-client", str(a.calls), get]]:
            label = f"JDK {what[0]} loop" if what else "JVM doing nothing"
            got.append((label, lambda flags, what=what:
                        (["java"] + flags.split() + ["-cp", floor, "JvmFloor"] + what, dict(os.environ))))
    return got


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--calls", type=int, default=2000)
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--flags", action="append")
    ap.add_argument("--floor", action="store_true", help="also the JVM's floor (bench/JvmFloor.java) per flag set")
    a = ap.parse_args()
    sets = a.flags or DEFAULT_SETS
    here = os.path.dirname(os.path.abspath(__file__))
    progs = programs(a, here)
    results = {(label, s): [] for label, _ in progs for s in sets}
    print(f"load average {open('/proc/loadavg').read().split()[:3]}", flush=True)
    for r in range(a.runs):
        for s in sets:
            for label, command in progs:
                cmd, env = command(s)
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.monotonic()
                out = subprocess.run(cmd, env=env, capture_output=True, text=True)
                wall = time.monotonic() - t0
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                m = re.search(r"peak RSS (\d+) kB", out.stdout)
                if not m:
                    print(f"{label} [{s or 'defaults'}] failed: {out.stdout[-300:]} {out.stderr[-500:]}", file=sys.stderr)
                    continue
                rss = int(m.group(1)) / 1024
                results[(label, s)].append((wall, cpu, rss))
                print(f"round {r + 1} {label} [{s or 'JVM defaults'}]: {wall:.2f} s wall, {cpu:.2f} s CPU, "
                      f"peak RSS {rss:.0f} MiB", flush=True)
    print(f"load average {open('/proc/loadavg').read().split()[:3]}")
    print(f"\n{'program':<24} {'flags':<80} {'wall s':>7} {'CPU s':>7} {'RSS MiB':>8}")
    for (label, s), rows in results.items():
        if rows:
            med = [statistics.median(x[i] for x in rows) for i in range(3)]
            print(f"{label:<24} {s or 'JVM defaults':<80} {med[0]:>7.2f} {med[1]:>7.2f} {med[2]:>8.0f}")


if __name__ == "__main__":
    main()
