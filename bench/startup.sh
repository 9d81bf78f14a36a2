#!/usr/bin/env sh
# Cold-start figures of the kecsh command, printed (not a timed test):
#   bench/startup.sh [RUNS]      (default 5 runs of each; needs repl/target/kecsh.jar: ./kecsh builds it)
# For each of `kecsh --version` and `kecsh -e '1+1'` it runs the
# launcher RUNS times without the app's CDS archive (KECSH_NO_CDS=1; the JDK's own default CDS
# stays on) and RUNS times with it (trained once first, in a fresh cache), and prints the fastest
# and the median wall-clock time in milliseconds. The shell's prompt needs a terminal: bench/prompt.py.
set -e
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
kecsh="$here/kecsh"
[ -f "$here/repl/target/kecsh.jar" ] || "$kecsh" --version >/dev/null
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
home=$(mktemp -d)   # no ~/.kecsh/config: every run uses the embedded sandbox, as on a fresh machine

now_ms() { date +%s%3N; }

measure() { # label, then the command's arguments
  label=$1; shift
  times=""
  i=0
  while [ "$i" -lt "$runs" ]; do
    start=$(now_ms)
    HOME="$home" "$kecsh" "$@" >/dev/null 2>&1 </dev/null
    end=$(now_ms)
    times="$times $((end - start))"
    i=$((i + 1))
  done
  sorted=$(printf '%s\n' $times | sort -n)
  min=$(printf '%s\n' "$sorted" | head -n 1)
  median=$(printf '%s\n' "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-34s min %6s ms   median %6s ms   (%s runs)\n' "$label" "$min" "$median" "$runs"
}

echo "kecsh cold start, $(java -version 2>&1 | head -n 1), $(nproc 2>/dev/null || echo '?') CPUs"
for mode in without with; do
  if [ "$mode" = without ]; then
    export KECSH_NO_CDS=1
  else
    unset KECSH_NO_CDS
    export KECSH_CACHE="$cache"
    HOME="$home" "$kecsh" -e '1+1' >/dev/null 2>&1 </dev/null   # trains the archive
  fi
  measure "--version ($mode app CDS)" --version
  measure "-e '1+1' ($mode app CDS)" -e '1+1'
done
