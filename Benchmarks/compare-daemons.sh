#!/usr/bin/env bash
# Benchmarks/compare-daemons.sh BASE_SPOORD HERE_SPOORD [ROUNDS] [CLIENTS] [PARTS]: acknowledged
# appends/s through two spoord binaries (say a build of an older revision and this one),
# alternating ROUNDS times (4 by default) with CLIENTS clients (64), so that the machine's drift
# hits both alike. PARTS: throughput (open-case, the default) and/or existing (commands on a case
# with three signals), comma-separated. Prints every run, then each side's medians.
set -euo pipefail
base=$1 here=$2 rounds=${3:-4} clients=${4:-64} parts=${5:-throughput}
root=$(cd "$(dirname "$0")/.." && pwd)
swift build -c release --package-path "$root/Benchmarks" --product spoor-bench >/dev/null
bench=$(swift build -c release --package-path "$root/Benchmarks" --show-bin-path)/spoor-bench
log=$(mktemp)
for round in $(seq "$rounds"); do
  for side in base here; do
    daemon=$here; [ "$side" = base ] && daemon=$base
    "$bench" socket --spoord "$daemon" --clients "$clients" --parts "$parts" --runs 3 --dir /tmp \
      | grep -E "median" | grep -v "clients' CPU" | sed "s/^/$side /" | tee -a "$log"
  done
done
python3 - "$log" <<'PY'
import re, statistics, sys
runs, order, measure = {}, [], None
for line in open(sys.argv[1]):
    m = re.match(r'(base|here) +(.*?) +median .*\(runs: ([\d, ]+)\)', line)
    if not m: continue
    name = m[2] if not m[2].startswith('daemon CPU') else f'{measure}: daemon CPU per append'
    if not m[2].startswith('daemon CPU'): measure = m[2]
    if name not in order: order.append(name)
    runs.setdefault((m[1], name), []).extend(int(x) for x in m[3].split(','))
for name in order:
    b, h = statistics.median(runs[('base', name)]), statistics.median(runs[('here', name)])
    print(f"{name}: base {b:.0f}  here {h:.0f}  change {100 * (h / b - 1):+.1f}%  ({len(runs[('base', name)])} runs each)")
PY
