# designate.sh - Designate (DNS, :9001) with bind9 from Debian, for up.sh, which sources it after
# extras.sh: it uses up.sh's helpers and variables. Runs when `designate` is in OSTACK_SERVICES.
#
# designate 23.0.0 (the 2026.2 series of the recipe's other projects) lives in its own venv,
# $BASE/venv-designate, pinned by upper-constraints.txt. Its api runs under uwsgi (23.0.0 refuses
# oslo.service's eventlet WSGI server); central, worker, producer and mdns run as daemons with
# `workers = 1` (cotyledon wants a number). The pool has one bind9 target: named on
# 127.0.0.1:5322 with `allow-new-zones`, driven by rndc on :9530; mdns serves the zones to it
# from :5354. `dig @127.0.0.1 -p 5322 <name>` asks bind9 itself.
if has designate; then
  DV="$BASE/venv-designate"; DE="$ETC/designate"
  mkdir -p "$DE" "$DATA/designate/lock" "$DATA/bind"
  if [[ ! -x "$DV/bin/designate-central" ]]; then
    log "designate: pip install designate==23.0.0 into $DV"
    quiet python3 -m venv "$DV"
    quiet "$DV/bin/pip" install -q -c "$HERE/upper-constraints.txt" designate==23.0.0 PyMySQL
  fi
  [[ -f "$DE/rndc.key" ]] || quiet rndc-confgen -a -A hmac-sha256 -k rndc-key -c "$DE/rndc.key"
  cat > "$DE/named.conf" <<EOT
include "$DE/rndc.key";
options {
  directory "$DATA/bind";
  pid-file "$RUN/named-own.pid";
  listen-on port 5322 { $H; };
  listen-on-v6 { none; };
  allow-new-zones yes;
  allow-query { any; };
  allow-notify { $H; };
  recursion no;
  dnssec-validation no;
};
controls { inet $H port 9530 allow { $H; } keys { "rndc-key"; }; };
# Declared here, so Designate's `rndc addzone` of the same name fails: seed_designate.py's
# broken.example.org. goes to ERROR as a zone does when its backend refuses it.
zone "broken.example.org" { type primary; file "$DE/broken.example.org.zone"; };
EOT
  cat > "$DE/broken.example.org.zone" <<EOT
\$TTL 3600
@ IN SOA ns1.example.org. hostmaster.example.org. 1 3600 600 86400 3600
@ IN NS ns1.example.org.
EOT
  cat > "$DE/rndc.conf" <<EOT
include "$DE/rndc.key";
options { default-key "rndc-key"; default-server $H; default-port 9530; };
EOT
  if ! is_running named named; then
    port_free_or_ours 5322 named named
    bg named /usr/sbin/named -c "$DE/named.conf" -f -4
    wait_for named 30 rndc -c "$DE/rndc.conf" status
    log "started named (pid $(cat "$RUN/named.pid")) on $H:5322, rndc :9530"
  else
    quiet rndc -c "$DE/rndc.conf" reconfig  # a named from an older recipe learns the zones declared above
  fi
  cp "$DV/etc/designate/api-paste.ini" "$DE/api-paste.ini"
  cat > "$DE/designate.conf" <<EOT
[DEFAULT]
transport_url = $RABBIT_URL
[oslo_concurrency]
lock_path = $DATA/designate/lock
[oslo_messaging_notifications]
driver = noop
[storage:sqlalchemy]
connection = $(db_url designate)
[service:api]
workers = 1
api_paste_config = $DE/api-paste.ini
listen = $H:9001
api_base_uri = http://$H:9001/
auth_strategy = keystone
enable_api_v2 = True
enable_api_admin = True
enabled_extensions_admin = quotas, reports
[service:central]
workers = 1
managed_resource_tenant_id = 00000000-0000-0000-0000-000000000000
[service:mdns]
workers = 1
listen = $H:5354
[service:worker]
workers = 1
poll_retry_interval = 1
poll_max_retries = 5
poll_delay = 1
[service:producer]
workers = 1
[network_api:neutron]
endpoints = RegionOne|http://$H:9696
endpoint_type = publicURL
$(authtoken keystone_authtoken designate)
EOT
  cat > "$DE/pools.yaml" <<EOT
- name: default
  description: Default BIND9 pool on loopback
  attributes: {}
  ns_records:
    - hostname: ns1.example.org.
      priority: 1
  nameservers:
    - host: $H
      port: 5322
  targets:
    - type: bind9
      description: bind9 on $H:5322, driven through rndc on :9530
      masters:
        - host: $H
          port: 5354
      options:
        host: $H
        port: 5322
        rndc_host: $H
        rndc_port: 9530
        rndc_config_file: $DE/rndc.conf
        rndc_key_file: $DE/rndc.key
EOT
  de_init() { log "designate: database sync"; quiet "$DV/bin/designate-manage" --config-file "$DE/designate.conf" database sync; }
  once designate-init de_init
  for part in central worker producer mdns; do
    if ! is_running "designate-$part" "designate-$part"; then
      bg "designate-$part" "$DV/bin/designate-$part" --config-file "$DE/designate.conf" --log-file "$LOG/designate-$part.log"
      log "started designate-$part (pid $(cat "$RUN/designate-$part.pid"))"
    fi
  done
  # The pool needs central to answer; update is idempotent.
  de_pool() { "$DV/bin/designate-manage" --config-file "$DE/designate.conf" pool update --file "$DE/pools.yaml"; }
  wait_for designate-pool 90 de_pool
  if is_running designate-api uwsgi; then log "designate-api already running (pid $(cat "$RUN/designate-api.pid"))"; else
    port_free_or_ours 9001 designate-api uwsgi
    bg designate-api env OS_DESIGNATE_CONFIG_DIR="$DE" "$VENV/bin/uwsgi" --http-socket "$H:9001" \
      --wsgi-file "$("$DV/bin/python" -c 'import os, designate; print(os.path.dirname(designate.__file__))')/wsgi/api.py" --home "$DV" \
      --master --processes 1 --threads 4 --enable-threads --die-on-term --lazy-apps --need-app \
      --buffer-size 65535 --add-header "Connection: close" --procname-prefix designate-api-
    log "started designate-api (uwsgi pid $(cat "$RUN/designate-api.pid")) on $H:9001"
  fi
fi
