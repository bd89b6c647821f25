#!/usr/bin/env bash
# Interop check with the official Python MCP SDK: drive the built server over Streamable HTTP
# (SSE and JSON answers) and over stdio, list tools, call get_instances and check the answer;
# then call every tool once over stdio (scripts/tool_samples.py).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/openstack-mcp-server}
VENV=${VENV:-.build/interop-venv}
[ -x "$BIN" ] || { echo "interop: $BIN is missing; run swift build first" >&2; exit 1; }
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "mcp==2.3.0"
fi
"$VENV/bin/python" -c 'import importlib.metadata as m; print("interop: python mcp", m.version("mcp"))'

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # port, extra flags...
  local port=$1; shift
  "$BIN" --demo --port "$port" "$@" 2>".build/interop-$port.log" &
  pids+=($!)
  for _ in $(seq 1 100); do
    grep -q "listening on" ".build/interop-$port.log" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "interop: server on $port did not start" >&2; cat ".build/interop-$port.log" >&2; return 1
}

start 18931
start 18932 --json-response
start 18933 --stateful
"$VENV/bin/python" scripts/interop_check.py http http://127.0.0.1:18931/openstack
"$VENV/bin/python" scripts/interop_check.py http http://127.0.0.1:18932/openstack
"$VENV/bin/python" scripts/interop_check.py http http://127.0.0.1:18933/openstack
"$VENV/bin/python" scripts/interop_check.py stdio "$BIN"
# Every tool in tools/list, once, on the demo cloud: any error answer fails.
"$VENV/bin/python" scripts/tool_samples.py "$BIN" > .build/tool-samples.txt || { cat .build/tool-samples.txt >&2; exit 1; }
tail -1 .build/tool-samples.txt
echo "interop: all checks passed"
