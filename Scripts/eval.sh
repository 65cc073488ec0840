#!/usr/bin/env bash
# make eval: ranking quality on real test collections with human judgments. Indexes each
# collection of ../shared/relevance, runs its queries in one process (ranked OR, top 1000,
# as the peers were run), scores the run with ../shared/bench/trec_eval.py, and prints
# nDCG@10, MAP and R@100 beside the best peer's figures on the same collection.
# Env: SHARED (default ../shared), COLLECTIONS (default: all four).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
BIN=.build/release/newsidx
OUT=.bench-data/eval
COLLECTIONS=${COLLECTIONS:-cranfield cisi medline scifact}
mkdir -p "$OUT"
# The best peer per collection (SQLite FTS5, tantivy, Xapian, Lucene, bm25s, PISA; English
# stemming, ranked OR, top 1000), from ../shared/relevance/README.md and the issue's table.
best_peer() {
    case $1 in
        cranfield) echo "0.3686 0.3050" ;;   # tantivy; MAP tantivy
        cisi)      echo "0.3205 0.1754" ;;   # bm25s; MAP FTS5
        medline)   echo "0.7134 0.5378" ;;   # tantivy; MAP PISA
        scifact)   echo "0.6917 0.6505" ;;   # PISA; MAP Lucene
    esac
}
echo "| collection | nDCG@10 | best peer | MAP | best peer | R@100 |"
echo "|---|---|---|---|---|---|"
total=0; n=0
for c in $COLLECTIONS; do
    dir=$SHARED/relevance/$c
    index=$OUT/index-$c
    rm -rf "$index"
    "$BIN" add --quiet --index "$index" "$dir/docs"
    "$BIN" search --index "$index" --queries "$dir/queries.tsv" --any --limit 1000 --format trec > "$OUT/$c.run" || true
    read -r ndcg map recall < <(python3 "$SHARED/bench/trec_eval.py" "$dir/qrels.txt" "$OUT/$c.run" --json 2>/dev/null \
        | python3 -c 'import json,sys; r=list(json.load(sys.stdin).values())[0]["mean"]; print(r["ndcg_cut_10"], r["map"], r["recall_100"])')
    read -r peer_ndcg peer_map < <(best_peer "$c")
    printf '| %s | %.4f | %s | %.4f | %s | %.4f |\n' "$c" "$ndcg" "$peer_ndcg" "$map" "$peer_map" "$recall"
    total=$(python3 -c "print($total + $ndcg)"); n=$((n + 1))
done
python3 -c "print('| mean | %.4f | 0.518 (bm25s, Xapian, PISA) | | | |' % ($total / $n))"
