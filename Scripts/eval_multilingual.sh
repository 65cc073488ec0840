#!/usr/bin/env bash
# Retrieval quality per language: newsidx on the shared multilingual collections (one per
# language, see ../shared/multilingual/README.md), beside the peers' scores recorded there
# (Lucene's language analyzers, Xapian's stemmers, bm25s). Prints nDCG@10 and MRR@10 per
# collection with the best peer and newsidx's difference from it.
set -euo pipefail
SHARED=${SHARED:-../shared}
BIN=${BIN:-.build/release/newsidx}
WORK=${WORK:-${TMPDIR:-/tmp}/newsidx-eval-multilingual}
DATA=$SHARED/multilingual
if [ ! -d "$DATA" ]; then
    echo "eval-multilingual: no collections at $DATA; put the shared data beside the checkout or set SHARED" >&2
    exit 2
fi
mkdir -p "$WORK"
python3 "$DATA/peers/ml_peers.py" --data "$DATA" --work "$WORK" --engines newsidx --newsidx "$BIN" \
    --json "$WORK/newsidx.json" > "$WORK/run.log"
# The peers' recorded scores with this run's newsidx in place of the recorded one.
python3 - "$DATA/results-dev.json" "$WORK/newsidx.json" > "$WORK/merged.json" <<'PY'
import json, sys
peers, ours = (json.load(open(p)) for p in sys.argv[1:3])
for collection, engines in ours["results"].items():
    peers["results"].setdefault(collection, {})["newsidx"] = engines["newsidx"]
json.dump(peers, sys.stdout)
PY
python3 "$DATA/peers/ml_peers.py" --table "$WORK/merged.json"
