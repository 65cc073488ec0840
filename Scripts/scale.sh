#!/usr/bin/env bash
# make scale: cost as work grows. Indexes the news corpus at 1x, 10x and 100x its size (the
# larger ones built by Scripts/make_scaled_corpus.py from the corpus's real sentences) and
# runs the same short queries on each, in one process, both query modes; then compacts the
# index into one segment and runs them again. Prints a table.
# Env: FACTORS (default "1 10 100"), SHARED (default ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
DATA=.bench-data
BIN=.build/release/newsidx
FACTORS=${FACTORS:-1 10 100}
[ -f "$DATA/MANIFEST.tsv" ] || bash "$SHARED/corpus/make_corpora.sh" "$DATA"
NEWS=$DATA/news/newsarticles/docs
# Short queries in the harness's form (lower-case words), from the real corpus's headlines.
QUERIES=$DATA/scale-queries.tsv
python3 - "$DATA/news/newsarticles/queries.tsv" "$QUERIES" <<'PY'
import re, sys
with open(sys.argv[1]) as src, open(sys.argv[2], "w") as out:
    for line in list(src)[:500]:
        qid, text = line.rstrip("\n").split("\t", 1)
        out.write(qid + "\t" + " ".join(re.findall(r"\w+", text.lower())[:3]) + "\n")
PY
stat() { python3 -c 'import json,sys; d=json.loads(sys.stdin.read().strip().splitlines()[-1]); print("%.3f" % d["p50_ms"])'; }
echo "| corpus | stories | text MB | index s | peak RSS MB | index MB | segments | any p50 ms | all p50 ms | compact s | compact RSS MB | any p50 ms, 1 segment | all p50 ms, 1 segment |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for f in $FACTORS; do
    if [ "$f" = 1 ]; then corpus=$NEWS; else
        corpus=$DATA/scaled-$f
        [ -d "$corpus" ] || python3 Scripts/make_scaled_corpus.py "$NEWS" "$corpus" "$f" >/dev/null
    fi
    index=$DATA/scale-index-$f
    rm -rf "$index"
    t=$( { /usr/bin/time -f "%e %M" "$BIN" add --quiet --index "$index" "$corpus" ; } 2>&1 | tail -1 )
    stories=$("$BIN" stats --index "$index" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"])')
    segments=$("$BIN" stats --index "$index" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["segments"])')
    text=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {printf "%.0f", s/1e6}')
    size=$(du -sb "$index" | awk '{printf "%.1f", $1/1e6}')
    any=$("$BIN" search --index "$index" --queries "$QUERIES" --any --limit 10 --format trec --stats 2>&1 >/dev/null | stat)
    all=$("$BIN" search --index "$index" --queries "$QUERIES" --limit 10 --format trec --stats 2>&1 >/dev/null | stat)
    c=$( { /usr/bin/time -f "%e %M" "$BIN" compact --quiet --index "$index" ; } 2>&1 | tail -1 )
    any1=$("$BIN" search --index "$index" --queries "$QUERIES" --any --limit 10 --format trec --stats 2>&1 >/dev/null | stat)
    all1=$("$BIN" search --index "$index" --queries "$QUERIES" --limit 10 --format trec --stats 2>&1 >/dev/null | stat)
    echo "| ${f}x | $stories | $text | ${t% *} | $(( ${t#* } / 1024 )) | $size | $segments | $any | $all | ${c% *} | $(( ${c#* } / 1024 )) | $any1 | $all1 |"
done
