#!/usr/bin/env bash
# The API against its own OpenAPI document: Schemathesis (PyPI) reads /openapi.json from
# `newsidx serve` on loopback and sends what the document allows and what it does not
# (boundary values, random valid and invalid parameters, other methods), checking
# every response: no 5xx, status codes, content types and bodies as the document says, valid
# input accepted and invalid input refused. Then the server must stop with status 0 on SIGTERM.
#   bash Scripts/check_api_schema.sh [PATH/TO/newsidx]    (default .build/release/newsidx)
# Env: MAX_EXAMPLES (per operation and phase, default 1000), SEED (default: a random one,
# printed, to repeat a run), SCHEMATHESIS (the command, default: schemathesis from PyPI,
# installed with pip when missing).
set -euo pipefail
BIN=${1:-}; [ -z "$BIN" ] || BIN=$(realpath -m "$BIN")
cd "$(dirname "$0")/.."
source Scripts/start_server.sh
BIN=${BIN:-$(realpath -m .build/release/newsidx)}
MAX_EXAMPLES=${MAX_EXAMPLES:-1000}
SEED=${SEED:-$(( (RANDOM << 15) | RANDOM ))}
[ -x "$BIN" ] || { echo "check_api_schema: no $BIN; build it first" >&2; exit 2; }

if [ -z "${SCHEMATHESIS:-}" ]; then
    if ! command -v schemathesis >/dev/null; then
        echo "installing schemathesis (pip)"
        python3 -m pip install -q schemathesis
    fi
    SCHEMATHESIS=schemathesis
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsidx-api-schema.XXXXXX")
SERVER=
cleanup() {
    if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

"$BIN" add --index "$WORK/index" --quiet Corpus/
start_server "$BIN" "$WORK/index" "$WORK" check_api_schema

# Every check, with one allowance: /api/search answers 400 to some values its document
# cannot rule out (a since that is no date, or after until; a q or source without a word
# that is indexed), so a schema-valid request may get the documented 400 (positive data
# acceptance expects 2xx otherwise). Invalid requests must still be refused, and every
# response must match the document.
# Half the generated ids are of stories the index holds and half the queries are words of
# the corpus, so that hits, snippets, facets and stories are checked too, not only 404s and
# empty pages.
ids=$(python3 -c 'import json, sys, urllib.request
hits = json.load(urllib.request.urlopen(sys.argv[1] + "/api/search?q=the&any=1&limit=100", timeout=10))["hits"]
print(", ".join(json.dumps(str(h["id"])) for h in hits))' "$URL")
[ -n "$ids" ] || { echo "check_api_schema: no story ids from $URL/api/search" >&2; exit 1; }
cat > "$WORK/schemathesis.toml" <<TOML
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "400", "404"]

[dictionaries.story-ids]
values = [$ids]

[dictionaries.queries]
values = ["Lavrov Kursk", "wheat", "the", "wheat OR minister", "\\"German Cup\\"", "minister -wheat", "Bundesliga*",
          "Lavrov Kursk date:2017", "Moscow Reuters", "lighthouse", "wheet"]

[parameters]
"path.id" = { dictionary = "story-ids", probability = 0.5 }
"query.q" = { dictionary = "queries", probability = 0.5 }
TOML
# timeout bounds the whole run (some 30 s on 2 cores).
status=0
echo "schemathesis $($SCHEMATHESIS --version | sed 's/.*version //') against $URL/openapi.json (seed $SEED, $MAX_EXAMPLES examples)"
# Run in the temporary folder, where schemathesis leaves its .schemathesis/ cache.
(cd "$WORK" && timeout -k 10 180 $SCHEMATHESIS --no-color --config-file "$WORK/schemathesis.toml" run "$URL/openapi.json" \
    --url "$URL" --checks all --max-examples "$MAX_EXAMPLES" --seed "$SEED" \
    --workers 2 --request-timeout 10 --generation-database none) || status=$?

kill -TERM "$SERVER"
if wait "$SERVER"; then exit_status=0; else exit_status=$?; fi
SERVER=
if [ "$exit_status" != 0 ]; then
    echo "check_api_schema: the server exited with status $exit_status on SIGTERM (expected 0)" >&2
    cat "$WORK/serve.err" >&2
    status=1
fi
if [ "$status" != 0 ]; then
    echo "check_api_schema: FAILED (repeat with SEED=$SEED)" >&2
    exit 1
fi
echo "check_api_schema: ok"
