#!/usr/bin/env bash
# make bench-serve: `newsidx serve` under load on loopback, beside the same queries run in one
# process. wrk (Debian's) asks /api/search for the news benchmark's headline queries
# (Scripts/bench_serve.lua cycles through them, URL-encoded), with 2 and then 16 connections,
# DURATION seconds each; then 16 connections again while another process changes a copy of
# the corpus and runs `newsidx reindex` every REINDEX_EVERY seconds.
#   in-process  `newsidx search --queries … --stats --limit 10 --json` (snippets on), timed:
#               queries/s = queries / wall time of the batch (second of two runs)
#   served      requests/s, p50 and p99 from wrk; non-2xx responses and socket errors
#   RSS         newsidx-serve's VmRSS each second of the 16-connection run: the mean of its
#               first 10 s beside the mean of its last 10 s
# Goals (the issue's): at 16 connections >= 0.6x the in-process queries/s and p99 < 20 ms;
# RSS within 10%; no non-2xx response while reindex commits. Exit status 1 when a response
# was not 2xx (a fault, not a slow machine); the speed goals are reported as met or missed
# (STRICT=1 makes a missed one fail too).
# Results: the table on stdout, JSON in .bench-data/results/serve.json.
# Env: SHARED (default ../shared), BIN (default .build/release/newsidx; newsidx-serve beside
# it), DURATION (30), CONNECTIONS ("2 16"), THREADS (wrk threads, 1: the server gets the
# other core of a 2-core machine), REINDEX_EVERY (2), STRICT (0).
set -euo pipefail
[ -z "${BIN:-}" ] || BIN=$(realpath -m "$BIN")
cd "$(dirname "$0")/.."
source Scripts/start_server.sh
SHARED=${SHARED:-../shared}
DATA=.bench-data
OUT=$DATA/results
BIN=${BIN:-$(realpath -m .build/release/newsidx)}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-2 16}
THREADS=${THREADS:-1}
REINDEX_EVERY=${REINDEX_EVERY:-2}
STRICT=${STRICT:-0}
LUA=Scripts/bench_serve.lua

[ -x "$BIN" ] && [ -x "$(dirname "$BIN")/newsidx-serve" ] || { echo "bench_serve: build first (make build): $BIN and newsidx-serve beside it" >&2; exit 2; }
if ! command -v wrk >/dev/null; then
    echo "installing wrk"
    if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk
fi
[ -f "$DATA/MANIFEST.tsv" ] || bash "$SHARED/corpus/make_corpora.sh" "$DATA"
NEWS=$DATA/news/newsarticles
QUERIES=$(realpath "$NEWS/queries.tsv")
mkdir -p "$OUT"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/newsidx-bench-serve.XXXXXX")
SERVER= SAMPLER= WRITER=
cleanup() {
    for pid in $WRITER $SAMPLER $SERVER; do kill "$pid" 2>/dev/null || true; done
    for pid in $WRITER $SAMPLER $SERVER; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
R=$WORK/results.txt   # key=value lines, made into the table and the JSON at the end
note() { echo "$1=$2" >> "$R"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The index is of a copy of the stories, which the reindex run changes.
cp -r "$NEWS/docs" "$WORK/docs"
IDX=$WORK/index
"$BIN" add --index "$IDX" --quiet "$WORK/docs"
note stories "$(ls "$WORK/docs" | wc -l)"
note queries "$(grep -c $'\t' "$QUERIES")"

# In process: the whole batch twice (the first warms the page cache), the second timed.
"$BIN" search --index "$IDX" --queries "$QUERIES" --stats --limit 10 --json >/dev/null 2>"$WORK/inproc.err"
t0=$(now_ms)
"$BIN" search --index "$IDX" --queries "$QUERIES" --stats --limit 10 --json >/dev/null 2>"$WORK/inproc.err"
note inproc_wall_ms $(( $(now_ms) - t0 ))
grep -o '{"queries".*}' "$WORK/inproc.err" | tail -1 > "$WORK/inproc.json"
note inproc_stats "$(cat "$WORK/inproc.json")"

# The server, on a free port.
start_server "$BIN" "$IDX" "$WORK" bench_serve

load() {  # name connections; wrk for DURATION seconds, bounded by timeout
    timeout -k 5 $(( DURATION + 30 )) wrk -t"$THREADS" -c"$2" -d"${DURATION}s" --timeout 5s -s "$LUA" "$URL" -- "$QUERIES" \
        > "$WORK/wrk-$1.txt" 2>&1 || { cat "$WORK/wrk-$1.txt" >&2; echo "bench_serve: wrk failed" >&2; exit 1; }
    note "run_$1" "$(sed -n 's/^wrk-result //p' "$WORK/wrk-$1.txt")"
}

# A short warm-up, not counted.
timeout -k 5 20 wrk -t1 -c2 -d3s -s "$LUA" "$URL" -- "$QUERIES" >/dev/null 2>&1 || true

for c in $CONNECTIONS; do
    if [ "$c" = 16 ]; then
        # newsidx-serve's resident set each second of this run (`serve` execs it: same pid).
        ( for _ in $(seq "$DURATION"); do awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status" 2>/dev/null || true; sleep 1; done ) \
            > "$WORK/rss.txt" &
        SAMPLER=$!
    fi
    load "c$c" "$c"
    if [ -n "$SAMPLER" ]; then wait "$SAMPLER" || true; SAMPLER=; note rss_kb "$(tr '\n' ' ' < "$WORK/rss.txt")"; fi
done

# The same load while another process changes stories and commits with reindex every
# REINDEX_EVERY seconds: each turn appends a line to three stories and adds a new one.
(
    end=$(( $(date +%s) + DURATION ))
    turn=0
    files=("$WORK"/docs/*.txt)
    while [ "$(date +%s)" -lt "$end" ]; do
        t0=$(now_ms)
        for k in 0 1 2; do
            f=${files[$(( (turn * 3 + k) * 389 % ${#files[@]} ))]}
            echo "Updated at turn $turn of the serve benchmark." >> "$f"
        done
        { echo "date 2017-03-0$(( turn % 9 + 1 ))"; echo "Serve benchmark story $turn"; echo
          echo "A story added while the server was under load, turn $turn of the reindex loop."; } > "$WORK/docs/zz-bench-$turn.txt"
        if "$BIN" reindex --index "$IDX" --quiet 2>> "$WORK/reindex.err"; then status=ok; else status=failed; fi
        echo "$turn $status $(( $(now_ms) - t0 ))" >> "$WORK/reindex.txt"
        turn=$(( turn + 1 ))
        left=$(( REINDEX_EVERY * 1000 - ($(now_ms) - t0) ))
        [ "$left" -gt 0 ] && sleep "$(printf '%d.%03d' $(( left / 1000 )) $(( left % 1000 )))"
    done
) &
WRITER=$!
load reindex 16
wait "$WRITER" || true
WRITER=
note reindex_turns "$(wc -l < "$WORK/reindex.txt")"
note reindex_failed "$(grep -c ' failed ' "$WORK/reindex.txt" || true)"
note reindex_ms "$(awk '{print $3}' "$WORK/reindex.txt" | tr '\n' ' ')"
sleep 1   # the server follows commits every 250 ms
note served_stories "$(python3 -c 'import json, sys, urllib.request
print(json.load(urllib.request.urlopen(sys.argv[1] + "/api/stats", timeout=5))["stories"])' "$URL" || true)"
note stories_after "$(ls "$WORK/docs" | wc -l)"

kill -TERM "$SERVER"
if wait "$SERVER"; then note server_exit 0; else note server_exit $?; fi
SERVER=

python3 - "$R" "$OUT/serve.json" "$DURATION" "$THREADS" "$STRICT" <<'EOF'
import json, sys, datetime, os
path, out, duration, threads, strict = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5] == "1"
r = {}
for line in open(path):
    k, _, v = line.rstrip("\n").partition("=")
    r[k] = v
def kv(s):
    d = {}
    for part in s.split():
        k, _, v = part.partition("=")
        d[k] = float(v) if "." in v else int(v)
    return d
inproc = json.loads(r["inproc_stats"])
inproc_qps = inproc["queries"] / (int(r["inproc_wall_ms"]) / 1000)
runs = {k[4:]: kv(v) for k, v in r.items() if k.startswith("run_")}
rss = [int(x) for x in r.get("rss_kb", "").split()]
first, last = rss[:10], rss[-10:]
rss_first = sum(first) / len(first) if first else 0
rss_last = sum(last) / len(last) if last else 0
rss_change = (rss_last - rss_first) / rss_first if rss_first else float("nan")
reindex_ms = [int(x) for x in r.get("reindex_ms", "").split()]

print(f"newsidx serve under wrk ({threads} thread{'s' if threads != 1 else ''}), {duration} s a run, "
      f"{r['queries']} headline queries over {r['stories']} stories, /api/search limit 10 (snippets, no facets)")
print(f"{'run':<24} {'req/s':>8} {'x in-proc':>9} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8} {'sock err':>8}")
print(f"{'in process (search)':<24} {inproc_qps:>8.1f} {1:>9.2f} {inproc['p50_ms']:>8.3f} {'(p95 ' + format(inproc['p95_ms'], '.2f') + ')':>8} {'-':>8} {'-':>8}")
for name, d in runs.items():
    label = {"c2": "served, 2 connections", "c16": "served, 16 connections", "reindex": "16 conn + reindex/2 s"}.get(name, name)
    sock = d["connect_errors"] + d["read_errors"] + d["write_errors"] + d["timeouts"]
    print(f"{label:<24} {d['rps']:>8.1f} {d['rps'] / inproc_qps:>9.2f} {d['p50_ms']:>8.3f} {d['p99_ms']:>8.3f} {d['non2xx']:>8} {sock:>8}")
print(f"RSS at 16 connections: {rss_first / 1024:.1f} MiB (first 10 s) -> {rss_last / 1024:.1f} MiB (last 10 s), {rss_change * 100:+.1f}%")
if reindex_ms:
    print(f"reindex: {len(reindex_ms)} commits ({r['reindex_failed']} failed), {min(reindex_ms)}-{max(reindex_ms)} ms a turn; "
          f"served {r.get('served_stories') or '?'} stories after, {r['stories_after']} on disk; server exit status {r['server_exit']}")

c16, ri = runs.get("c16"), runs.get("reindex")
goals = []
if c16:
    goals.append(("16 connections >= 0.6x in-process queries/s", c16["rps"] >= 0.6 * inproc_qps, f"{c16['rps'] / inproc_qps:.2f}x"))
    goals.append(("16 connections p99 < 20 ms", c16["p99_ms"] < 20, f"{c16['p99_ms']:.1f} ms"))
goals.append(("RSS within 10% (first vs last 10 s)", abs(rss_change) <= 0.10, f"{rss_change * 100:+.1f}%"))
if ri:
    goals.append(("no non-2xx while reindex commits", ri["non2xx"] == 0, f"{ri['non2xx']} non-2xx"))
faults = sum(d["non2xx"] for d in runs.values())
goals.append(("no non-2xx in any run", faults == 0, f"{faults}"))
goals.append(("reindex commits all succeeded", r.get("reindex_failed", "0") == "0", r.get("reindex_failed", "0") + " failed"))
goals.append(("server exits 0 on SIGTERM", r["server_exit"] == "0", r["server_exit"]))
for name, ok, value in goals:
    print(f"  {'met   ' if ok else 'MISSED'} {name}: {value}")

json.dump({
    "date": datetime.date.today().isoformat(), "cpus": os.cpu_count(), "duration_s": duration, "wrk_threads": threads,
    "stories": int(r["stories"]), "queries": int(r["queries"]),
    "in_process": {"qps": inproc_qps, "wall_ms": int(r["inproc_wall_ms"]), **inproc},
    "runs": runs, "rss_kb": rss, "rss_change": rss_change,
    "reindex": {"turns_ms": reindex_ms, "failed": int(r.get("reindex_failed", 0)), "served_stories": r.get("served_stories"),
                "stories_on_disk": int(r["stories_after"])},
    "server_exit": int(r["server_exit"]), "goals": {name: ok for name, ok, _ in goals},
}, open(out, "w"), indent=1)
print(f"(JSON in {out})")
if faults or r["server_exit"] != "0" or r.get("reindex_failed", "0") != "0":
    sys.exit(1)
if strict and not all(ok for _, ok, _ in goals):
    sys.exit(1)
EOF
