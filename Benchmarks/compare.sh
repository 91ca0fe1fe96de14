#!/usr/bin/env bash
# Benchmarks/compare.sh BASE [ROUNDS]: the ledger's append rates at BASE (a git revision, checked
# out beside this one) and here, alternating ROUNDS times (4 by default), so that the disk's drift
# hits both sides alike. Prints every side's runs, then the median of each side per appender count.
set -euo pipefail
base=$1 rounds=${2:-4}
here=$(cd "$(dirname "$0")/.." && pwd)
tree=$(mktemp -d /tmp/spoor-base-XXXXXX)
git -C "$here" worktree add -f --detach "$tree" "$base" >/dev/null
trap 'git -C "$here" worktree remove --force "$tree"' EXIT
log=$(mktemp)
for round in $(seq "$rounds"); do
  for side in base here; do
    dir=$here; [ "$side" = base ] && dir=$tree
    (cd "$dir" && swift run -c release --package-path Benchmarks spoor-bench --runs 3 --seconds 2 --events 2000 2>/dev/null) \
      | grep "appenders median" | sed "s/^/$side /" | tee -a "$log"
  done
done
python3 - "$log" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    m = re.match(r'(base|here) durable appends, (\d+) appenders .*\(runs: ([\d, ]+)\)', line)
    if m: runs.setdefault((m[1], int(m[2])), []).extend(int(x) for x in m[3].split(','))
for n in sorted({n for _, n in runs}):
    b, h = statistics.median(runs[('base', n)]), statistics.median(runs[('here', n)])
    print(f"{n:3d} appenders: base {b:8.0f}/s  here {h:8.0f}/s  change {100 * (h / b - 1):+.1f}%  ({len(runs[('base', n)])} runs each)")
PY
