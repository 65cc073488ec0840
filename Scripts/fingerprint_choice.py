#!/usr/bin/env python3
"""SimHash against MinHash for finding copies, measured on the set make_dup_set.py builds.

Usage: fingerprint_choice.py SET_DIR

Every story's text (HTML reduced to its text, as crudely as a reader that does not know
the page's boilerplate) is cut into lower-case word 4-shingles, as newsidx's fingerprints
are. Candidate pairs are those sharing at least 5 shingles (found with an exact shingle
index, so neither method's own candidate search decides the outcome); every other pair
is a non-copy for both. On the candidates each method's similarity is computed:

- SimHash (Charikar): a 64-bit hash of the shingles, similarity = 1 - Hamming / 64;
- MinHash, 64 bins, one permutation (as newsidx): Jaccard J from the agreeing bins, then
  the overlap coefficient J (|A| + |B|) / ((1 + J) min(|A|, |B|)), with J >= 0.3.

For each method the threshold is swept and the best pair F1, and the recall at precision
>= 0.98, are printed. Pairs are judged against truth.tsv (files of one family are copies).
"""
import hashlib, html.parser, itertools, os, re, sys
from collections import defaultdict

WORD = re.compile(r"\w+")


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def words(path):
    raw = open(path, encoding="utf-8", errors="replace").read()
    if path.endswith(".html"):
        p = Text()
        p.feed(raw)
        raw = " ".join(p.parts)
    else:
        # The body: after the headline paragraph, as newsidx leaves the headline out.
        head, _, body = raw.partition("\n\n")
        raw = body or head
    return [w.lower() for w in WORD.findall(raw)]


def h64(s):
    return int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")


def shingles(ws):
    return [" ".join(ws[i:i + 4]) for i in range(len(ws) - 3)]


def simhash(sh):
    v = [0] * 64
    for s in sh:
        x = h64(s)
        for b in range(64):
            v[b] += 1 if x >> b & 1 else -1
    return sum(1 << b for b in range(64) if v[b] > 0)


def minhash(sh):
    bins = [None] * 64
    for s in set(sh):
        x = h64(s)
        b, val = x >> 58, x & 0xFFFFFFFF
        if bins[b] is None or val < bins[b]:
            bins[b] = val
    filled = [i for i in range(64) if bins[i] is not None]
    # densification: an empty bin borrows the next filled one (rotation), as a stand-in
    return [bins[i] if bins[i] is not None else bins[filled[(i) % len(filled)]] if filled else 0 for i in range(64)]


def main():
    root = sys.argv[1]
    truth = {}
    for line in open(os.path.join(root, "truth.tsv")):
        path, family = line.rstrip("\n").split("\t")
        truth[path] = family
    paths = sorted(truth)
    sh = {p: shingles(words(os.path.join(root, p))) for p in paths}
    paths = [p for p in paths if len(sh[p]) >= 8]
    index = defaultdict(list)
    for i, p in enumerate(paths):
        for s in set(sh[p]):
            index[s].append(i)
    shared = defaultdict(int)
    for docs in index.values():
        if len(docs) > 200:
            continue
        for a, b in itertools.combinations(docs, 2):
            shared[(a, b)] += 1
    cands = [pair for pair, n in shared.items() if n >= 5]
    true_pairs = {(a, b) for a, b in itertools.combinations(range(len(paths)), 2)
                  if truth[paths[a]] == truth[paths[b]]}
    sims = {p: simhash(sh[p]) for p in paths}
    mins = {p: minhash(sh[p]) for p in paths}
    scored = {"simhash": [], "minhash": []}
    for a, b in cands:
        pa, pb = paths[a], paths[b]
        same = (a, b) in true_pairs
        scored["simhash"].append((1 - bin(sims[pa] ^ sims[pb]).count("1") / 64, same))
        j = sum(x == y for x, y in zip(mins[pa], mins[pb])) / 64
        na, nb = len(set(sh[pa])), len(set(sh[pb]))
        ov = min(1.0, j * (na + nb) / ((1 + j) * min(na, nb))) if j >= 0.3 else 0.0
        scored["minhash"].append((ov, same))
    total_true = len(true_pairs)
    print(f"{len(paths)} stories, {total_true} true pairs, {len(cands)} candidate pairs (>= 5 shared shingles)")
    for method, rows in scored.items():
        rows.sort(reverse=True)
        best, at98, tp = (0, 0, 0, 0), None, 0
        for k, (score, same) in enumerate(rows, 1):
            tp += same
            p, r = tp / k, tp / total_true
            f1 = 2 * p * r / (p + r) if p + r else 0
            if f1 > best[0]:
                best = (f1, score, p, r)
            if p >= 0.98 and (at98 is None or r > at98[1]):
                at98 = (score, r)
        print(f"{method}: best F1 {best[0]:.4f} at similarity {best[1]:.3f} (precision {best[2]:.4f}, recall {best[3]:.4f}); "
              + (f"recall at precision >= 0.98: {at98[1]:.4f} (similarity {at98[0]:.3f})" if at98 else "precision never reaches 0.98"))


if __name__ == "__main__":
    main()
