#!/usr/bin/env bash
# Builds the release tarball: a stripped, static-stdlib openstack-mcp-server that runs on a Linux
# without Swift (it needs glibc, libstdc++, libgcc_s and zlib at run time, nothing else), with
# LICENSE, a short README and a .sha256 beside it.
#
#   scripts/release.sh            # -> dist/openstack-mcp-server-<version>-linux-<arch>.tar.gz
#
# Needs only the Swift toolchain: nothing imports FoundationNetworking, so nothing links libcurl.
# Takes 8-13 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(tr -d ' \n' < VERSION)
arch=$(uname -m)
name="openstack-mcp-server-$version-linux-$arch"
# A fixed build date for the whole release (the BuildInfo plugin reads it).
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
echo "== swift build -c release --static-swift-stdlib ($name)"
nice -n 10 swift build -c release --product openstack-mcp-server --static-swift-stdlib
binary=$(swift build -c release --static-swift-stdlib --show-bin-path)/openstack-mcp-server

stage="dist/$name"
rm -rf "$stage" "dist/$name.tar.gz" "dist/$name.tar.gz.sha256"
mkdir -p "$stage"
cp "$binary" "$stage/openstack-mcp-server"
strip "$stage/openstack-mcp-server"
cp LICENSE "$stage/LICENSE"
sed "s/@VERSION@/$version/g" scripts/release-README.txt > "$stage/README"

echo "== shared libraries (only glibc's, libstdc++, libgcc_s and zlib may remain)"
ldd "$stage/openstack-mcp-server" | tee "dist/$name.ldd"
# Each line names one library; anything outside the allowed set (libcurl and what it drags in,
# or a Swift runtime library) fails the release.
allowed='^(linux-vdso\.so|ld-linux[^ ]*\.so|lib(c|m|dl|pthread|rt|util|resolv|stdc\+\+|gcc_s|z)\.so)'
if awk '{print $1}' "dist/$name.ldd" | sed 's#.*/##' | grep -Ev "$allowed"; then
    echo "release.sh: the binary needs the libraries above, beyond glibc, libstdc++, libgcc_s and zlib" >&2
    exit 1
fi
"$stage/openstack-mcp-server" --version

# Reproducible archive: fixed owner, order and times.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    -C dist -czf "dist/$name.tar.gz" "$name"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
ls -l "dist/$name.tar.gz" "$stage/openstack-mcp-server"
cat "dist/$name.tar.gz.sha256"
