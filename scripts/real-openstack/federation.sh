# federation.sh - Keystone federation (OpenID Connect access tokens) for up.sh, which sources it
# after extras.sh: it uses up.sh's helpers and variables. Runs unless OSTACK_FEDERATION=0.
#
#   oauth-issuer  127.0.0.1:9400  scripts/oauth_issuer.py (the tests' OAuth issuer, PyJWT), keys kept
#                                 in $DATA/oauth-issuer/keys.json so its JWKS survives a restart
#   keystone-oidc 127.0.0.1:5001  Apache 2.4 + mod_auth_openidc (Debian packages): validates the
#                                 Bearer token on .../OS-FEDERATION/.../protocols/openid/auth
#                                 against the issuer's JWKS (signature, exp) and requires its iss
#                                 and aud; passes the claims as environment variables (never as
#                                 headers) over the uwsgi protocol to
#   keystone-fed  $RUN/keystone-fed.sock  a second uwsgi of the same Keystone (same DB, same fernet
#                                 keys, so its tokens work everywhere), with the `openid` auth method
#                                 and `assertion_prefix = OIDC_`, reachable only through Apache.
#
# The plain Keystone on :5000 does not enable the `openid` method, so the federated login exists only
# behind the token check. The Keystone objects (identity provider, mapping, protocol, projects alpha
# and beta...) are made by seed_callers.py.

FED_ISSUER_PORT=9400
FED_PORT=5001
FED_ISSUER="http://$H:$FED_ISSUER_PORT"
FED_AUDIENCE="${OSTACK_OIDC_AUDIENCE:-openstack}"
FED_ISSUER_SCRIPT="${OSTACK_OAUTH_ISSUER:-$HERE/../oauth_issuer.py}"

if [[ "${OSTACK_FEDERATION:-1}" == 1 && -f "$FED_ISSUER_SCRIPT" ]]; then
  fed_apt=()
  [[ -x /usr/sbin/apache2 ]] || fed_apt+=(apache2)
  [[ -f /usr/lib/apache2/modules/mod_auth_openidc.so ]] || fed_apt+=(libapache2-mod-auth-openidc)
  if ((${#fed_apt[@]})); then
    log "apt-get install ${fed_apt[*]} (for Keystone federation)"
    quiet apt-get update
    DEBIAN_FRONTEND=noninteractive quiet apt-get install -y --no-install-recommends "${fed_apt[@]}"
  fi

  # ---- the issuer (PyJWT is in the venv: keystone needs it too)
  mkdir -p "$DATA/oauth-issuer"
  if ! is_running oauth-issuer oauth_issuer; then
    port_free_or_ours "$FED_ISSUER_PORT" oauth-issuer oauth_issuer
    bg oauth-issuer "$VENV/bin/python" "$FED_ISSUER_SCRIPT" --port "$FED_ISSUER_PORT" --keys "$DATA/oauth-issuer/keys.json"
    log "started oauth-issuer (pid $(cat "$RUN/oauth-issuer.pid")) on $FED_ISSUER"
  fi
  wait_for oauth-issuer 30 http_ok "$FED_ISSUER/jwks"
  # mod_auth_openidc fetches a JWKS only over https; the issuer speaks http, so Apache gets its public
  # keys as PEM files instead (same kids; RSA only: 2.4.12 crashes on an EC PEM, so ES256 tokens
  # are refused here). After the issuer's /rotate, run up.sh again and restart
  # keystone-oidc (the recipe never rotates).
  mkdir -p "$ETC/apache2"
  "$VENV/bin/python" - "$FED_ISSUER/jwks" "$ETC/apache2" <<'PY'
import json, sys, urllib.request
import jwt
from cryptography.hazmat.primitives import serialization
for jwk in json.load(urllib.request.urlopen(sys.argv[1]))["keys"]:
    key = jwt.PyJWK(jwk).key
    pem = key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    open(f"{sys.argv[2]}/issuer-{jwk['kid']}.pem", "wb").write(pem)
PY

  # ---- Keystone behind the token check (read after keystone.conf, so only these options change)
  cat > "$ETC/keystone/keystone-fed.conf" <<EOF
[DEFAULT]
log_file = $LOG/keystone-fed.log
[auth]
# no external method: nothing here may trust REMOTE_USER
methods = password,token,application_credential,mapped,openid
[federation]
# only variables Apache sets (never HTTP_* request headers) make up the assertion
assertion_prefix = OIDC_
[cache]
# no per-process cache: a credential revoked through :5000 fails here at once
enabled = false
EOF
  if ! is_running keystone-fed uwsgi; then
    rm -f "$RUN/keystone-fed.sock"
    bg keystone-fed "$VENV/bin/uwsgi" --socket "$RUN/keystone-fed.sock" --chmod-socket=600 \
      --wsgi-file "$SITE/keystone/wsgi/api.py" --master --processes 4 --threads 1 \
      --die-on-term --lazy-apps --need-app --buffer-size 65535 --procname-prefix keystone-fed- \
      --env OS_KEYSTONE_CONFIG_FILES="$ETC/keystone/keystone.conf;$ETC/keystone/keystone-fed.conf"
    log "started keystone-fed (uwsgi pid $(cat "$RUN/keystone-fed.pid")) on $RUN/keystone-fed.sock"
  fi

  # ---- Apache + mod_auth_openidc in front of it
  mkdir -p "$ETC/apache2" "$DATA/apache2"
  M=/usr/lib/apache2/modules
  cat > "$ETC/apache2/keystone-oidc.conf" <<EOF
# Written by up.sh (federation.sh). Runs as root without mod_unixd: it must reach the root-only
# uwsgi socket of keystone-fed.
ServerRoot $ETC/apache2
ServerName $H
Listen $H:$FED_PORT
PidFile $DATA/apache2/httpd.pid
DefaultRuntimeDir $DATA/apache2
Mutex file:$DATA/apache2 default
ErrorLog $LOG/keystone-oidc-error.log
LogLevel warn auth_openidc:info
LoadModule mpm_event_module $M/mod_mpm_event.so
LoadModule authn_core_module $M/mod_authn_core.so
LoadModule authz_core_module $M/mod_authz_core.so
LoadModule proxy_module $M/mod_proxy.so
LoadModule proxy_uwsgi_module $M/mod_proxy_uwsgi.so
LoadModule auth_openidc_module $M/mod_auth_openidc.so
StartServers 1
ServerLimit 1
ThreadsPerChild 16
MaxRequestWorkers 16
MinSpareThreads 1
MaxSpareThreads 16
LogFormat "%h %t \"%r\" %>s %b %D \"%{OIDC_CLAIM_sub}e\"" oidc
CustomLog $LOG/keystone-oidc-access.log oidc

OIDCOAuthVerifyCertFiles rsa-1#$ETC/apache2/issuer-rsa-1.pem
OIDCOAuthRemoteUserClaim sub
OIDCOAuthAcceptTokenAs header
OIDCPassClaimsAs environment
OIDCClaimPrefix OIDC_CLAIM_
OIDCClaimDelimiter ;
OIDCCryptoPassphrase ostack-test-rig-only
OIDCCacheType shm

<LocationMatch "^/v3/OS-FEDERATION/identity_providers/[^/]+/protocols/openid/auth$">
  AuthType oauth20
  <RequireAll>
    Require claim iss:$FED_ISSUER
    Require claim aud:$FED_AUDIENCE
  </RequireAll>
</LocationMatch>

ProxyPass / unix:$RUN/keystone-fed.sock|uwsgi://keystone-fed/
EOF
  quiet /usr/sbin/apache2 -t -f "$ETC/apache2/keystone-oidc.conf"
  if ! is_running keystone-oidc apache2; then
    port_free_or_ours "$FED_PORT" keystone-oidc apache2
    bg keystone-oidc /usr/sbin/apache2 -f "$ETC/apache2/keystone-oidc.conf" -DFOREGROUND
    log "started keystone-oidc (apache2 pid $(cat "$RUN/keystone-oidc.pid")) on $H:$FED_PORT"
  fi
  # -f: Apache answers 503 until keystone-fed's socket is up
  fed_ok() { curl -sf -o /dev/null --max-time 2 "$1"; }
  wait_for keystone-oidc 60 fed_ok "http://$H:$FED_PORT/v3"
  export OSTACK_FED_ISSUER="$FED_ISSUER" OSTACK_FED_AUDIENCE="$FED_AUDIENCE" OSTACK_FED_AUTH_URL="http://$H:$FED_PORT/v3"
else
  log "federation skipped (OSTACK_FEDERATION=${OSTACK_FEDERATION:-1}, issuer script $FED_ISSUER_SCRIPT)"
fi
