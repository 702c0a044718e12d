#!/usr/bin/env bash
# Builds the package and its tests with a sanitizer in a build folder of its own and runs the
# tests under it: every memory error (ASan) or data race (TSan) in the tests or in the yuedu
# binaries they start fails the run.
#
#   scripts/sanitize.sh asan|tsan [swift test ARGUMENTS...]
#
# e.g. `scripts/sanitize.sh asan --filter ReaderCoreTests` (the unit tests only, as CI runs
# them) or `scripts/sanitize.sh tsan` (everything, the end-to-end tests included).
# Reports of the processes the tests start (the reader in tmux) go to .build-NAME/reports/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
kind=${1:?usage: scripts/sanitize.sh asan|tsan [swift test arguments]}
shift
case $kind in
    asan) sanitizer=address ;;
    tsan) sanitizer=thread ;;
    *) echo "scripts/sanitize.sh: asan or tsan, not '$kind'" >&2; exit 2 ;;
esac
build=$root/.build-$kind
reports=$build/reports
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export SWIFT_BACKTRACE=enable=no

swift build --build-tests --build-path "$build" --sanitize="$sanitizer"
rm -rf "$reports"
mkdir -p "$reports"
# TOMLKit never frees a parsed document (one per config or theme file): known, not ours.
export LSAN_OPTIONS="suppressions=$root/Fuzz/lsan.supp:print_suppressions=0"
# Leaks: whole-process reports at exit are XCTest's and the runtime's caches; leaks are
# checked per input by the fuzzers (scripts/fuzz.sh) instead.
export ASAN_OPTIONS="log_path=$reports/asan:detect_leaks=0:abort_on_error=0"
export TSAN_OPTIONS="log_path=$reports/tsan:halt_on_error=0:second_deadlock_stack=1"
status=0
swift test --skip-build --build-path "$build" --sanitize="$sanitizer" "$@" || status=$?
if compgen -G "$reports/*" > /dev/null; then
    echo "$kind: reports in $reports:" >&2
    for report in "$reports"/*; do
        echo "== $report" >&2
        head -60 "$report" >&2
    done
    status=1
fi
[ $status -eq 0 ] && echo "$kind: clean"
exit $status
