#!/usr/bin/env bash
# make bench: newsidx beside the peer engines (SQLite FTS5, tantivy, Xapian, Lucene, bm25s,
# PISA, Whoosh) on the same corpora and queries, measured by ../shared/bench/peers/peers.py.
#   corpora  news/newsarticles (3,787 stories; headline known-item queries and short
#            queries) and html/postgresql-15 (1,169 pages; short queries)
#   modes    ranked OR (--mode any) and all terms (--mode all)
# Results: one table per run on stdout, JSON in .bench-data/results/. Latency figures are
# the harness's medians; read the ratio tables (newsidx / peer), not absolute times.
# Env: ENGINES (default: every peer), SHARED (default ../shared), MAX_QUERIES (default 1000).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
DATA=.bench-data
OUT=$DATA/results
ENGINES=${ENGINES:-null,fts5,tantivy,xapian,lucene,bm25s,pisa,whoosh,newsidx}
MAX_QUERIES=${MAX_QUERIES:-1000}
BIN=.build/release/newsidx
P=$SHARED/bench/peers/peers.py

[ -f "$DATA/MANIFEST.tsv" ] || bash "$SHARED/corpus/make_corpora.sh" "$DATA"
bash "$SHARED/bench/peers/setup.sh" >/dev/null
PY=${PEERS_VENV:-$HOME/.cache/newsidx-peers-venv}/bin/python
mkdir -p "$OUT"

NEWS=$DATA/news/newsarticles
[ -f "$DATA/short-news.tsv" ] || $PY $P make-queries --style short --corpus "$NEWS/docs" \
    --out "$DATA/short-news.tsv" --qrels "$DATA/short-news.qrels" --n 300 --seed 1
[ -f "$DATA/short-pg.tsv" ] || $PY $P make-queries --style short --corpus "$DATA/html/postgresql-15" \
    --out "$DATA/short-pg.tsv" --qrels "$DATA/short-pg.qrels" --n 300 --seed 1

run() {  # name corpus queries qrels mode
    echo "== $1 ($5)"
    $PY $P bench --newsidx "$BIN" --engines "$ENGINES" --corpus "$2" --queries "$3" --qrels "$4" \
        --mode "$5" --max-queries "$MAX_QUERIES" --json "$OUT/$1-$5.json" | sed -n '/^corpus /,$p'
}
for mode in any all; do
    run news-headlines "$NEWS/docs" "$NEWS/queries.tsv" "$NEWS/qrels.txt" "$mode"
    run news-short "$NEWS/docs" "$DATA/short-news.tsv" "$DATA/short-news.qrels" "$mode"
    run postgresql-15 "$DATA/html/postgresql-15" "$DATA/short-pg.tsv" "$DATA/short-pg.qrels" "$mode"
done
