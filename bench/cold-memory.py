#!/usr/bin/env python3
"""Peak RSS of N client calls from a cold JVM, by JVM flag set (issue 16), printed (not a timed test).

    bench/cold-memory.py [--runs R] [--calls N] --endpoint URL [--flags 'SET' ...]

Runs `bench/client-bench cold N --endpoint URL` (DescribeInstances, MaxResults 10) once per flag set per
round, the sets in turn, R rounds, and prints per set the median wall, CPU (user+sys of the JVM) and peak
RSS (VmHWM, read by the bench from /proc/self/status at its end). The keys come from KSYUN_ACCESS_KEY /
KSYUN_SECRET_KEY (what `kecsh sandbox` prints); run the sandbox in another process so that its memory is not
counted. Default flag sets: the JVM's defaults, the launcher's (the fifth: a one-shot run's) and the smallest
measured (bench/README.md, "Memory of a cold run").
"""
import argparse, os, re, resource, statistics, subprocess, sys, time

DEFAULT_SETS = [
    "",
    "-Xms16m",
    "-XX:+UseSerialGC",
    "-XX:+UseSerialGC -Xms16m",
    "-XX:+UseSerialGC -Xms16m -XX:TieredStopAtLevel=1",
    "-XX:+UseSerialGC -Xms16m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:CICompilerCount=2",
    "-XX:+UseSerialGC -Xms8m -Xmn2m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData",
]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--calls", type=int, default=2000)
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--flags", action="append")
    a = ap.parse_args()
    sets = a.flags or DEFAULT_SETS
    here = os.path.dirname(os.path.abspath(__file__))
    results = {s: [] for s in sets}
    print(f"load average {open('/proc/loadavg').read().split()[:3]}", flush=True)
    for r in range(a.runs):
        for s in sets:
            env = dict(os.environ, BENCH_JAVA_OPTS=s)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.monotonic()
            out = subprocess.run([os.path.join(here, "client-bench"), "cold", str(a.calls), "--endpoint", a.endpoint],
                                 env=env, capture_output=True, text=True)
            wall = time.monotonic() - t0
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            m = re.search(r"peak RSS (\d+) kB", out.stdout)
            if not m:
                print(f"[{s or 'defaults'}] failed: {out.stdout[-300:]} {out.stderr[-500:]}", file=sys.stderr)
                continue
            rss = int(m.group(1)) / 1024
            results[s].append((wall, cpu, rss))
            print(f"round {r + 1} [{s or 'JVM defaults'}]: {wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS {rss:.0f} MiB", flush=True)
    print(f"load average {open('/proc/loadavg').read().split()[:3]}")
    print(f"\n{'flags':<80} {'wall s':>7} {'CPU s':>7} {'RSS MiB':>8}")
    for s, rows in results.items():
        if rows:
            med = [statistics.median(x[i] for x in rows) for i in range(3)]
            print(f"{s or 'JVM defaults':<80} {med[0]:>7.2f} {med[1]:>7.2f} {med[2]:>8.0f}")

if __name__ == "__main__":
    main()
