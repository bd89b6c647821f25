#!/usr/bin/env bash
# Makes a throw-away CA, a server certificate for 127.0.0.1/localhost and a client certificate,
# for serving the demo cloud over HTTPS (openstack-demo-cloud --tls-cert ... --tls-key ...).
# Usage: scripts/demo-certificates.sh DIR   -> DIR/{ca,server,client}.{pem,key}, DIR/other-ca.pem
set -euo pipefail
dir="${1:?usage: $0 DIR}"
mkdir -p "$dir"
cd "$dir"
quiet() { "$@" >/dev/null 2>&1 || { echo "openssl failed: $*" >&2; exit 1; }; }

make_ca() { # name subject
  quiet openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -days 30 -keyout "$1.key" -out "$1.pem" \
    -subj "/CN=$2" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
}
make_ca ca "openstack-mcp-server demo CA"
make_ca other-ca "an unrelated CA"

cat > server.ext <<'EXT'
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
EXT
cat > client.ext <<'EXT'
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=clientAuth
EXT
for name in server client; do
  quiet openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -sha256 -keyout "$name.key" -out "$name.csr" -subj "/CN=demo-$name"
  quiet openssl x509 -req -in "$name.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -sha256 \
    -extfile "$name.ext" -out "$name.pem"
  rm -f "$name.csr" "$name.ext"
done
rm -f ca.srl
echo "CA: $dir/ca.pem  server: $dir/server.pem + server.key  client: $dir/client.pem + client.key"
