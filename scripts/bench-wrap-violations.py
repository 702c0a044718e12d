#!/usr/bin/env python3
"""Count line-breaking violations of `yuedu wrap` and of w3m's line folding, per width.

A violation is a line that starts with closing or pause punctuation, a line that ends with
an opening bracket or quote, a `——` or `……` cut in two, or a Latin word cut in two although
it fits on a line. Each tool's output lines are matched back to the input paragraphs, so a
break is only judged inside a paragraph.

Usage: bench-wrap-violations.py [FILE] [--yuedu PATH] [--from 30] [--to 78]
(defaults: the seed article, .build/release/yuedu; needs w3m.)
"""
import argparse
import re
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
CLOSERS = set("，。、；：？！）》」』】〕］｝”’,.;:?!)]}")
OPENERS = set("（《「『【〔［｛“‘([{")


def is_latin(c):
    return c.isascii() and c.isalpha()


def split_by_paragraph(paragraphs, lines):
    """Groups output lines by the input paragraph they came from (compared without spaces)."""
    groups = []
    k = 0
    for p in paragraphs:
        target = "".join(p.split())
        group = []
        got = ""
        while k < len(lines) and len(got) < len(target):
            group.append(lines[k])
            got += "".join(lines[k].split())
            k += 1
        if not target:
            # An empty paragraph may or may not print an empty line.
            while k < len(lines) and lines[k].strip() == "" and not group:
                group.append(lines[k]); k += 1
        groups.append((p, group, got == target))
    return groups


def violations(groups, width):
    count = 0
    lost = 0
    for p, group, ok in groups:
        if not ok:
            lost += 1
        for a, b in zip(group, group[1:]):
            a, b = a.rstrip(), b.lstrip()
            if not a or not b:
                continue
            if b[0] in CLOSERS or a[-1] in OPENERS:
                count += 1
            elif (a[-1], b[0]) in (("—", "—"), ("…", "…")):
                count += 1
            elif is_latin(a[-1]) and is_latin(b[0]):
                letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                tail = len(a) - len(a.rstrip(letters))
                head = len(b) - len(b.lstrip(letters))
                # A break at a space between two words is no cut.
                word = re.escape(a[-tail:] + b[:head])
                if tail + head <= width and re.search("(?<![A-Za-z])" + word + "(?![A-Za-z])", p):
                    count += 1
    return count, lost


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=os.path.join(HERE, "..", "seeds", "000_179341d704dc42fe.txt"))
    ap.add_argument("--yuedu", default=os.path.join(HERE, "..", ".build", "release", "yuedu"))
    ap.add_argument("--from", dest="low", type=int, default=30)
    ap.add_argument("--to", dest="high", type=int, default=78)
    args = ap.parse_args()
    with open(args.file, encoding="utf-8") as f:
        paragraphs = f.read().split("\n")
    if paragraphs and paragraphs[-1] == "":
        paragraphs.pop()
    tools = {
        "yuedu": lambda w: [args.yuedu, "wrap", "--width", str(w), args.file],
        "w3m": lambda w: ["w3m", "-dump", "-cols", str(w), "-o", "fold_line=1", "-T", "text/plain", args.file],
    }
    totals = {name: 0 for name in tools}
    print("width  " + "  ".join("%6s" % name for name in tools))
    for width in range(args.low, args.high + 1):
        row = []
        for name, command in tools.items():
            out = subprocess.run(command(width), capture_output=True, text=True, check=True).stdout
            lines = out.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            count, lost = violations(split_by_paragraph(paragraphs, lines), width)
            totals[name] += count
            row.append("%6d" % count + ("*" if lost else ""))
        print("%5d  %s" % (width, "  ".join(row)))
    print("total  " + "  ".join("%6d" % totals[name] for name in tools))
    print("(* some paragraphs did not match back to the input)")


if __name__ == "__main__":
    main()
