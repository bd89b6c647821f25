# keymanager_baremetal.sh - Barbican (9311: api under uwsgi, simple_crypto plugin, orders handled
# in the API process) and Ironic (6385: api and conductor in one `ironic` process, rpc_transport
# none, the fake-hardware type with fake interfaces) for up.sh, which sources it after extras.sh.
# Both run from a venv of their own ($BASE/venv-kmbm), pinned to the recipe's release series by
# upper-constraints.txt. Each part runs when its name is in OSTACK_SERVICES.
KMBM_PKGS=(barbican==23.0.0 ironic==39.0.0 uwsgi PyMySQL python-memcached)
if has barbican || has ironic; then
  KVENV="$BASE/venv-kmbm"
  kmbm_hash="$( { cat "$HERE/upper-constraints.txt"; echo "${KMBM_PKGS[*]}"; } | sha256sum | cut -c1-16)"
  if [[ "$(cat "$KVENV/.ostack-stamp" 2>/dev/null)" != "$kmbm_hash" ]]; then
    log "barbican/ironic: installing ${KMBM_PKGS[*]} into $KVENV (~2 min)"
    [[ -x "$KVENV/bin/python" ]] || quiet "$PY" -m venv "$KVENV"
    quiet "$KVENV/bin/pip" install -q -c "$HERE/upper-constraints.txt" "${KMBM_PKGS[@]}"
    echo "$kmbm_hash" > "$KVENV/.ostack-stamp"
  fi
  KSITE="$("$KVENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  if [[ "$DB" == mariadb ]]; then
    sql=""
    for d in barbican ironic; do
      has "$d" && sql+="CREATE DATABASE IF NOT EXISTS $d CHARACTER SET utf8mb4; GRANT ALL ON $d.* TO 'openstack'@'127.0.0.1';"
    done
    "${MYSQL[@]}" -e "$sql"
  fi
fi

# ---------------------------------------------------------------- barbican
if has barbican; then
  mkdir -p "$ETC/barbican" "$DATA/barbican"
  # The key-encryption key of simple_crypto: made once, kept with the data it protects.
  [[ -s "$DATA/barbican/kek" ]] || "$KVENV/bin/python" -c 'import base64,os; print(base64.b64encode(os.urandom(32)).decode())' > "$DATA/barbican/kek"
  cp "$KVENV/etc/barbican/barbican-api-paste.ini" "$ETC/barbican/barbican-api-paste.ini"
  cp "$HERE/extras/barbican_api_wsgi.py" "$KSITE/ostack_barbican_api_wsgi.py"
  cat > "$ETC/barbican/barbican.conf" <<EOT
[DEFAULT]
host_href = http://$H:9311
db_auto_create = true
log_file = $LOG/barbican-api.log
[database]
connection = $(db_url barbican)
[secretstore]
enabled_secretstore_plugins = store_crypto
[crypto]
enabled_crypto_plugins = simple_crypto
[simple_crypto_plugin]
kek = $(cat "$DATA/barbican/kek")
[queue]
enable = false
[oslo_messaging_notifications]
driver = noop
$(authtoken keystone_authtoken barbican)
EOT
  VENV="$KVENV" SITE="$KSITE" start_uwsgi barbican-api 9311 ostack_barbican_api_wsgi.py \
    --pyargv "$ETC/barbican/barbican.conf $ETC/barbican/barbican-api-paste.ini"
  wait_for barbican-api 90 http_ok "http://$H:9311/"
fi

# ---------------------------------------------------------------- ironic
if has ironic; then
  mkdir -p "$ETC/ironic" "$DATA/ironic"
  fake="fake-hardware"
  cat > "$ETC/ironic/ironic.conf" <<EOT
[DEFAULT]
host = ostack-conductor-1
auth_strategy = keystone
rpc_transport = none
log_file = $LOG/ironic.log
enabled_hardware_types = $fake
enabled_boot_interfaces = fake
enabled_deploy_interfaces = fake
enabled_management_interfaces = fake
enabled_power_interfaces = fake
enabled_inspect_interfaces = no-inspect
enabled_console_interfaces = no-console
enabled_raid_interfaces = no-raid
enabled_vendor_interfaces = no-vendor
enabled_bios_interfaces = no-bios
enabled_firmware_interfaces = no-firmware
enabled_rescue_interfaces = no-rescue
enabled_network_interfaces = noop
enabled_storage_interfaces = noop
default_network_interface = noop
minimum_memory_warning_only = true
[api]
host_ip = $H
port = 6385
[conductor]
automated_clean = false
[dhcp]
dhcp_provider = none
[database]
connection = $(db_url ironic)
[oslo_policy]
# A project-scoped admin token is Ironic's admin, as in clouds that have not moved to system scope.
enforce_scope = false
enforce_new_defaults = false
$(authtoken keystone_authtoken ironic)
EOT
  ir_init() { log "ironic: dbsync"; quiet "$KVENV/bin/ironic-dbsync" --config-file "$ETC/ironic/ironic.conf" create_schema; }
  once ironic-init ir_init
  if ! is_running ironic ironic; then
    port_free_or_ours 6385 ironic ironic
    bg ironic "$KVENV/bin/ironic" --config-file "$ETC/ironic/ironic.conf"
    log "started ironic api+conductor (pid $(cat "$RUN/ironic.pid")) on $H:6385"
  fi
  wait_for ironic 120 http_ok "http://$H:6385/"
fi
