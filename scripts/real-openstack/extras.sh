# extras.sh - Heat (8004), Octavia (9876, no-op drivers) and Swift (proxy 8080 with Keystone auth;
# account 6202, container 6201, object 6200) for up.sh, which sources it after Nova: it uses
# up.sh's helpers and variables. Each part runs when its name is in OSTACK_SERVICES.

# ---------------------------------------------------------------- heat
if has heat; then
  mkdir -p "$ETC/heat" "$DATA/heat"
  cp "$HERE/extras/heat-api-paste.ini" "$ETC/heat/api-paste.ini"
  cp "$HERE/extras/heat_api_wsgi.py" "$SITE/ostack_heat_api_wsgi.py"
  cat > "$ETC/heat/heat.conf" <<EOT
[DEFAULT]
transport_url = $RABBIT_URL
num_engine_workers = 1
stack_domain_admin = heat_domain_admin
stack_domain_admin_password = $SVC_PW
stack_user_domain_name = heat
heat_metadata_server_url = http://$H:8000
heat_waitcondition_server_url = http://$H:8000/v1/waitcondition
region_name_for_services = RegionOne
[database]
connection = $(db_url heat)
$(authtoken keystone_authtoken heat)
[trustee]
auth_type = password
auth_url = $KS
username = heat
password = $SVC_PW
user_domain_name = Default
[clients_keystone]
auth_uri = $KS
[clients]
endpoint_type = public
[paste_deploy]
api_paste_config = $ETC/heat/api-paste.ini
[oslo_messaging_notifications]
driver = noop
EOT
  he_init() { log "heat: db_sync"; quiet heat-manage --config-file "$ETC/heat/heat.conf" db_sync; }
  once heat-init he_init
  start_uwsgi heat-api 8004 ostack_heat_api_wsgi.py --pyargv "--config-file $ETC/heat/heat.conf --log-file $LOG/heat-api.log"
  if ! is_running heat-engine heat-engine; then
    bg heat-engine "$VENV/bin/heat-engine" --config-file "$ETC/heat/heat.conf" --log-file "$LOG/heat-engine.log"
    log "started heat-engine (pid $(cat "$RUN/heat-engine.pid"))"
  fi
fi

# ---------------------------------------------------------------- octavia
if has octavia; then
  mkdir -p "$ETC/octavia" "$DATA/octavia"
  cat > "$ETC/octavia/octavia.conf" <<EOT
[DEFAULT]
transport_url = $RABBIT_URL
[api_settings]
bind_host = $H
bind_port = 9876
auth_strategy = keystone
default_provider_driver = amphora
enabled_provider_drivers = amphora:The Octavia Amphora driver.
[database]
connection = $(db_url octavia)
$(authtoken keystone_authtoken octavia)
[service_auth]
auth_type = password
auth_url = $KS
project_name = service
project_domain_name = Default
user_domain_name = Default
username = octavia
password = $SVC_PW
[controller_worker]
amphora_driver = amphora_noop_driver
compute_driver = compute_noop_driver
network_driver = network_noop_driver
volume_driver = volume_noop_driver
image_driver = image_noop_driver
loadbalancer_topology = SINGLE
# Read when an amphora is "built", even by the no-op compute driver.
client_ca = $ETC/octavia/ca.pem
[certificates]
cert_manager = noop_cert_manager
# The amphora flow signs a certificate for each amphora even with no-op drivers.
ca_certificate = $ETC/octavia/ca.pem
ca_private_key = $ETC/octavia/ca.key
server_certs_key_passphrase = insecure-key-do-not-use-this-key
[task_flow]
jobboard_enabled = False
[oslo_messaging]
topic = octavia_prov
[oslo_messaging_notifications]
driver = noop
EOT
  if [[ ! -f "$ETC/octavia/ca.key" ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=ostack-octavia-ca" \
      -keyout "$ETC/octavia/ca.key" -out "$ETC/octavia/ca.pem" 2>/dev/null
  fi
  oc_init() { log "octavia: db upgrade"; quiet octavia-db-manage --config-file "$ETC/octavia/octavia.conf" upgrade head; }
  once octavia-init oc_init
  start_uwsgi octavia-api 9876 octavia/wsgi/api.py --pyargv "--config-file $ETC/octavia/octavia.conf --log-file $LOG/octavia-api.log"
  if ! is_running octavia-worker octavia-worker; then
    bg octavia-worker "$VENV/bin/octavia-worker" --config-file "$ETC/octavia/octavia.conf" --log-file "$LOG/octavia-worker.log"
    log "started octavia-worker (pid $(cat "$RUN/octavia-worker.pid"))"
  fi
fi

# ---------------------------------------------------------------- swift
if has swift; then
  SW="$ETC/swift"; mkdir -p "$SW" "$DATA/swift/node/d1"
  # Swift reads its hash prefix, storage policies and constraints from the hard-coded
  # /etc/swift/swift.conf (swift/common/utils/__init__.py: SWIFT_CONF_FILE); only the WSGI servers
  # move to swift_dir, and too late for the policies. The daemons (container updater) never do and
  # die without /etc/swift. So every Swift process runs with OSTACK_SWIFT_DIR=$SW, and this .pth
  # line makes ostack_fakes/swift_conf.py point SWIFT_CONF_FILE there (it does nothing without
  # the variable). Nothing is written to /etc.
  echo "import ostack_fakes.swift_conf" > "$SITE/ostack_swift_conf.pth"
  SWENV=(env OSTACK_SWIFT_DIR="$SW")
  cat > "$SW/swift.conf" <<EOT
[swift-hash]
swift_hash_path_prefix = ostack
swift_hash_path_suffix = ostack
[storage-policy:0]
name = Policy-0
default = yes
EOT
  sw_rings() {
    log "swift: rings (one replica, one device)"
    local kind port
    for kind in account:6202 container:6201 object:6200; do
      port=${kind#*:}; kind=${kind%:*}
      quiet "${SWENV[@]}" swift-ring-builder "$SW/$kind.builder" create 8 1 1
      quiet "${SWENV[@]}" swift-ring-builder "$SW/$kind.builder" add --region 1 --zone 1 --ip $H --port "$port" --device d1 --weight 100
      quiet "${SWENV[@]}" swift-ring-builder "$SW/$kind.builder" rebalance
    done
  }
  once swift-rings sw_rings
  common="[DEFAULT]
bind_ip = $H
devices = $DATA/swift/node
mount_check = false
swift_dir = $SW
user = $(id -un)
workers = 0
log_address = /dev/null"
  printf '%s\nbind_port = 6202\n[pipeline:main]\npipeline = account-server\n[app:account-server]\nuse = egg:swift#account\n' "$common" > "$SW/account-server.conf"
  printf '%s\nbind_port = 6201\n[pipeline:main]\npipeline = container-server\n[app:container-server]\nuse = egg:swift#container\n[container-updater]\ninterval = 5\n' "$common" > "$SW/container-server.conf"
  printf '%s\nbind_port = 6200\n[pipeline:main]\npipeline = object-server\n[app:object-server]\nuse = egg:swift#object\n' "$common" > "$SW/object-server.conf"
  cat > "$SW/proxy-server.conf" <<EOT
[DEFAULT]
bind_ip = $H
bind_port = 8080
swift_dir = $SW
user = $(id -un)
workers = 0
log_address = /dev/null
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging listing_formats authtoken keystoneauth account_quotas proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:account_quotas]
use = egg:swift#account_quotas
[filter:keystoneauth]
use = egg:swift#keystoneauth
operator_roles = admin, member
# Without this a reader gets 403 on its own account (swift's default is empty).
project_reader_roles = reader
reseller_admin_role = ResellerAdmin
$(authtoken filter:authtoken swift)
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
delay_auth_decision = True
EOT
  for part in account container object proxy; do
    if ! is_running "swift-$part" "swift-$part-server"; then
      bg "swift-$part" "${SWENV[@]}" "$VENV/bin/swift-$part-server" "$SW/$part-server.conf"
      log "started swift-$part-server (pid $(cat "$RUN/swift-$part.pid"))"
    fi
  done
  # The account's totals (object count, bytes) come from the container updater.
  if ! is_running swift-container-updater swift-container-updater; then
    bg swift-container-updater "${SWENV[@]}" "$VENV/bin/swift-container-updater" "$SW/container-server.conf"
    log "started swift-container-updater (pid $(cat "$RUN/swift-container-updater.pid"))"
  fi
fi
