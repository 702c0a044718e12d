#!/usr/bin/env python3
"""Write a ~1 MB Chinese plain text for the wrapping benchmark: the seed article's body
(its lines after the four-line header) repeated, cut at a paragraph end.

Usage: bench-wrap-input.py OUTPUT [BYTES]   (default 1048576 bytes)
"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
seed = os.path.join(here, "..", "seeds", "000_179341d704dc42fe.txt")
target = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 20
with open(seed, encoding="utf-8") as f:
    body = [line.rstrip("\n") for line in f][4:]
out = []
size = 0
while size < target:
    for line in body:
        out.append(line)
        size += len(line.encode("utf-8")) + 1
        if size >= target:
            break
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
print("%s: %d bytes, %d lines" % (sys.argv[1], size, len(out)))
