#!/usr/bin/env python3
"""Builds a corpus FACTOR times the size of a news corpus by sampling its real sentences.

Usage: make_scaled_corpus.py SOURCE_DOCS OUT_DIR FACTOR [--seed N]

Every generated story has the source's wire-text form (`date YYYY-MM-DD`, a headline, a
blank line, the body): its date and headline are drawn from real stories, and its body is
as many real sentences, drawn from the whole corpus, as a real story has. Word statistics
(vocabulary, Zipf curve, sentence and story lengths) therefore follow the real corpus,
which is what makes index time and query latency on it meaningful; the stories themselves
are not meant to be read. Files go 1,000 to a folder.
"""
import argparse
import random
import re
from pathlib import Path

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def read_story(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = text.split("\n")
    date = lines[0][5:].strip() if lines and lines[0].startswith("date ") else None
    rest = lines[1:] if date else lines
    headline = rest[0].strip() if rest else ""
    body = " ".join(line.strip() for line in rest[1:] if line.strip())
    return date, headline, [s for s in SENTENCE_END.split(body) if s]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("factor", type=int)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    stories = [read_story(p) for p in sorted(Path(args.source).rglob("*.txt"))]
    dates = [d for d, _, _ in stories if d]
    headlines = [h for _, h, _ in stories if h]
    sentences = [s for _, _, ss in stories for s in ss]
    lengths = [len(ss) for _, _, ss in stories if ss]
    out = Path(args.out)
    total = len(stories) * args.factor
    for n in range(total):
        folder = out / f"{n // 1000:05d}"
        if n % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        body = " ".join(rng.choice(sentences) for _ in range(rng.choice(lengths)))
        (folder / f"s{n:07d}.txt").write_text(
            f"date {rng.choice(dates)}\n{rng.choice(headlines)}\n\n{body}\n", encoding="utf-8")
    print(f"wrote {total} stories to {out}")


if __name__ == "__main__":
    main()
