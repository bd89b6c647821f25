# manila.sh - Manila (8786: manila-api under uwsgi, manila-scheduler, manila-share) for up.sh, which
# sources it after keymanager_baremetal.sh when manila is in OSTACK_SERVICES. It runs from a venv of
# its own ($BASE/venv-manila), pinned to the recipe's release series by upper-constraints.txt.
# The share backend is Manila's own gate driver, manila.tests.share.drivers.dummy.DummyDriver: no
# storage, but real share servers (driver_handles_share_servers = True) whose two network
# allocations are real Neutron ports on the share network's subnet (the Neutron network plugin),
# plus one address on a made-up admin network (the standalone plugin), one pool, snapshots and IP
# access rules.
MANILA_PKGS=(manila==23.0.1 uwsgi PyMySQL python-memcached)
if has manila; then
  MVENV="$BASE/venv-manila"
  manila_hash="$( { cat "$HERE/upper-constraints.txt"; echo "${MANILA_PKGS[*]}"; } | sha256sum | cut -c1-16)"
  if [[ "$(cat "$MVENV/.ostack-stamp" 2>/dev/null)" != "$manila_hash" ]]; then
    log "manila: installing ${MANILA_PKGS[*]} into $MVENV (~1 min)"
    [[ -x "$MVENV/bin/python" ]] || quiet "$PY" -m venv "$MVENV"
    quiet "$MVENV/bin/pip" install -q -c "$HERE/upper-constraints.txt" "${MANILA_PKGS[@]}"
    echo "$manila_hash" > "$MVENV/.ostack-stamp"
  fi
  MSITE="$("$MVENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  [[ "$DB" == mariadb ]] && "${MYSQL[@]}" -e "CREATE DATABASE IF NOT EXISTS manila CHARACTER SET utf8mb4; GRANT ALL ON manila.* TO 'openstack'@'127.0.0.1';"
  mkdir -p "$ETC/manila" "$DATA/manila/locks"
  cp "$MVENV/etc/manila/api-paste.ini" "$ETC/manila/api-paste.ini"
  cat > "$ETC/manila/manila.conf" <<EOT
[DEFAULT]
host = ostack-share
auth_strategy = keystone
transport_url = $RABBIT_URL
api_paste_config = $ETC/manila/api-paste.ini
state_path = $DATA/manila
my_ip = $H
default_share_type = default
enabled_share_protocols = NFS,CIFS
enabled_share_backends = dummy
graceful_shutdown_timeout = 5
[dummy]
share_driver = manila.tests.share.drivers.dummy.DummyDriver
share_backend_name = DUMMY
driver_handles_share_servers = True
# The gate's delays (up to 4 s a call) only slow the seed down.
dummy_driver_default_driver_method_delay = 0.1
dummy_driver_driver_methods_delays =
network_api_class = manila.network.neutron.neutron_network_plugin.NeutronNetworkPlugin
# The driver also wants one address on the backend's admin network: a made-up range, as in the gate.
admin_network_config_group = adminnet
[adminnet]
network_api_class = manila.network.standalone_network_plugin.StandaloneNetworkPlugin
standalone_network_plugin_gateway = 192.168.250.1
standalone_network_plugin_mask = 24
standalone_network_plugin_network_type = flat
standalone_network_plugin_allowed_ip_ranges = 192.168.250.10-192.168.250.200
[database]
connection = $(db_url manila)
$(authtoken keystone_authtoken manila)
$(authtoken neutron manila)
[oslo_concurrency]
lock_path = $DATA/manila/locks
[oslo_messaging_notifications]
driver = noop
EOT
  MC=(--config-file "$ETC/manila/manila.conf")
  ma_init() { log "manila: db sync"; quiet "$MVENV/bin/manila-manage" "${MC[@]}" db sync; }
  once manila-init ma_init
  VENV="$MVENV" SITE="$MSITE" start_uwsgi manila-api 8786 manila/wsgi/api.py \
    --pyargv "${MC[*]} --log-file $LOG/manila-api.log"
  for s in scheduler share; do
    if ! is_running "manila-$s" "manila-$s"; then
      bg "manila-$s" "$MVENV/bin/manila-$s" "${MC[@]}" --log-file "$LOG/manila-$s.log"
      log "started manila-$s (pid $(cat "$RUN/manila-$s.pid"))"
    fi
  done
  wait_for manila-api 90 http_ok "http://$H:8786/"
fi
