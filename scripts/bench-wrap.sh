#!/bin/sh
# Wrapping benchmarks for BENCHMARKS.md: `yuedu wrap` against w3m on 1 MB of Chinese text,
# in-process throughput, and violations per width on the seed article.
# Needs: swift, python3, hyperfine, w3m (Debian: apt-get install hyperfine w3m).
set -eu
cd "$(dirname "$0")/.."
input="${TMPDIR:-/tmp}/yuedu-wrap-1mb.txt"
swift build -c release --product yuedu >/dev/null
swift build -c release --product yuedu-bench >/dev/null
python3 scripts/bench-wrap-input.py "$input"
hyperfine -N --warmup 3 --runs 30 \
    ".build/release/yuedu wrap --width 78 $input" \
    "w3m -dump -cols 78 -o fold_line=1 -T text/plain $input"
.build/release/yuedu-bench wrap "$input" 78 9
python3 scripts/bench-wrap-violations.py --from 30 --to 78
