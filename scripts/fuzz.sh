#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/Harnesses (ReaderCore instrumented for coverage and
# AddressSanitizer, in .build-fuzz) and runs each for SECONDS seconds (default 60), two at a
# time. A crash, a leak, a hang (over 10 s for one input) or a memory blow-up (over 2 GB)
# stops that harness and leaves the input in .build-fuzz/findings/NAME/.
#
#   scripts/fuzz.sh [SECONDS] [NAME...]     names: formats decoding config persistence wrap folding
#   scripts/fuzz.sh build                   build only
#   scripts/fuzz.sh replay NAME FILE...     run one harness on given inputs (a crash to check)
#
# The normal `swift build` and `swift test` neither see nor build any of this.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/.build-fuzz
all=(formats decoding config persistence wrap folding)
# A failing check aborts; the Swift runtime's own backtracer would only get in the way.
export SWIFT_BACKTRACE=enable=no
# TOMLKit never frees a parsed document (its C interface has no way to): one leak per config
# or theme file read, known and bounded, not a finding.
export LSAN_OPTIONS=suppressions=$root/Fuzz/lsan.supp:print_suppressions=0

build() {
    # ReaderCore and what it imports, optimized and instrumented; nothing is linked here.
    swift build -c release --build-path "$out" --target ReaderCore \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
        -Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address >&2
    local debug=$out/release
    local objects=()
    for module in ReaderCore TextSafety TOMLKit CTOML; do
        while IFS= read -r o; do objects+=("$o"); done < <(find "$debug/$module.build" -name '*.o')
    done
    mkdir -p "$out/bin"
    for name in "${all[@]}"; do
        swiftc -sanitize=fuzzer,address -parse-as-library -g -O \
            -module-name "Fuzz_$name" \
            -I "$debug/Modules" -Xcc -fmodule-map-file="$debug/CTOML.build/module.modulemap" \
            -Xcc -I -Xcc "$out/checkouts/TOMLKit/Sources/CTOML/include" \
            "$root/Fuzz/Harnesses/Support.swift" "$root/Fuzz/Harnesses/$name.swift" \
            "${objects[@]}" -lstdc++ -o "$out/bin/fuzz-$name" >&2
    done
}

# The starting inputs: the committed corpus, plus the seeds for the text harnesses.
corpus() {
    local name=$1 dir=$out/corpus/$1
    mkdir -p "$dir"
    if [ -d "Fuzz/Corpus/$name" ]; then cp -n Fuzz/Corpus/"$name"/* "$dir"/ 2>/dev/null || true; fi
    case $name in
        formats|decoding|wrap|folding) cp -n seeds/* "$dir"/ 2>/dev/null || true ;;
        config) cp -n themes/*.toml "$dir"/ 2>/dev/null || true ;;
    esac
    echo "$dir"
}

run() {
    local name=$1 seconds=$2
    local findings=$out/findings/$name
    mkdir -p "$findings"
    local dict=()
    [ -f "Fuzz/Dictionaries/$name.dict" ] && dict=(-dict="Fuzz/Dictionaries/$name.dict")
    "$out/bin/fuzz-$name" "$(corpus "$name")" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
        -artifact_prefix="$findings/" -print_final_stats=1 > "$out/$name.log" 2>&1
    local status=$?
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)|cov: ' "$out/$name.log" | tail -3 | sed "s/^/$name: /"
    echo "$name: exit $status, findings: $(find "$findings" -type f | wc -l)"
    return $status
}

case "${1:-60}" in
    build) build; exit 0 ;;
    replay)
        name=$2; shift 2
        exec "$out/bin/fuzz-$name" "$@" ;;
esac
seconds=${1:-60}
shift || true
names=("$@")
[ ${#names[@]} -eq 0 ] && names=("${all[@]}")
build
failed=0
# Two at a time: the machine has two cores.
for ((k = 0; k < ${#names[@]}; k += 2)); do
    pids=()
    for name in "${names[@]:k:2}"; do
        run "$name" "$seconds" & pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
done
exit $failed
