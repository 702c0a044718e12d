#!/usr/bin/env bash
# Screenshots of the reader in a real xterm under Xvfb, with a CJK font, on a light and a
# dark background, at TERM=xterm (8 colours) and xterm-256color, and with NO_COLOR=1.
# For people to look at (not run by CI). Needs Xvfb, xterm, ImageMagick (import) and
# fonts-noto-cjk; builds the reader first.
#
#   scripts/screenshots.sh [OUT_DIR] [-- extra reader arguments]
#
# Each PNG is named TERM-BACKGROUND[-nocolor][-search|-help].png. xterm answers the reader's
# background query (OSC 11), so the light shots show the default theme's light variant.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-screenshots}
shift || true
[ "${1:-}" = "--" ] && shift
extra=("$@")
mkdir -p "$out"
for tool in Xvfb xterm import; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 1; }
done
swift build --product yuedu >/dev/null
reader=$(swift build --show-bin-path)/yuedu

display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

# shoot NAME TERM BG FG ENV KEYS: run the reader in an xterm, type KEYS into its terminal
# (TIOCSTI on the reader's tty), take a screenshot.
shoot() {
    local name=$1 term=$2 bg=$3 fg=$4 env=$5 keys=$6
    DISPLAY=$display xterm -geometry 120x34+0+0 -fa 'DejaVu Sans Mono' -fd 'Noto Sans Mono CJK SC' -fs 11 \
        -bg "$bg" -fg "$fg" -xrm 'XTerm*allowWindowOps: true' -tn "$term" \
        -e sh -c "cd '$PWD' && env HOME='$home' LANG=C.UTF-8 $env '$reader' ${extra[*]:-}" &
    local xterm=$!
    sleep 3
    if [ -n "$keys" ]; then
        local pid
        pid=$(pgrep -n -f "$reader" || true)
        local tty
        tty=$(readlink "/proc/$pid/fd/0" 2>/dev/null || true)
        # TIOCSTI is not available everywhere; fall back to no keys.
        [ -n "$tty" ] && python3 - "$tty" "$keys" <<'PY' || true
import fcntl, sys, termios
fd = open(sys.argv[1], "wb", buffering=0)
for ch in sys.argv[2].encode():
    fcntl.ioctl(fd, termios.TIOCSTI, bytes([ch]))
PY
        sleep 1.5
    fi
    DISPLAY=$display import -window root -crop "$(DISPLAY=$display xwininfo -root -tree | awk '/"xterm"/ {print $(NF-1); exit}' | cut -d+ -f1)+0+0" "$out/$name.png"
    kill "$xterm" 2>/dev/null || true
    wait "$xterm" 2>/dev/null || true
    echo "$out/$name.png"
}

for term in xterm xterm-256color; do
    shoot "$term-dark" "$term" black '#e5e5e5' "" ""
    shoot "$term-light" "$term" white black "" ""
    shoot "$term-dark-search" "$term" black '#e5e5e5' "" "/的"$'\r'
    shoot "$term-light-search" "$term" white black "" "/的"$'\r'
    shoot "$term-dark-help" "$term" black '#e5e5e5' "" "?"
    shoot "$term-light-help" "$term" white black "" "?"
done
shoot "xterm-256color-dark-nocolor" xterm-256color black '#e5e5e5' "NO_COLOR=1" "/的"$'\r'
shoot "xterm-256color-light-nocolor" xterm-256color white black "NO_COLOR=1" "/的"$'\r'
