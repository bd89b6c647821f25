#!/usr/bin/env bash
# Proves the release tarball runs on a plain Debian 12 with no Swift: a debootstrap minbase root
# with nothing added (the binary needs only glibc, libstdc++, libgcc_s and zlib). Under chroot it
# runs --version, --help and --demo; a client OUTSIDE the chroot then sends initialize,
# tools/list and one tools/call over loopback (a chroot shares the network).
#
#   sudo scripts/release-chroot-test.sh [dist/openstack-mcp-server-*.tar.gz]
#
# Needs root (debootstrap, chroot, mount), debootstrap, curl and python3, and Debian's mirror.
# The root is made once under .build/chroot/ (about 2 minutes) and reused; CHROOT_FRESH=1
# makes it again. Not part of .ci/run: it needs root and the release build (8-13 minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=${1:-$(ls -t dist/openstack-mcp-server-*.tar.gz | head -1)}
root=$PWD/.build/chroot/bookworm-minbase
port=${CHROOT_TEST_PORT:-18765}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [ "${CHROOT_FRESH:-0}" = 1 ] || ! [ -x "$root/bin/sh" ]; then
    rm -rf "$root"
    mkdir -p "$(dirname "$root")"
    echo "== debootstrap --variant=minbase bookworm (nothing added)"
    debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.log" 2>&1 \
        || { tail -20 "$root.log"; exit 1; }
fi
echo "== the root has no Swift"
if find "$root" \( -name 'libswift*' -o -name 'libFoundation*' -o -name 'swift*' -type f \) -print | grep .; then
    echo "FAIL: Swift files in the root" >&2; exit 1
fi
echo "== the root has no libcurl (the binary must not need it)"
if find "$root" -name 'libcurl*' -print | grep .; then
    echo "FAIL: libcurl in the root; make it again with CHROOT_FRESH=1" >&2; exit 1
fi
echo "   $(du -sh "$root" | cut -f1), $(chroot "$root" dpkg -l | grep -c '^ii') packages, $(chroot "$root" cat /etc/debian_version)"

rm -rf "$root/opt/release"
mkdir -p "$root/opt/release"
tar -xzf "$tarball" -C "$root/opt/release" --strip-components=1
(cd "$(dirname "$tarball")" && sha256sum -c "$(basename "$tarball").sha256")
bin=/opt/release/openstack-mcp-server

mountpoint -q "$root/proc" || mount -t proc proc "$root/proc"
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    umount "$root/proc" 2>/dev/null || true
}
trap cleanup EXIT

echo "== chroot: --version"
chroot "$root" "$bin" --version
echo "== chroot: --help (first lines)"
chroot "$root" "$bin" --help > "$root/tmp/help.txt"
head -5 "$root/tmp/help.txt"
echo "== chroot: ldd"
chroot "$root" ldd "$bin" | sed 's/^/   /'

echo "== chroot: --demo on 127.0.0.1:$port"
log=$(mktemp)
chroot "$root" "$bin" --demo --json-response --port "$port" --log-format json 2> "$log" &
server=$!
started=$(date +%s%N)
until curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1; do
    kill -0 "$server" 2>/dev/null || { cat "$log"; echo "FAIL: the server exited" >&2; exit 1; }
    sleep 0.05
done
echo "   answering /healthz after $(( ($(date +%s%N) - started) / 1000000 )) ms"

echo "== client outside the chroot: initialize, tools/list, tools/call"
python3 - "$port" <<'PY'
import json, sys, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/openstack"
def rpc(id, method, params=None):
    body = {"jsonrpc": "2.0", "id": id, "method": method}
    if params is not None: body["params"] = params
    req = urllib.request.Request(url, json.dumps(body).encode(), {
        "Content-Type": "application/json", "Accept": "application/json, text/event-stream",
        "MCP-Protocol-Version": "2025-06-18"})
    with urllib.request.urlopen(req, timeout=30) as answer:
        return json.loads(answer.read())
init = rpc(1, "initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                             "clientInfo": {"name": "chroot-test", "version": "1"}})
info = init["result"]["serverInfo"]
print(f"   initialize: {info['name']} {info['version']}, protocol {init['result']['protocolVersion']}")
tools = rpc(2, "tools/list")["result"]["tools"]
print(f"   tools/list: {len(tools)} tools, first {tools[0]['name']}")
call = rpc(3, "tools/call", {"name": "get_instances", "arguments": {"limit": 3, "detail_level": "basic"}})["result"]
sc = call["structuredContent"]
assert not call.get("isError"), call
assert sc["count"] == 3, sc
print(f"   tools/call get_instances: {sc['count']} servers from cloud {sc['cloud']} region {sc['region']}: "
      + ", ".join(item["name"] for item in sc["items"]))
PY
echo "== server log: the tool call line"
grep '"message":"tool call"' "$log" | sed 's/^/   /'
echo "PASS: the release runs on Debian 12 minbase without Swift"
