#!/usr/bin/env bash
# Benchmarks/compare-daemons.sh BASE_SPOORD HERE_SPOORD [ROUNDS] [CLIENTS]: acknowledged appends/s
# through two spoord binaries (say a build of an older revision and this one), alternating ROUNDS
# times (4 by default) with CLIENTS clients (64), so that the machine's drift hits both alike.
# Prints every run, then each side's median appends/s and daemon CPU per append.
set -euo pipefail
base=$1 here=$2 rounds=${3:-4} clients=${4:-64}
root=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --package-path "$root/Benchmarks" --product spoor-bench >/dev/null
bench=$(swift build -c release --package-path "$root/Benchmarks" --show-bin-path)/spoor-bench
log=$(mktemp)
for round in $(seq "$rounds"); do
  for side in base here; do
    daemon=$here; [ "$side" = base ] && daemon=$base
    "$bench" socket --spoord "$daemon" --clients "$clients" --parts throughput --runs 3 --dir /tmp \
      | grep -E "appends, |daemon CPU" | sed "s/^/$side /" | tee -a "$log"
  done
done
python3 - "$log" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    m = re.match(r'(base|here) +(acknowledged appends|daemon CPU per append).*\(runs: ([\d, ]+)\)', line)
    if m: runs.setdefault((m[1], m[2]), []).extend(int(x) for x in m[3].split(','))
for measure in ('acknowledged appends', 'daemon CPU per append'):
    b, h = statistics.median(runs[('base', measure)]), statistics.median(runs[('here', measure)])
    print(f"{measure}: base {b:8.0f}  here {h:8.0f}  change {100 * (h / b - 1):+.1f}%  ({len(runs[('base', measure)])} runs each)")
PY
