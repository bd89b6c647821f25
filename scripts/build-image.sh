#!/usr/bin/env bash
# Builds the container image with buildah from the release tarball (no Docker engine, no base
# image to pull): the stripped binary, the shared libraries ldd names (glibc, libstdc++, libgcc_s
# and zlib), the CA bundle, and a passwd entry for the unprivileged user. Same user, ports,
# entrypoint and health check as deploy/Containerfile. Then checks the committed image the way
# this machine allows (podman run cannot set rlimits here): it mounts the image's root read-only
# and runs the binary in it under chroot, as that user.
#
#   sudo scripts/build-image.sh [dist/openstack-mcp-server-*.tar.gz]
#
# Needs root, buildah (apt-get install buildah), curl. Not part of .ci/run (needs the release).
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=${1:-$(ls -t dist/openstack-mcp-server-*.tar.gz | head -1)}
version=$(tr -d ' \n' < VERSION)
image=localhost/openstack-mcp-server:$version
bah() { buildah --storage-driver vfs "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$tarball" -C "$work" --strip-components=1
bin=$work/openstack-mcp-server

echo "== assemble $image from scratch"
ctr=$(bah from scratch)
root=$(bah mount "$ctr")
# vfs makes the root 0700; the unprivileged user must be able to walk it.
chmod 0755 "$root"
install -D -m 0755 "$bin" "$root/usr/local/bin/openstack-mcp-server"
install -D -m 0644 "$work/LICENSE" "$root/usr/share/doc/openstack-mcp-server/LICENSE"
# The loader and every library the binary links, at the paths the binary asks for.
for lib in $(ldd "$bin" | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'); do
    # 0755: the kernel opens the loader (ld-linux) as an executable.
    install -D -m 0755 "$(readlink -f "$lib")" "$root$lib"
done
install -D -m 0644 /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
mkdir -p "$root/tmp" "$root/etc" "$root/proc" "$root/dev"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nmcp:x:65532:65532:openstack-mcp-server:/nonexistent:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nmcp:x:65532:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
bah umount "$ctr" > /dev/null
bah config \
    --user 65532:65532 --port 8000 --port 9090 --workingdir / \
    --entrypoint '["/usr/local/bin/openstack-mcp-server", "--host", "0.0.0.0", "--port", "8000", "--metrics-port", "9090", "--log-format", "json"]' \
    --cmd '["--demo", "--allow-unauthenticated"]' \
    --healthcheck 'CMD ["/usr/local/bin/openstack-mcp-server", "--probe", "http://127.0.0.1:9090/healthz"]' \
    --healthcheck-interval 30s --healthcheck-timeout 5s --healthcheck-start-period 10s --healthcheck-retries 3 \
    --label org.opencontainers.image.title=openstack-mcp-server \
    --label org.opencontainers.image.version="$version" \
    --label org.opencontainers.image.licenses=Apache-2.0 \
    "$ctr"
# Docker format: OCI image configs have no HEALTHCHECK.
bah commit --quiet --format docker --rm "$ctr" "$image" > /dev/null
bah images --format '{{.Name}}:{{.Tag}} {{.Size}}' "$image"
bah inspect --format '   user {{.Docker.Config.User}}, entrypoint {{.Docker.Config.Entrypoint}} {{.Docker.Config.Cmd}}, healthcheck {{.Docker.Config.Healthcheck.Test}}' "$image"
echo

echo "== check: the committed image's root, read-only, under chroot as uid 65532"
check=$(bah from "$image")
mnt=$(bah mount "$check")
ro=$work/ro
mkdir -p "$ro"
mount --bind "$mnt" "$ro"
mount -o remount,bind,ro "$ro"
mount -t proc proc "$ro/proc" 2>/dev/null || { mkdir -p "$mnt/proc" && mount -t proc proc "$ro/proc"; }
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    umount "$ro/proc" 2>/dev/null || true
    umount "$ro" 2>/dev/null || true
    bah rm "$check" > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
touch "$ro/probe-write" 2>/dev/null && { echo "FAIL: the root is writable" >&2; exit 1; }
echo "   the root is read-only: $(touch "$ro/x" 2>&1 | sed 's/.*: //')"
as_user=(chroot --userspec=65532:65532 "$ro")
"${as_user[@]}" /usr/local/bin/openstack-mcp-server --version
port=18790
"${as_user[@]}" /usr/local/bin/openstack-mcp-server --host 127.0.0.1 --port "$port" --metrics-port 9090 \
    --log-format json --demo --json-response 2> "$work/server.log" &
server=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:9090/healthz" > /dev/null 2>&1 && break; sleep 0.1; done
echo "   HEALTHCHECK command in the image: $("${as_user[@]}" /usr/local/bin/openstack-mcp-server --probe http://127.0.0.1:9090/healthz) (exit $?)"
echo "   /readyz: $(curl -fsS "http://127.0.0.1:9090/readyz" | tr '\n' ' ')"
answer=$(curl -fsS "http://127.0.0.1:$port/openstack" -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_networks","arguments":{"limit":2,"detail_level":"basic"}}}')
echo "   tools/call get_networks: $(echo "$answer" | python3 -c 'import json,sys; r=json.load(sys.stdin)["result"]["structuredContent"]; print(r["count"], "networks:", ", ".join(i["name"] for i in r["items"]))')"
echo "   /metrics: $(curl -fsS "http://127.0.0.1:9090/metrics" | grep -c '^mcp_\|^openstack_') sample lines"
grep '"message":"tool call"' "$work/server.log" | sed 's/^/   /'
echo "PASS: $image runs from its own root, read-only, as uid 65532"
