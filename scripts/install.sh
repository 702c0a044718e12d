#!/usr/bin/env bash
# Builds yuedu in release mode with the Swift runtime and Foundation linked in, and installs it
# under PREFIX (default /usr/local):
#
#   PREFIX/bin/yuedu                                   the binary (stripped)
#   PREFIX/share/yuedu/themes/*.toml                   the themes
#   PREFIX/share/yuedu/seeds/                          the sample articles
#   PREFIX/share/man/man1/yuedu.1                      the man page
#   PREFIX/share/bash-completion/completions/yuedu     bash completion
#   PREFIX/share/zsh/site-functions/_yuedu             zsh completion
#   PREFIX/share/fish/vendor_completions.d/yuedu.fish  fish completion
#
# The binary needs only system C libraries (ldd lists them at the end); it can be copied to a
# machine without Swift. The build goes to .build-release-static (YUEDU_BUILD_PATH to move it),
# apart from the debug build in .build.
#
# Usage: scripts/install.sh [PREFIX]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-/usr/local}
case $prefix in
    /*) ;;
    *) prefix=$(pwd)/$prefix ;;
esac
build=${YUEDU_BUILD_PATH:-$root/.build-release-static}

say() { printf 'install.sh: %s\n' "$*" >&2; }

# The commit, for `yuedu --version`: from git when this is a clone, else from the file
# `git archive` fills in (export-subst), else unknown.
commit=""
if [ -e "$root/.git" ] && commit=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null); then
    git -C "$root" diff --quiet HEAD -- 2>/dev/null || commit="$commit-dirty"
elif [ -f "$root/scripts/commit.txt" ] && ! grep -q 'Format:' "$root/scripts/commit.txt"; then
    commit=$(tr -cd '0-9a-f' < "$root/scripts/commit.txt")
fi
# Written only when it changes, so that a rebuild of the same commit compiles nothing.
mkdir -p "$build/build-info"
header="$build/build-info/yuedu-build-commit.h"
line="#define YUEDU_BUILD_COMMIT \"$commit\""
[ "$(cat "$header" 2>/dev/null)" = "$line" ] || printf '%s\n' "$line" > "$header"

# One set of flags for every product, so that they share one build.
flags=(-c release --static-swift-stdlib --build-path "$build" -Xcc "-I$build/build-info")
cd "$root"
say "building in $build (release, Swift runtime linked in)"
for product in yuedu yuedu-manual generate-manual; do
    swift build "${flags[@]}" --product "$product"
done
bin=$(swift build "${flags[@]}" --show-bin-path)

# The man page: generate-manual (swift-argument-parser) writes the options and subcommands
# from the command definitions; yuedu-manual puts back the characters it drops (it keeps
# ASCII only), and adds the key table from the command table, and the configuration, files,
# environment and examples. Dated with the commit, for the same page from the same sources.
date=$(date +%Y-%m-%d)
if [ -e "$root/.git" ]; then date=$(git -C "$root" log -1 --format=%cs 2>/dev/null || echo "$date"); fi
manual=$(mktemp -d)
trap 'rm -rf "$manual"' EXIT
"$bin/generate-manual" "$bin/yuedu" --date "$date" --output-directory "$manual"
"$bin/yuedu" --experimental-dump-help > "$manual/yuedu.json"
"$bin/yuedu-manual" "$manual/yuedu.1" "$manual/yuedu.json" > "$manual/yuedu.1.full"

say "installing into $prefix"
install -d "$prefix/bin" "$prefix/share/yuedu/themes" "$prefix/share/yuedu/seeds" "$prefix/share/man/man1" \
    "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
    "$prefix/share/fish/vendor_completions.d"
install -m 755 "$bin/yuedu" "$prefix/bin/yuedu.new"
strip "$prefix/bin/yuedu.new"
mv -f "$prefix/bin/yuedu.new" "$prefix/bin/yuedu"
install -m 644 "$root"/themes/*.toml "$prefix/share/yuedu/themes/"
install -m 644 "$root"/seeds/* "$prefix/share/yuedu/seeds/"
install -m 644 "$manual/yuedu.1.full" "$prefix/share/man/man1/yuedu.1"
"$prefix/bin/yuedu" --generate-completion-script bash > "$prefix/share/bash-completion/completions/yuedu"
"$prefix/bin/yuedu" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_yuedu"
"$prefix/bin/yuedu" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/yuedu.fish"

# Nothing of Swift's may be left to load at run time.
if ldd "$prefix/bin/yuedu" | grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|not found'; then
    say "error: $prefix/bin/yuedu still needs the libraries above"
    exit 1
fi
say "installed $("$prefix/bin/yuedu" --version); it needs:"
ldd "$prefix/bin/yuedu" | awk '{ print "    " $1 }' >&2
