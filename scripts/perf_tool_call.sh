#!/usr/bin/env bash
# perf's view of one server during small tool calls: where its CPU goes (the server's own code,
# the Swift runtime, the kernel) and how much of it is thread switching (finish_task_switch).
#
#   scripts/perf_tool_call.sh SERVER_BINARY [CALLS]     # needs perf (Debian's linux-perf)
#
# A release demo cloud (.build/release/openstack-demo-cloud, 200 servers) runs as its own process,
# so the profile holds only the server; a Python client sends CALLS (default 3000) tools/call
# get_instances limit=3 over one keep-alive connection to the server started with --json-response.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1; calls=${2:-3000}
demo=${DEMO_BIN:-.build/release/openstack-demo-cloud}
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
"$demo" --port 0 --servers 200 > "$work/cloud.out" 2>&1 &
pids+=($!)
until grep -q '^export ' "$work/cloud.out"; do sleep 0.1; done
eval "$(grep '^export ' "$work/cloud.out")"
port=${PERF_PORT:-18990}
"$bin" --port "$port" --json-response --log-level warning 2> "$work/server.log" &
server=$!; pids+=($server)
until grep -q "listening on" "$work/server.log" 2>/dev/null || curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.1; done
client() {
    python3 - "$port" "$1" <<'PY'
import http.client, json, sys
port, n = int(sys.argv[1]), int(sys.argv[2])
conn = http.client.HTTPConnection("127.0.0.1", port)
body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                   "params": {"name": "get_instances", "arguments": {"limit": 3}}})
headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream",
           "MCP-Protocol-Version": "2025-06-18"}
for _ in range(n):
    conn.request("POST", "/openstack", body, headers)
    answer = conn.getresponse().read()
    assert b'"count":3' in answer, answer[:300]
PY
}
client 200   # warm: tokens, catalog, connections
perf record -F 2000 -g -p "$server" -o "$work/perf.data" 2> /dev/null &
recorder=$!
sleep 0.5
client "$calls"
kill -INT "$recorder"; wait "$recorder" 2>/dev/null || true
total=$(perf report -i "$work/perf.data" --no-children --sort dso -g none 2>/dev/null | grep -v '^#' | grep -v '^$')
echo "== samples by object (server process, $calls calls)"
echo "$total" | head -8
echo "== finish_task_switch (threads waking each other)"
perf report -i "$work/perf.data" --no-children --sort sym -g none 2>/dev/null | grep -E 'finish_task_switch' | head -2
echo "== top symbols"
perf report -i "$work/perf.data" --no-children --sort sym -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -15 | cut -c1-150
