#!/usr/bin/env python3
"""Time to the kecsh shell's prompt, and to its banner (session ready), through a real pty.

    bench/prompt.py [RUNS]        (default 5; needs repl/target/kecsh.jar: ./kecsh builds it)

Each run starts the real launcher (./kecsh) on a pseudo-terminal and reads its output until the
prompt appears, then until the banner (printed once the sandbox is up and Groovy has compiled a
first line), then types :quit. Two ways, each printed with the fastest and the median in
milliseconds, and the whole process tree's CPU time (user + sys):
  - in its own JVM (KECSH_NO_DAEMON=1, a fresh HOME per run, no credentials: the embedded sandbox),
    after a first run that trains the class-data-sharing archive;
  - through the warm daemon: one HOME for all runs, whose daemon a first `kecsh -e 1` starts; the
    CPU is then the client's alone (the daemon's is its own process's, outside the tree).
The load average is printed too: the machine may be shared. A figure, not a test.
"""
import fcntl, os, pty, resource, select, shutil, statistics, struct, subprocess, sys, tempfile, termios, time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KECSH = os.path.join(HERE, "kecsh")
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_once(env):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))   # a terminal has a size
    cpu = children_cpu()
    start = time.monotonic()
    proc = subprocess.Popen([KECSH], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    seen, prompt_at, ready_at = b"", None, None
    deadline = start + 120
    while time.monotonic() < deadline and ready_at is None:
        r, _, _ = select.select([master], [], [], 0.05)
        if not r:
            continue
        try:
            seen += os.read(master, 65536)
        except OSError:
            break
        now = time.monotonic()
        if prompt_at is None and b"kecsh cn-beijing-6> " in seen:
            prompt_at = now
        if b"profile '" in seen:
            ready_at = now
    os.write(master, b":quit\r")
    while True:   # drain until the pty closes, so the shell is never blocked writing
        r, _, _ = select.select([master], [], [], 0.05)
        if r:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
        elif proc.poll() is not None:
            break
    proc.wait(timeout=30)
    cpu = children_cpu() - cpu
    os.close(master)
    if prompt_at is None or ready_at is None:
        raise SystemExit("no prompt or banner within 120 s; output was:\n" + seen.decode(errors="replace"))
    return (prompt_at - start) * 1000, (ready_at - start) * 1000, cpu * 1000


def clean_env(home, cache, **extra):
    env = dict(os.environ, HOME=home, KECSH_CACHE=cache, TERM="xterm", **extra)
    for k in [k for k in env if k.startswith(("KSYUN_", "ALIBABA_CLOUD_", "KECSH_PROFILE", "KECSH_NO_DAEMON"))]:
        del env[k]
    env.update(extra)
    return env


def report(title, rows):
    p, r, c = zip(*rows)
    print(f"  {title}")
    print(f"    prompt shown      min {min(p):6.0f} ms   median {statistics.median(p):6.0f} ms")
    print(f"    banner (ready)    min {min(r):6.0f} ms   median {statistics.median(r):6.0f} ms")
    print(f"    CPU (user+sys)    min {min(c):6.0f} ms   median {statistics.median(c):6.0f} ms")


def main():
    cache = tempfile.mkdtemp()
    load_before = os.getloadavg()
    own = []
    for i in range(RUNS + 1):
        home = tempfile.mkdtemp()
        row = run_once(clean_env(home, cache, KECSH_NO_DAEMON="1"))
        shutil.rmtree(home, ignore_errors=True)
        if i > 0:   # the first run trains the class-data-sharing archive
            own.append(row)
    home = tempfile.mkdtemp()
    env = clean_env(home, cache)
    subprocess.run([KECSH, "-e", "1"], env=env, stdout=subprocess.DEVNULL, check=True)   # starts the daemon
    deadline = time.monotonic() + 120
    while "run(s) served" not in subprocess.run([KECSH, "daemon", "status"], env=env, capture_output=True,
                                                 text=True).stdout:
        if time.monotonic() > deadline:
            raise SystemExit("the daemon did not start within 120 s")
        time.sleep(0.5)
    warm = [run_once(env) for _ in range(RUNS)]
    subprocess.run([KECSH, "daemon", "stop"], env=env, stdout=subprocess.DEVNULL)
    shutil.rmtree(home, ignore_errors=True)
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(f"kecsh shell start through a pty, {java}, {os.cpu_count()} CPUs, {RUNS} runs each; "
          f"load average {load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after")
    report("in its own JVM (CDS archive trained first; CPU of the whole JVM)", own)
    report("through the warm daemon (CPU of the client JVM)", warm)


if __name__ == "__main__":
    main()
