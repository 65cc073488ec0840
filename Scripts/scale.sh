#!/usr/bin/env bash
# make scale: cost as work grows. Indexes the news corpus at 1x, 10x and 100x its size (the
# larger ones built by Scripts/make_scaled_corpus.py from the corpus's real sentences) and
# runs the same short queries on each, in one process, both query modes; then measures the
# cron case (a reindex that finds 100 new stories, then one that finds nothing changed);
# then compacts the index into one segment and runs the queries again. Prints a table.
# Env: FACTORS (default "1 10 100 300"; 300x is 3.9 GB of text, its index about 3 GB),
# SHARED (default ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
DATA=.bench-data
BIN=.build/release/newsidx
FACTORS=${FACTORS:-1 10 100 300}
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
# p50 and p95 of a batch search's --stats line.
stat() { python3 -c 'import json,sys; d=json.loads(sys.stdin.read().strip().splitlines()[-1]); print("%.3f | %.3f" % (d["p50_ms"], d["p95_ms"]))'; }
# Wall seconds and peak RSS in MB of a command: "S | MB".
timed() {
    local out; out=$(mktemp)
    /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null
    awk '{printf "%s | %d", $1, $2 / 1024}' "$out"
    rm -f "$out"
}
echo "| corpus | stories | text MB | add s | add RSS MB | index MB | segments | any p50 ms | any p95 ms | all p50 ms | all p95 ms | reindex +100 s | its RSS MB | reindex, no change s | its RSS MB | compact s | compact RSS MB | any p50 ms, 1 segment | any p95 | all p50 ms, 1 segment | all p95 |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for f in $FACTORS; do
    if [ "$f" = 1 ]; then corpus=$NEWS; else
        corpus=$DATA/scaled-$f
        [ -d "$corpus" ] || python3 Scripts/make_scaled_corpus.py "$NEWS" "$corpus" "$f" >/dev/null
    fi
    index=$DATA/scale-index-$f
    rm -rf "$index"
    rm -rf "$corpus/zz-cron"
    t=$(timed "$BIN" add --quiet --index "$index" "$corpus")
    stories=$("$BIN" stats --index "$index" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"])')
    segments=$("$BIN" stats --index "$index" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["segments"])')
    text=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {printf "%.0f", s/1e6}')
    size=$(du -sb "$index" | awk '{printf "%.1f", $1/1e6}')
    any=$("$BIN" search --index "$index" --queries "$QUERIES" --any --limit 10 --format trec --stats 2>&1 >/dev/null | stat)
    all=$("$BIN" search --index "$index" --queries "$QUERIES" --limit 10 --format trec --stats 2>&1 >/dev/null | stat)
    # Cron: 100 new stories (the news corpus's first hundred) appear in the archive's folder.
    mkdir -p "$corpus/zz-cron"
    stories100=("$NEWS"/*.txt)
    cp "${stories100[@]:0:100}" "$corpus/zz-cron/"
    r100=$(timed "$BIN" reindex --quiet --index "$index")
    r0=$(timed "$BIN" reindex --quiet --index "$index")
    rm -rf "$corpus/zz-cron"
    c=$(timed "$BIN" compact --quiet --index "$index")
    any1=$("$BIN" search --index "$index" --queries "$QUERIES" --any --limit 10 --format trec --stats 2>&1 >/dev/null | stat)
    all1=$("$BIN" search --index "$index" --queries "$QUERIES" --limit 10 --format trec --stats 2>&1 >/dev/null | stat)
    echo "| ${f}x | $stories | $text | $t | $size | $segments | $any | $all | $r100 | $r0 | $c | $any1 | $all1 |"
done
