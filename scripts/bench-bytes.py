#!/usr/bin/env python3
"""Bytes written to the terminal per keystroke: yuedu's reading pane against less.

Runs each program in a pseudo-terminal of 80x24 (TERM=xterm-256color, LANG=C.UTF-8), waits
until it is quiet, then sends one key at a time and counts every byte the program writes in
answer. yuedu reads seeds/001_huozi-typesetting.txt in fullscreen (`f`); less shows the same
article as yuedu lays it out (`yuedu render --width 78`), so both scroll the same lines.

Usage: scripts/bench-bytes.py [YUEDU_BINARY] [--runs N] [--hyperlinks]
Prints the median bytes for `j` (one line) and Space (one page) for each program.

With --hyperlinks, compares yuedu with `hyperlinks = "never"` and `"always"` instead (no less):
the same keys on the same article (no link on screen), and `k` (one line up, twice) from the
end of seeds/008_terminal-tui-column.txt, whose last paragraph holds a URL that stays on
screen and moves a row with each of those keys.
"""
import fcntl, os, pty, select, shutil, statistics, struct, subprocess, sys, tempfile, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTICLE = os.path.join(ROOT, "seeds", "001_huozi-typesetting.txt")
LINKED = os.path.join(ROOT, "seeds", "008_terminal-tui-column.txt")
COLS, ROWS = 80, 24


# A fresh home for each program run: a reading position saved by an earlier run would start
# the article elsewhere.
HOME = tempfile.mkdtemp(prefix="yuedu-bench-bytes-")


def spawn(argv):
    home = tempfile.mkdtemp(dir=HOME)
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", HOME=home)
        for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "TMUX", "STY"):
            os.environ.pop(name, None)
        for name in ("LESS", "LESSOPEN", "ESCDELAY", "NO_COLOR"):
            os.environ.pop(name, None)
        os.execvp(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    return pid, fd


def drain(fd, quiet=0.25, limit=5.0):
    """Reads until the program has written nothing for `quiet` seconds; returns the bytes."""
    out = b""
    end = time.time() + limit
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out


def measure(argv, setup, keys, quit_key):
    """Bytes written in answer to each key of `keys`, after `setup` keys."""
    pid, fd = spawn(argv)
    drain(fd, quiet=1.0)
    for k in setup:
        os.write(fd, k)
        drain(fd)
    counts = []
    for k in keys:
        os.write(fd, k)
        counts.append(len(drain(fd)))
    os.write(fd, quit_key)
    drain(fd)
    os.close(fd)
    os.waitpid(pid, 0)
    return counts


def compare_hyperlinks(yuedu, runs):
    """yuedu with hyperlinks off and on, side by side in one run."""
    results = {}
    configs = {}
    for mode in ("never", "always"):
        with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
            f.write(f'hyperlinks = "{mode}"\n')
            configs[mode] = f.name
    try:
        for _ in range(runs):
            for mode, config in configs.items():
                argv = [yuedu, "--config", config, ARTICLE]
                results.setdefault((mode, "j"), []).extend(measure(argv, [b"f"], [b"j"] * 10, b"q"))
                results.setdefault((mode, "Space"), []).extend(measure(argv, [b"f"], [b" "] * 5, b"q"))
                linked = [yuedu, "--config", config, LINKED]
                # From the end, the first two lines up keep the URL on screen, one row lower each.
                results.setdefault((mode, "k, link on screen"), []).extend(measure(linked, [b"f", b"G"], [b"k"] * 2, b"q"))
    finally:
        for config in configs.values():
            os.unlink(config)
    print(f"{COLS}x{ROWS}, {runs} runs, median bytes written per keystroke")
    for key in ("j", "Space", "k, link on screen"):
        off = statistics.median(results[("never", key)])
        on = statistics.median(results[("always", key)])
        ratio = f"{on / off:5.2f}" if off else "    –"
        print(f"{key:18} never {off:7.0f}   always {on:7.0f}   always/never {ratio}")


def main():
    args = sys.argv[1:]
    runs = 3
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i:i + 2]
    hyperlinks = "--hyperlinks" in args
    if hyperlinks:
        args.remove("--hyperlinks")
    yuedu = args[0] if args else os.path.join(ROOT, ".build", "release", "yuedu")
    if hyperlinks:
        return compare_hyperlinks(yuedu, runs)
    rendered = subprocess.run([yuedu, "render", ARTICLE, "--width", str(COLS - 2)],
                              capture_output=True, check=True, env=dict(os.environ, LANG="C.UTF-8")).stdout
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
        f.write(rendered)
        text = f.name
    results = {}
    try:
        for _ in range(runs):
            for name, argv, setup in (("yuedu", [yuedu, ARTICLE], [b"f"]), ("less", ["less", text], [])):
                lines = measure(argv, setup, [b"j"] * 10, b"q")
                pages = measure(argv, setup, [b" "] * 5, b"q")
                results.setdefault((name, "j"), []).extend(lines)
                results.setdefault((name, "Space"), []).extend(pages)
    finally:
        os.unlink(text)
    print(f"{COLS}x{ROWS}, {runs} runs, median bytes written per keystroke")
    for key in ("j", "Space"):
        y = statistics.median(results[("yuedu", key)])
        l = statistics.median(results[("less", key)])
        print(f"{key:6} yuedu {y:7.0f}   less {l:7.0f}   yuedu/less {y / l:5.2f}")


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(HOME, ignore_errors=True)
