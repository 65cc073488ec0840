#!/usr/bin/env python3
"""make bench-scale: newsidx beside tantivy and PISA on FACTOR times the news corpus.

Builds the scaled corpus (Scripts/make_scaled_corpus.py, kept in .bench-data/scaled-FACTOR),
300 short queries from it (the harness's make-queries), indexes it once with each engine
through the shared harness (../shared/bench/peers/peers.py), then runs the harness's batch
search RUNS times in both modes (any terms, all terms), the engines' runs interleaved
(newsidx, tantivy, PISA, newsidx, ...), so that a burst of load falls on all of them.
Prints each engine's median p50/p95 over the runs and the median of newsidx's per-run
ratios to each peer (below 1x: newsidx is faster or smaller), with and without snippets.

    python3 Scripts/bench_scale.py --shared ../shared --factor 30 --runs 3
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

PEERS = ("tantivy", "pisa")


def output(cmd):
    """The standard output of cmd, exiting with its error when it fails."""
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"bench-scale: {' '.join(cmd)} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return proc.stdout


def last_json(text):
    return json.loads(text.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--factor", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bin", default=".build/release/newsidx")
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args()

    data = Path(".bench-data")
    news = data / "news/newsarticles/docs"
    if not news.is_dir():
        subprocess.run(["bash", str(args.shared / "corpus/make_corpora.sh"), str(data)], check=True)
    harness = args.shared / "bench/peers/peers.py"
    subprocess.run(["bash", str(args.shared / "bench/peers/setup.sh")], check=True, stdout=subprocess.DEVNULL)
    py = str(Path(os.environ.get("PEERS_VENV", Path.home() / ".cache/newsidx-peers-venv")) / "bin/python")

    corpus = data / f"scaled-{args.factor}"
    if not corpus.is_dir():
        subprocess.run([sys.executable, "Scripts/make_scaled_corpus.py", str(news), str(corpus), str(args.factor)],
                       check=True, stdout=subprocess.DEVNULL)
    work = data / f"bench-scale-{args.factor}"
    work.mkdir(exist_ok=True)
    queries = work / "short.tsv"
    if not queries.exists():
        subprocess.run([py, str(harness), "make-queries", "--style", "short", "--corpus", str(corpus),
                        "--out", str(queries), "--n", str(args.queries), "--seed", "1"], check=True,
                       stdout=subprocess.DEVNULL)
    newsidx = ["--newsidx", args.bin]

    # Index once per engine; peers from the harness's extracted text, newsidx from the files.
    docs = work / "extracted.jsonl"
    if not docs.exists():
        output([py, str(harness), "extract", "--corpus", str(corpus), "--out", str(docs)])
    index = {}
    for engine in ("newsidx",) + PEERS:
        out_dir = work / engine
        shutil.rmtree(out_dir, ignore_errors=True)
        source = ["--corpus", str(corpus)] + newsidx if engine == "newsidx" else ["--docs", str(docs)]
        out = output([py, str(harness), "index", "--engine", engine, "--out", str(out_dir)] + source)
        r = last_json(out)
        index[engine] = {"s": r["index_s"], "MB": r["index_bytes"] / 1e6}
        print(f"indexed {engine}: {r['index_s']:.1f} s, {r['index_bytes'] / 1e6:.1f} MB", file=sys.stderr)

    # runs[mode][engine] = list of (p50, p95, snippets p50, snippets p95)
    runs = {mode: {e: [] for e in ("newsidx",) + PEERS} for mode in ("any", "all")}
    for run in range(args.runs):
        for mode in ("any", "all"):
            for engine in ("newsidx",) + PEERS:
                out = output([py, str(harness), "search", "--engine", engine, "--index", str(work / engine),
                                   "--queries", str(queries), "--mode", mode] + newsidx)
                r = last_json(out)
                snip = r.get("with_snippets") or {}
                runs[mode][engine].append((r["topk"]["p50_ms"], r["topk"]["p95_ms"],
                                           snip.get("p50_ms"), snip.get("p95_ms")))
                print(f"run {run + 1} {mode} {engine}: p50 {r['topk']['p50_ms']:.3f} ms, "
                      f"p95 {r['topk']['p95_ms']:.3f} ms", file=sys.stderr)

    stories = sum(1 for _ in open(docs))
    print(f"## {args.factor}x the news corpus: {stories:,} stories, {args.queries} short queries, "
          f"top 10, median of {args.runs} runs\n")
    print("| engine | index s | index MB | any p50 ms | any p95 ms | all p50 ms | all p95 ms | snippets p95 ms (any) |")
    print("|---|---|---|---|---|---|---|---|")
    def med(values):
        present = [v for v in values if v is not None]
        return statistics.median(present) if present else None

    def fmt(value):
        return "n/a" if value is None else f"{value:.3f}"

    for engine in ("newsidx",) + PEERS:
        a, b = runs["any"][engine], runs["all"][engine]
        print(f"| {engine} | {index[engine]['s']:.1f} | {index[engine]['MB']:.1f} | {fmt(med(r[0] for r in a))} | "
              f"{fmt(med(r[1] for r in a))} | {fmt(med(r[0] for r in b))} | {fmt(med(r[1] for r in b))} | "
              f"{fmt(med(r[3] for r in a))} |")
    print("\nnewsidx / peer, the median of the per-run ratios (below 1x: newsidx faster or smaller):\n")
    print("| peer | any p50 | any p95 | all p50 | all p95 | snippets p95 (any) | index time | index size |")
    print("|---|---|---|---|---|---|---|---|")
    for peer in PEERS:
        cells = []
        for mode, k in (("any", 0), ("any", 1), ("all", 0), ("all", 1), ("any", 3)):
            ratios = [n[k] / p[k] for n, p in zip(runs[mode]["newsidx"], runs[mode][peer]) if n[k] and p[k]]
            cells.append(f"{statistics.median(ratios):.2f}x" if ratios else "n/a")
        cells.append(f"{index['newsidx']['s'] / index[peer]['s']:.2f}x")
        cells.append(f"{index['newsidx']['MB'] / index[peer]['MB']:.2f}x")
        print(f"| {peer} | " + " | ".join(cells) + " |")
    (work / "runs.json").write_text(json.dumps({"index": index, "runs": runs}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
