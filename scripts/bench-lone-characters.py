#!/usr/bin/env python3
"""Share of multi-line paragraphs whose last line holds a lone character (孤字), with and
without yuedu's rule against it, and the line-breaking violations of both (as
bench-wrap-violations.py counts them), over widths 20-78.

The corpus: every line of the seed articles (each a paragraph, as `yuedu wrap` reads it) plus
generated Chinese prose (seeded, so every run is the same).

Usage: bench-lone-characters.py [--yuedu PATH] [--from 20] [--to 78] [--generated 400]
(default binary: .build/release/yuedu)
"""
import argparse
import glob
import importlib.util
import os
import random
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("violations", os.path.join(HERE, "bench-wrap-violations.py"))
violations_module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(violations_module)

HAN = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
       "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
       "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道")
CLOSING = set("，。、；：？！）》」』】〕］｝”’,.;:?!)]}…—")
PUNCTUATION = ["，", "，", "，", "。", "。", "、", "；", "：", "？", "！"]


def generated(count, seed=20230116):
    """Paragraphs of Chinese prose: clauses of 3-18 characters between punctuation."""
    g = random.Random(seed)
    out = []
    for _ in range(count):
        p = "\u3000\u3000" if g.random() < 0.5 else ""
        for _ in range(g.randint(1, 12)):
            p += "".join(g.choice(HAN) for _ in range(g.randint(3, 18)))
            if g.random() < 0.08:
                p += "《" + "".join(g.choice(HAN) for _ in range(g.randint(2, 6))) + "》"
            p += g.choice(PUNCTUATION)
        out.append(p[:-1] + "。")
    return out


def is_lone(line):
    """One character that is not punctuation, then only closing punctuation."""
    letters = [c for c in line.strip() if c not in CLOSING]
    return len(letters) == 1 and "\u3400" <= letters[0] <= "\u9fff"


def run(binary, path, width, allow):
    command = [binary, "wrap", "--width", str(width)] + (["--allow-lone-character"] if allow else []) + [path]
    lines = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--yuedu", default=os.path.join(HERE, "..", ".build", "release", "yuedu"))
    ap.add_argument("--from", dest="low", type=int, default=20)
    ap.add_argument("--to", dest="high", type=int, default=78)
    ap.add_argument("--generated", type=int, default=400)
    args = ap.parse_args()
    paragraphs = []
    for path in sorted(glob.glob(os.path.join(HERE, "..", "seeds", "*"))):
        with open(path, encoding="utf-8") as f:
            paragraphs += [line for line in f.read().split("\n") if line.strip()]
    paragraphs += generated(args.generated)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("\n".join(paragraphs) + "\n")
        corpus = f.name
    totals = {False: [0, 0, 0], True: [0, 0, 0]}  # avoid: [multi-line, lone, violations]
    print("width   greedy: multi lone viol   yuedu: multi lone viol")
    try:
        for width in range(args.low, args.high + 1):
            row = []
            for avoid in (False, True):
                lines = run(args.yuedu, corpus, width, allow=not avoid)
                groups = violations_module.split_by_paragraph(paragraphs, lines)
                multi = sum(1 for _, group, _ in groups if len(group) > 1)
                lone = sum(1 for _, group, _ in groups if len(group) > 1 and is_lone(group[-1]))
                viol, lost = violations_module.violations(groups, width)
                assert lost == 0, "output did not match the paragraphs back"
                for k, v in enumerate((multi, lone, viol)):
                    totals[avoid][k] += v
                row.append("%5d %4d %4d" % (multi, lone, viol))
            print("%5d   %s   %s" % (width, row[0], row[1]))
    finally:
        os.unlink(corpus)
    print("paragraphs: %d (%d from the seeds, %d generated), widths %d-%d"
          % (len(paragraphs), len(paragraphs) - args.generated, args.generated, args.low, args.high))
    for avoid, name in ((False, "greedy (--allow-lone-character)"), (True, "yuedu")):
        multi, lone, viol = totals[avoid]
        print("%-32s %6d multi-line, %5d end with a lone character (%.1f%%), %d violations"
              % (name, multi, lone, 100.0 * lone / max(multi, 1), viol))


if __name__ == "__main__":
    main()
