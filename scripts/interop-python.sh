#!/usr/bin/env bash
# Interop check with the official Python MCP SDKs against the built server, in both protocol eras.
#  - mcp 2.x (scripts/interop_eras.py): client modes 2026-07-28 (modern, stateless), legacy
#    (initialize) and auto (must land on 2026-07-28 without sending initialize), every tool once,
#    over Streamable HTTP (SSE answers, --json-response, --stateful) and stdio.
#  - mcp 2.x ClientSession and mcp 1.x (scripts/interop_check.py): initialize, list, paginate.
#  - every tool once over stdio with its answer printed (scripts/tool_samples.py).
#  - jbt-mcpcheck, a 2026-07-28 conformance checker someone else wrote, on /openstack and /mcp.
# Prints a matrix at the end; the exit status is 1 when any cell failed.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/debug/openstack-mcp-server}
VENV=${VENV:-.build/interop-venv}
VENV_V1=${VENV_V1:-.build/interop-venv-v1}
MCP_V2=2.3.0
MCP_V1=1.30.0
MCPCHECK=0.1.1
MCPCHECK_VENV=${MCPCHECK_VENV:-.build/mcpcheck-venv}
[ -x "$BIN" ] || { echo "interop: $BIN is missing; run swift build first" >&2; exit 1; }

venv() { # dir, mcp version: create the venv, or fix its mcp version
  local dir=$1 version=$2
  [ -x "$dir/bin/python" ] || python3 -m venv "$dir"
  if ! "$dir/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("mcp") != sys.argv[1])' "$version" 2>/dev/null; then
    "$dir/bin/pip" install --quiet --disable-pip-version-check "mcp==$version"
  fi
}
venv "$VENV" "$MCP_V2"
venv "$VENV_V1" "$MCP_V1"
echo "interop: python mcp $MCP_V2 in $VENV, mcp $MCP_V1 in $VENV_V1"
# Its own venv: it pins its own mcp and must not move the SDK versions above.
[ -x "$MCPCHECK_VENV/bin/mcpcheck" ] || { python3 -m venv "$MCPCHECK_VENV" \
  && "$MCPCHECK_VENV/bin/pip" install --quiet --disable-pip-version-check "jbt-mcpcheck==$MCPCHECK"; }

limit() { if command -v timeout >/dev/null; then timeout 330 "$@"; else "$@"; fi; }

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

start() { # port, extra flags...
  local port=$1; shift
  "$BIN" --demo --toolsets all --port "$port" "$@" 2>".build/interop-$port.log" &
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
target() { # label -> "transport URL-or-binary"
  case $1 in
    http-sse) echo "http http://127.0.0.1:18931/openstack" ;;
    http-json) echo "http http://127.0.0.1:18932/openstack" ;;
    http-stateful) echo "http http://127.0.0.1:18933/openstack" ;;
    stdio) echo "stdio $BIN --toolsets all" ;;
  esac
}
failed=0
rows=()
for label in http-sse http-json http-stateful stdio; do
  log=".build/interop-eras-$label.txt"
  # shellcheck disable=SC2046  # word-split "transport URL-or-binary"
  limit "$VENV/bin/python" scripts/interop_eras.py --label "$label" $(target "$label") 2>&1 | tee "$log" || true
  row=$(printf '%-14s' "$label")
  for mode in 2026-07-28 legacy auto; do
    if grep -q "^interop $label $mode: ok" "$log"; then cell=ok; else cell=FAIL; failed=1; fi
    row+=$(printf ' %-11s' "$cell")
  done
  for venv_dir in "$VENV" "$VENV_V1"; do
    # shellcheck disable=SC2046
    if limit "$venv_dir/bin/python" scripts/interop_check.py $(target "$label"); then cell=ok; else cell=FAIL; failed=1; fi
    row+=$(printf ' %-11s' "$cell")
  done
  rows+=("$row")
done

# Every tool in tools/list, once, on the demo cloud: any error answer fails.
if limit "$VENV/bin/python" scripts/tool_samples.py "$BIN" --toolsets all > .build/tool-samples.txt; then
  samples="ok: $(tail -1 .build/tool-samples.txt)"
else
  cat .build/tool-samples.txt >&2; samples="FAIL: $(tail -1 .build/tool-samples.txt)"; failed=1
fi

# 2026-07-28 conformance, as a checker someone else wrote sees it, on the name and the alias.
checks=()
for path in openstack mcp; do
  if limit "$MCPCHECK_VENV/bin/mcpcheck" "http://127.0.0.1:18931/$path" > ".build/mcpcheck-$path.txt" 2>&1; then
    checks+=("/$path ok: $(grep -E 'checks passed' ".build/mcpcheck-$path.txt")")
  else
    cat ".build/mcpcheck-$path.txt" >&2; checks+=("/$path FAIL"); failed=1
  fi
done

echo
echo "interop matrix (python mcp $MCP_V2: Client modes and ClientSession; mcp $MCP_V1: ClientSession, legacy)"
printf '%-14s %-11s %-11s %-11s %-11s %-11s\n' transport 2026-07-28 legacy auto 2.x-session 1.x-legacy
printf '%s\n' "${rows[@]}"
echo "tool samples (stdio, 2.x ClientSession): $samples"
echo "jbt-mcpcheck $MCPCHECK (2026-07-28 conformance): ${checks[*]}"
if [ "$failed" -ne 0 ]; then
  echo "interop: FAILED (details above; per-transport logs in .build/interop-eras-*.txt)" >&2
  exit 1
fi
echo "interop: all checks passed"
