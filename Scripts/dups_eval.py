#!/usr/bin/env python3
"""Measures near-duplicate detection on the set Scripts/make_dup_set.py builds.

Indexes SET_DIR with newsidx, reads `newsidx dups --json`, and reports:
  - pair precision and recall: a pair is two files the clusters put together; a true pair
    two files of one family (truth.tsv);
  - the share of first-page results (10 hits) that are copies of a hit above them, with
    collapsing off (--no-collapse) and on (the default), over one query per family that
    has copies: the original's headline words, with --any.
With --min-similarity, several thresholds at once (only above the index's own).

    python3 Scripts/dups_eval.py SET_DIR --bin .build/release/newsidx [--index DIR]
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import tempfile
from itertools import combinations


def pairs_of(groups):
    out = set()
    for g in groups:
        for a, b in combinations(sorted(g), 2):
            out.add((a, b))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set_dir")
    ap.add_argument("--bin", default=".build/release/newsidx")
    ap.add_argument("--index")
    ap.add_argument("--min-similarity", default="0", help="comma-separated thresholds for dups")
    ap.add_argument("--show-errors", type=int, default=0)
    args = ap.parse_args()
    set_dir = os.path.abspath(args.set_dir)
    truth = {}
    with open(os.path.join(set_dir, "truth.tsv")) as f:
        for line in f:
            path, family = line.rstrip("\n").split("\t")
            truth[path] = family
    families = collections.defaultdict(list)
    for path, family in truth.items():
        families[family].append(path)
    true_pairs = pairs_of(families.values())

    index = args.index or tempfile.mkdtemp(prefix="dups-eval-")
    if not args.index:
        shutil.rmtree(index)
    subprocess.run([args.bin, "add", "--quiet", "--index", index,
                    os.path.join(set_dir, "stories"), os.path.join(set_dir, "copies")], check=True)

    def rel(member):
        return os.path.relpath(os.path.join(member["root"], member["path"]), set_dir)

    for threshold in args.min_similarity.split(","):
        out = subprocess.run([args.bin, "dups", "--json", "--index", index, "--min-similarity", threshold],
                             check=True, capture_output=True, text=True).stdout
        clusters = [[rel(m) for m in json.loads(line)["members"]] for line in out.splitlines()]
        found = pairs_of(clusters)
        hit = found & true_pairs
        precision = len(hit) / len(found) if found else 1.0
        recall = len(hit) / len(true_pairs)
        print(f"min-similarity {threshold}: {len(clusters)} clusters, {len(found)} pairs found, "
              f"{len(true_pairs)} true: precision {precision:.4f}, recall {recall:.4f}")
        if args.show_errors:
            for a, b in sorted(found - true_pairs)[: args.show_errors]:
                print(f"  false pair: {a}  {b}")
            for a, b in sorted(true_pairs - found)[: args.show_errors]:
                print(f"  missed pair: {a}  {b}")

    # First pages: one query per family with copies, the original's headline words.
    queries = []
    for family, members in sorted(families.items()):
        if len(members) < 2:
            continue
        with open(os.path.join(set_dir, "stories", family), encoding="utf-8", errors="replace") as f:
            lines = [l for l in f.read().split("\n") if not l.startswith("date ")]
        words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", lines[0]) if len(w) > 3][:6]
        if words:
            queries.append((family, " ".join(words)))
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as qf:
        for i, (_, q) in enumerate(queries):
            qf.write(f"{i}\t{q}\n")
    for label, flags in [("without collapsing", ["--no-collapse"]), ("collapsed", [])]:
        out = subprocess.run([args.bin, "search", "--json", "--any", "--no-suggest", "--limit", "10",
                              "--index", index, "--queries", qf.name] + flags,
                             capture_output=True, text=True).stdout
        pages = collections.defaultdict(list)
        for line in out.splitlines():
            o = json.loads(line)
            pages[o["qid"]].append(truth.get(rel(o), "?" + rel(o)))
        shown = dups = 0
        for fams in pages.values():
            seen = set()
            for fam in fams:
                shown += 1
                if fam in seen:
                    dups += 1
                seen.add(fam)
        print(f"first pages {label}: {len(pages)} queries, {shown} hits, {dups} copies of a hit above "
              f"({100.0 * dups / max(shown, 1):.1f}%)")
    os.unlink(qf.name)
    if not args.index:
        shutil.rmtree(index)


if __name__ == "__main__":
    main()
