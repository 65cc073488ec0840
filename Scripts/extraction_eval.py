#!/usr/bin/env python3
"""Article extraction on both shared benchmark sets, newsidx beside every peer.

Runs `newsidx extract --json` once over each set's pages (../shared/extraction: 121 pages of
the Scrapinghub article-extraction benchmark; ../shared/extraction2: 477 pages from six other
data sets) and scores it with the benchmark's own scorer (../shared/bench/extraction_eval.py:
F1 over 4-gram shingles), overall and per data set (the key's prefix before its first `-`),
beside the peers' outputs stored with each set. Prints Markdown tables, the pages newsidx
gave no text for, and the time of each run.

    python3 Scripts/extraction_eval.py --shared ../shared --bin .build/release/newsidx
"""
import argparse
import importlib.util
import json
import sys
from pathlib import Path


def load_scorer(shared):
    path = shared / "bench" / "extraction_eval.py"
    spec = importlib.util.spec_from_file_location("extraction_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def groups(keys, single):
    """Pages by data set: the key's prefix, or one group named `single` for a set of one source."""
    out = {}
    for key in keys:
        out.setdefault(single or key.split("-", 1)[0], []).append(key)
    return out


def table(scorer, gt, outputs, by_set):
    names = sorted(n for n in outputs if n != "newsidx")
    head = ["data set", "pages", "newsidx"] + names + ["best peer", "newsidx − best"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    rows = [("all", list(gt))] + (sorted(by_set.items()) if len(by_set) > 1 else [])
    for name, keys in rows:
        sub = {k: gt[k] for k in keys}
        scores = {n: scorer.score(sub, out)["f1"] for n, out in outputs.items()}
        best = max(names, key=lambda n: scores[n])
        cells = [name, str(len(keys)), "%.3f" % scores["newsidx"]] + ["%.3f" % scores[n] for n in names]
        cells += ["%s %.3f" % (best, scores[best]), "%+.3f" % (scores["newsidx"] - scores[best])]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--bin", default=".build/release/newsidx")
    args = ap.parse_args()
    if not (args.shared / "bench" / "extraction_eval.py").is_file():
        print(f"extraction-eval: no benchmark at {args.shared}/bench/extraction_eval.py; put the shared data "
              "beside the checkout or set SHARED", file=sys.stderr)
        return 2
    scorer = load_scorer(args.shared)
    total_seconds, total_pages, empty_pages = 0.0, 0, []
    for folder, single in (("extraction", "scrapinghub"), ("extraction2", None)):
        data = args.shared / folder
        if not data.is_dir():
            print(f"extraction-eval: no data at {data}; put the shared data beside the checkout or set SHARED", file=sys.stderr)
            return 2
        gt = json.loads((data / "ground-truth.json").read_text())
        outputs = {}
        for peer in sorted((data / "peers").glob("*.json")):
            d = json.loads(peer.read_text())
            outputs[peer.stem] = d.get("output", d)
        pred, seconds = scorer.run_cmd(f"{args.bin} extract --json", data, gt)
        outputs["newsidx"] = pred
        total_seconds += seconds
        total_pages += len(gt)
        empty_pages += [f"{folder}/{k}" for k in gt if not pred.get(k, {}).get("articleBody", "").strip()]
        print(f"## {folder} ({len(gt)} pages, extracted in {seconds:.2f} s)\n")
        print(table(scorer, gt, outputs, groups(gt, single)) + "\n")
    print(f"{total_pages} pages extracted in {total_seconds:.2f} s; pages without text: "
          + (", ".join(empty_pages) if empty_pages else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
