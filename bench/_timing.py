"""Whole-process figures for the bench scripts: wall, CPU and peak RSS of one command, and their medians.

CPU is user+sys of the process and of every descendant it waited for (the launcher execs java, so a
kecsh run is one process; a training JVM the launcher starts is waited for and counted). Peak RSS is the
largest of those processes' own peaks (wait4's ru_maxrss), not their sum. Another process the command
only talks to (a daemon, a sandbox) is not counted: add it with cpu_of(pid) around the run.
"""
import os, statistics, subprocess, tempfile, time
from collections import namedtuple

Sample = namedtuple("Sample", "wall cpu rss_mib out")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def run(cmd, env=None, check=True):
    """Runs cmd to its end (stdin closed, stdout kept, stderr kept for the error) and returns its Sample."""
    with tempfile.TemporaryFile() as errors:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors)
        out = proc.stdout.read()  # to its end; then wait4 rather than wait(), for the rusage
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        proc.stdout.close()
        errors.seek(0)
        err = errors.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if check and proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {err.decode(errors='replace')[-800:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.decode(errors="replace"))


def cpu_of(pid):
    """Seconds of CPU (user+sys) a running process has used so far, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def medians(samples):
    """(wall, cpu, rss MiB) medians of a list of Samples."""
    return (statistics.median(s.wall for s in samples), statistics.median(s.cpu for s in samples),
            statistics.median(s.rss_mib for s in samples))


def row(label, samples):
    """One printed line of medians, with the wall's spread; returns the medians."""
    wall, cpu, rss = medians(samples)
    walls = [s.wall for s in samples]
    print(f"  {label:<32} wall {wall:6.3f} s (min {min(walls):.3f}, max {max(walls):.3f})   CPU {cpu:6.3f} s"
          f"   peak RSS {rss:5.0f} MiB   n={len(samples)}", flush=True)
    return wall, cpu, rss


def load():
    return f"load average {os.getloadavg()[0]:.1f}"
