#!/usr/bin/env bash
# Builds the release tarball: a stripped, static-stdlib openstack-mcp-server that runs on a Linux
# without Swift (it needs glibc and libcurl4 at run time, nothing else), with LICENSE, a short
# README and a .sha256 beside it.
#
#   scripts/release.sh            # -> dist/openstack-mcp-server-<version>-linux-<arch>.tar.gz
#
# Needs libcurl4-openssl-dev at build time: the static Foundation's networking part links
# libcurl, which a static-stdlib link must name itself (-lcurl). Takes 8-13 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(tr -d ' \n' < VERSION)
arch=$(uname -m)
name="openstack-mcp-server-$version-linux-$arch"
# The link needs libcurl.so (the -dev package's symlink), wherever the distribution puts it.
curl_so=""
for candidate in /usr/lib/libcurl.so /usr/lib/*/libcurl.so /usr/lib64/libcurl.so; do
    [ -e "$candidate" ] && curl_so=$candidate
done
if [ -z "$curl_so" ]; then
    echo "release.sh: libcurl.so is missing; install it: apt-get install libcurl4-openssl-dev" >&2
    exit 1
fi
# A fixed build date for the whole release (the BuildInfo plugin reads it).
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
echo "== swift build -c release --static-swift-stdlib ($name)"
nice -n 10 swift build -c release --product openstack-mcp-server --static-swift-stdlib -Xlinker -lcurl
binary=$(swift build -c release --static-swift-stdlib --show-bin-path)/openstack-mcp-server

stage="dist/$name"
rm -rf "$stage" "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
mkdir -p "$stage"
cp "$binary" "$stage/openstack-mcp-server"
strip "$stage/openstack-mcp-server"
cp LICENSE "$stage/LICENSE"
sed "s/@VERSION@/$version/g" scripts/release-README.txt > "$stage/README"

echo "== shared libraries (none may be Swift's)"
ldd "$stage/openstack-mcp-server" | tee "dist/$name.ldd"
if grep -Ei 'swift|Foundation|dispatch|BlocksRuntime|not found' "dist/$name.ldd"; then
    echo "release.sh: the binary still needs the libraries above" >&2
    exit 1
fi
"$stage/openstack-mcp-server" --version

# Reproducible archive: fixed owner, order and times.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    -C dist -czf "dist/$name.tar.gz" "$name"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
ls -l "dist/$name.tar.gz" "$stage/openstack-mcp-server"
cat "dist/$name.tar.gz.sha256"
