#!/usr/bin/env python3
"""Time to the kecsh shell's prompt, and to its banner (session ready), through a real pty.

    bench/prompt.py [RUNS]        (default 5; needs repl/target/kecsh.jar: ./kecsh builds it)

Each run starts the real launcher (./kecsh) in a fresh HOME (no credentials: the embedded sandbox)
on a pseudo-terminal, and reads its output until the prompt appears, then until the banner (printed
once the sandbox is up and Groovy has compiled a first line in the background), then types :quit.
Prints the fastest and the median of each, in milliseconds. A figure, not a test.
"""
import fcntl, os, pty, select, statistics, struct, subprocess, sys, tempfile, termios, time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def run_once(env):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))   # a terminal has a size
    start = time.monotonic()
    proc = subprocess.Popen([os.path.join(HERE, "kecsh")], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
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
    proc.wait(timeout=30)
    os.close(master)
    if prompt_at is None or ready_at is None:
        raise SystemExit("no prompt or banner within 120 s; output was:\n" + seen.decode(errors="replace"))
    return (prompt_at - start) * 1000, (ready_at - start) * 1000


def main():
    cache = tempfile.mkdtemp()
    prompts, readies = [], []
    for i in range(RUNS + 1):
        env = dict(os.environ, HOME=tempfile.mkdtemp(), KECSH_CACHE=cache, TERM="xterm")
        for k in [k for k in env if k.startswith(("KSYUN_", "ALIBABA_CLOUD_", "KECSH_PROFILE"))]:
            del env[k]
        p, r = run_once(env)
        if i == 0:
            continue   # the first run trains the class-data-sharing archive
        prompts.append(p)
        readies.append(r)
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    print(f"kecsh shell cold start through a pty, {java}, {os.cpu_count()} CPUs, {RUNS} runs (CDS archive trained first)")
    print(f"  prompt shown      min {min(prompts):6.0f} ms   median {statistics.median(prompts):6.0f} ms")
    print(f"  banner (ready)    min {min(readies):6.0f} ms   median {statistics.median(readies):6.0f} ms")


if __name__ == "__main__":
    main()
