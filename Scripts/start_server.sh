# Sourced by scripts that need `newsidx serve` running: start_server BIN INDEX WORKDIR NAME
# starts it on a free port with no access log and sets SERVER (its pid) and URL, or exits 1
# naming NAME (the calling script) when it stops or never listens (10 s).
start_server() {
    local bin=$1 index=$2 work=$3 name=$4 port=
    "$bin" serve --index "$index" --port 0 --quiet > "$work/serve.out" 2> "$work/serve.err" &
    SERVER=$!
    for _ in $(seq 100); do
        port=$(sed -n 's|^newsidx: serving .* at http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$work/serve.out")
        [ -n "$port" ] && break
        kill -0 "$SERVER" 2>/dev/null || { echo "$name: the server stopped:" >&2; cat "$work/serve.err" >&2; exit 1; }
        sleep 0.1
    done
    [ -n "$port" ] || { echo "$name: the server did not start listening" >&2; exit 1; }
    URL=http://127.0.0.1:$port
}
