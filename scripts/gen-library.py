#!/usr/bin/env python3
"""Generate a synthetic article library for benchmarks, from the paragraphs of seeds/.

    scripts/gen-library.py COUNT OUTDIR [--seed N]

Writes COUNT articles of about 5 KB each under OUTDIR (1,000 per subfolder): 80% in the
seed's plain-text layout (UTF-8), 10% Markdown with front matter, 10% plain text in GB18030.
Dates, titles and paragraph order vary; about 0.5% are the same article saved twice.
The output is data, not source: write it under /tmp or bench-data/ (git-ignored).
"""
import argparse
import os
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITES = ["中国电源产业网", "新华网", "人民网", "澎湃新闻", "财新网", "观察者网"]
TAGS = ["党建", "乡村振兴", "经济", "科技", "文化", "教育", "能源"]


def seed_paragraphs():
    paragraphs = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) >= 20 and not line.startswith("http"):
                paragraphs.append(line)
    return paragraphs


def article(rng, paragraphs, n):
    title = rng.choice(paragraphs)[: rng.randint(12, 28)].rstrip("，,。") + f"（{n}）"
    date = (rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28))
    site = rng.choice(SITES)
    lead = rng.choice(paragraphs)
    body, size = [], 0
    while size < 4200:
        p = rng.choice(paragraphs)
        body.append(p)
        size += len(p.encode("utf-8"))
    related = [(rng.choice(paragraphs)[:24], rng.choice(paragraphs)) for _ in range(3)]
    return title, date, site, lead, body, related


def plain(a, rng):
    title, (y, m, d), site, lead, body, related = a
    date = rng.choice([f"{y}-{m:02d}-{d:02d}", f"{y}/{m:02d}/{d:02d}", f"{y}年{m}月{d}日"])
    colon = rng.choice([":", "："])
    lines = [title, date, site, f"导语{colon}{lead}", ""] + body
    lines += [f"编辑{colon}{site}", f"来源{colon}{site}", f"标签{colon}{' '.join(rng.sample(TAGS, 2))}",
              "相关信息", "MORE >>-"]
    for i, (t, s) in enumerate(related):
        if i:
            lines.append("-")
        lines += [t, s]
    return "\n".join(lines) + "\n"


def markdown(a, rng):
    title, (y, m, d), site, lead, body, related = a
    out = ["---", f"title: {title}", f"date: {y}-{m:02d}-{d:02d}", f"source: {site}",
           "author: 张三", f"tags: [{', '.join(rng.sample(TAGS, 2))}]", "related:"]
    out += [f"  - {t}" for t, _ in related]
    out += ["---", "", f"> {lead}", ""]
    for i, p in enumerate(body):
        if i % 4 == 3:
            out += [f"## {p[:16]}", ""]
        out += [f"{p[:10]}**{p[10:20]}**{p[20:]}[原文](https://example.com/{i})", ""]
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("outdir")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    paragraphs = seed_paragraphs()
    out = Path(args.outdir)
    previous = None
    total = 0
    for n in range(args.count):
        folder = out / f"{n // 1000:03d}"
        if n % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        a = previous if previous and rng.random() < 0.005 else article(rng, paragraphs, n)
        previous = a
        kind = rng.random()
        if kind < 0.1:
            data = markdown(a, rng).encode("utf-8")
            name = f"{n:06d}.md"
        elif kind < 0.2:
            data = plain(a, rng).replace("\n", "\r\n").encode("gb18030")
            name = f"{n:06d}.txt"
        else:
            data = plain(a, rng).encode("utf-8")
            if rng.random() < 0.05:
                data = b"\xef\xbb\xbf" + data
            name = f"{n:06d}.txt"
        (folder / name).write_bytes(data)
        total += len(data)
    print(f"{args.count} articles, {total} bytes, in {out}")


if __name__ == "__main__":
    main()
