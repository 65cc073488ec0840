-- wrk script of `make bench-serve` (Scripts/bench_serve.sh): GET /api/search?q=… cycling
-- through the queries of a `qid<TAB>query` file, each thread from its own place in the list.
--   wrk -t2 -c16 -d30s -s Scripts/bench_serve.lua http://127.0.0.1:PORT -- QUERIES.tsv [EXTRA]
-- EXTRA is appended to every query string (e.g. "&facets=1"). done() prints one line,
--   wrk-result requests=… duration_s=… rps=… p50_ms=… p90_ms=… p99_ms=… max_ms=… non2xx=…
--   connect_errors=… read_errors=… write_errors=… timeouts=… status_errors=…
-- non2xx counts every response whose status is not 2xx (wrk's own "Non-2xx or 3xx" count
-- lets 3xx pass); the socket error counts are wrk's.

local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

local function urlencode(s)
    return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
    local file = args[1] or error("give the queries file after --")
    local extra = args[2] or ""
    requests = {}
    for line in io.lines(file) do
        local q = line:match("^[^\t]*\t(.*)$")
        if q and q:match("%S") then
            table.insert(requests, wrk.format("GET", "/api/search?q=" .. urlencode(q) .. extra))
        end
    end
    if #requests == 0 then error("no queries in " .. file) end
    -- Threads start spread over the list, so that they do not ask the same query at once.
    position = ((id or 0) * 1009) % #requests
    non2xx = 0
end

function request()
    position = position % #requests + 1
    return requests[position]
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
    end
end

function done(summary, latency, requests)
    local bad = 0
    for _, thread in ipairs(threads) do
        bad = bad + (thread:get("non2xx") or 0)
    end
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format(
        "wrk-result requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
        "non2xx=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d status_errors=%d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, bad, e.connect, e.read, e.write, e.timeout, e.status))
end
