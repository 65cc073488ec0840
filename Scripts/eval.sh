#!/usr/bin/env bash
# make eval: ranking quality on real test collections with human judgments. Indexes each
# collection of ../shared/relevance, runs its queries in one process (ranked OR, top 1000,
# as the peers were run) three ways — plain, --feedback (RM3 always) and --feedback auto —
# scores the runs with ../shared/bench/trec_eval.py, and prints nDCG@10 and MAP beside
# Anserini's four configurations (../shared/relevance/anserini.json) and the six peers.
# The last table checks #19's goal for --feedback auto: nDCG@10 at or above Anserini's best,
# MAP at most 0.005 below its best.
# Env: SHARED (default ../shared), COLLECTIONS (default: all four).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
BIN=.build/release/newsidx
OUT=.bench-data/eval
COLLECTIONS=${COLLECTIONS:-cranfield cisi medline scifact}
mkdir -p "$OUT"

# The six peers (SQLite FTS5, tantivy, Xapian, Lucene 8, bm25s, PISA; English stemming,
# ranked OR, top 1000): nDCG@10 from ../shared/relevance/README.md, and the best peer's
# MAP per collection.
peers_ndcg() {
    case $1 in
        cranfield) echo "0.3610 0.3686 0.3626 0.3673 0.3642 0.3631" ;;
        cisi)      echo "0.3183 0.2903 0.3166 0.2955 0.3205 0.3023" ;;
        medline)   echo "0.7005 0.7134 0.7023 0.7084 0.7020 0.7132" ;;
        scifact)   echo "0.6874 0.6867 0.6895 0.6894 0.6856 0.6917" ;;
    esac
}
peer_map() {
    case $1 in
        cranfield) echo 0.3050 ;;  # tantivy
        cisi)      echo 0.1754 ;;  # FTS5
        medline)   echo 0.5378 ;;  # PISA
        scifact)   echo 0.6505 ;;  # Lucene
    esac
}

declare -A RUNS=([plain]="" [feedback]="--feedback" [auto]="--feedback auto")
SCORES=$OUT/scores.tsv
: > "$SCORES"
for c in $COLLECTIONS; do
    dir=$SHARED/relevance/$c
    index=$OUT/index-$c
    rm -rf "$index"
    "$BIN" add --quiet --index "$index" "$dir/docs"
    for run in plain feedback auto; do
        # shellcheck disable=SC2086  # the run's options are words
        "$BIN" search --index "$index" --queries "$dir/queries.tsv" --any --limit 1000 --format trec ${RUNS[$run]} \
            > "$OUT/$c.$run.run" || true
        python3 "$SHARED/bench/trec_eval.py" "$dir/qrels.txt" "$OUT/$c.$run.run" --json 2>/dev/null \
            | python3 -c 'import json,sys; r=list(json.load(sys.stdin).values())[0]["mean"]; print(sys.argv[1], sys.argv[2], r["ndcg_cut_10"], r["map"], r["recall_100"], sep="\t")' "$c" "$run" \
            >> "$SCORES"
    done
done

python3 - "$SCORES" "$SHARED/relevance/anserini.json" "$COLLECTIONS" <<EOF
import json, sys
scores, anserini_path, collections = sys.argv[1], sys.argv[2], sys.argv[3].split()
ours = {}
for line in open(scores):
    c, run, ndcg, map_, recall = line.split("\t")
    ours[(c, run)] = (float(ndcg), float(map_), float(recall))
anserini = json.load(open(anserini_path))["results"]
configs = ["a", "b", "c", "d"]
peers = {$(for c in $COLLECTIONS; do printf '"%s": [%s], ' "$c" "$(peers_ndcg "$c" | tr ' ' ',')"; done)}
peer_map = {$(for c in $COLLECTIONS; do printf '"%s": %s, ' "$c" "$(peer_map "$c")"; done)}
runs = ["plain", "feedback", "auto"]

def row(cells): print("| " + " | ".join(cells) + " |")
def mean(xs): return sum(xs) / len(xs)

print("nDCG@10: newsidx (plain, --feedback, --feedback auto), Anserini (a: BM25 .9/.4, b: 1.2/.75, c: a + RM3, d: b + RM3), peers")
row(["collection", "newsidx", "--feedback", "auto", "Anserini a", "b", "c", "d",
     "FTS5", "tantivy", "Xapian", "Lucene 8", "bm25s", "PISA"])
row(["---"] * 14)
for c in collections:
    row([c] + ["%.4f" % ours[(c, r)][0] for r in runs] + ["%.4f" % anserini[c][k]["ndcg_cut_10"] for k in configs]
        + ["%.4f" % p for p in peers[c]])
row(["mean"] + ["%.4f" % mean([ours[(c, r)][0] for c in collections]) for r in runs]
    + ["%.4f" % mean([anserini[c][k]["ndcg_cut_10"] for c in collections]) for k in configs]
    + ["%.4f" % mean([peers[c][i] for c in collections]) for i in range(6)])
print()
print("MAP and R@100")
row(["collection", "newsidx", "--feedback", "auto", "Anserini a", "b", "c", "d", "best peer",
     "R@100 newsidx", "--feedback", "auto"])
row(["---"] * 12)
for c in collections:
    row([c] + ["%.4f" % ours[(c, r)][1] for r in runs] + ["%.4f" % anserini[c][k]["map"] for k in configs]
        + ["%.4f" % peer_map[c]] + ["%.4f" % ours[(c, r)][2] for r in runs])
print()
print("Goal (#19), --feedback auto: nDCG@10 >= Anserini's best, MAP >= its best - 0.005")
row(["collection", "nDCG@10", "Anserini best", "MAP", "Anserini best", "holds?"])
row(["---"] * 6)
for c in collections:
    ndcg, map_, _ = ours[(c, "auto")]
    best_ndcg = max(anserini[c][k]["ndcg_cut_10"] for k in configs)
    best_map = max(anserini[c][k]["map"] for k in configs)
    holds = ndcg >= best_ndcg and map_ >= best_map - 0.005
    row([c, "%.4f" % ndcg, "%.4f" % best_ndcg, "%.4f" % map_, "%.4f" % best_map, "yes" if holds else "NO"])
EOF
