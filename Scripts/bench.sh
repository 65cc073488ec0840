#!/usr/bin/env bash
# make bench: newsidx beside the peer engines (SQLite FTS5, tantivy, Xapian, Lucene, bm25s,
# PISA, Whoosh) on the same corpora and queries, measured by ../shared/bench/peers/peers.py.
#   corpora  news/newsarticles (3,787 stories; headline known-item queries and short
#            queries) and html/postgresql-15 (1,169 pages; short queries)
#   modes    ranked OR (--mode any) and all terms (--mode all)
# Results: one table per run on stdout, JSON in .bench-data/results/. Latency figures are
# the harness's medians; read the ratio tables (newsidx / peer), not absolute times.
# Env: ENGINES (default: every peer), SHARED (default ../shared), MAX_QUERIES (default 1000),
# CORPORA (default: news-headlines news-short postgresql-15), SEARCH_OPTIONS (options every
# `newsidx search` of the run gets, e.g. "--feedback": the harness runs a wrapper that adds
# them; results then go to files named with a -options suffix).
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

NEWSIDX=$BIN
SUFFIX=
if [ -n "${SEARCH_OPTIONS:-}" ]; then
    # A wrapper that passes every search the options; other commands go through as they are.
    NEWSIDX=$DATA/newsidx-with-options
    real=$(realpath "$BIN")
    {
        echo '#!/bin/sh'
        echo "if [ \"\$1\" = search ]; then shift; exec '$real' search $SEARCH_OPTIONS \"\$@\"; fi"
        echo "exec '$real' \"\$@\""
    } > "$NEWSIDX"
    chmod +x "$NEWSIDX"
    SUFFIX=-$(printf '%s' "$SEARCH_OPTIONS" | tr -c 'a-zA-Z0-9' '-' | sed 's/^-*//; s/-*$//')
    echo "newsidx searches with: $SEARCH_OPTIONS"
fi
run() {  # name corpus queries qrels mode
    echo "== $1 ($5)"
    $PY $P bench --newsidx "$NEWSIDX" --engines "$ENGINES" --corpus "$2" --queries "$3" --qrels "$4" \
        --mode "$5" --max-queries "$MAX_QUERIES" --json "$OUT/$1-$5$SUFFIX.json" | sed -n '/^corpus /,$p'
}
CORPORA=${CORPORA:-news-headlines news-short postgresql-15}
for mode in any all; do
    for corpus in $CORPORA; do
        case $corpus in
            news-headlines) run news-headlines "$NEWS/docs" "$NEWS/queries.tsv" "$NEWS/qrels.txt" "$mode" ;;
            news-short) run news-short "$NEWS/docs" "$DATA/short-news.tsv" "$DATA/short-news.qrels" "$mode" ;;
            postgresql-15) run postgresql-15 "$DATA/html/postgresql-15" "$DATA/short-pg.tsv" "$DATA/short-pg.qrels" "$mode" ;;
            *) echo "bench: unknown corpus '$corpus' in CORPORA: give news-headlines, news-short or postgresql-15" >&2; exit 2 ;;
        esac
    done
done
