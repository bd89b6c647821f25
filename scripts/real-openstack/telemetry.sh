# telemetry.sh - Gnocchi (metric, 8041: api under uwsgi + gnocchi-metricd, file storage, indexer
# in MariaDB) and Aodh (alarming, 8042: api under uwsgi + aodh-evaluator, DB in MariaDB) for up.sh,
# which sources it after keymanager_baremetal.sh. Both run from a venv of their own
# ($BASE/venv-telemetry), pinned to the recipe's release series by upper-constraints.txt (Gnocchi
# has its own numbering: 4.7.1 is the release of the same weeks as aodh 23.0.0 and keystone 30.0.0).
# No Ceilometer: telemetry-feeder (seed_telemetry.py feed) plays its part and posts each seeded
# instance's cpu_util and memory.usage every minute, so the "last hour" always has measures and the
# evaluator keeps a threshold alarm firing. Each part runs when its name is in OSTACK_SERVICES.
TELEMETRY_PKGS=(gnocchi[mysql,keystone]==4.7.1 aodh==23.0.0 uwsgi PyMySQL python-memcached)
if has gnocchi || has aodh; then
  TVENV="$BASE/venv-telemetry"
  telemetry_hash="$( { cat "$HERE/upper-constraints.txt"; echo "${TELEMETRY_PKGS[*]}"; } | sha256sum | cut -c1-16)"
  if [[ "$(cat "$TVENV/.ostack-stamp" 2>/dev/null)" != "$telemetry_hash" ]]; then
    log "gnocchi/aodh: installing ${TELEMETRY_PKGS[*]} into $TVENV (~1 min)"
    [[ -x "$TVENV/bin/python" ]] || quiet "$PY" -m venv "$TVENV"
    quiet "$TVENV/bin/pip" install -q -c "$HERE/upper-constraints.txt" "${TELEMETRY_PKGS[@]}"
    echo "$telemetry_hash" > "$TVENV/.ostack-stamp"
  fi
  TSITE="$("$TVENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  sql=""
  for d in gnocchi aodh; do
    has "$d" && sql+="CREATE DATABASE IF NOT EXISTS $d CHARACTER SET utf8mb4; GRANT ALL ON $d.* TO 'openstack'@'127.0.0.1';"
  done
  "${MYSQL[@]}" -e "$sql"
  # The services' paste files name only their project, so keystonemiddleware would read
  # /etc/<project>; point its filter at our configuration file instead.
  paste_with_conf() {  # source-ini filter-section conf-file
    sed "/^\[filter:$2\]/a oslo_config_file = $3" "$1"
  }
fi

# ---------------------------------------------------------------- gnocchi
if has gnocchi; then
  mkdir -p "$ETC/gnocchi" "$DATA/gnocchi/storage" "$DATA/gnocchi/locks"
  paste_with_conf "$TSITE/gnocchi/rest/api-paste.ini" keystone_authtoken "$ETC/gnocchi/gnocchi.conf" \
    > "$ETC/gnocchi/api-paste.ini"
  cat > "$ETC/gnocchi/gnocchi.conf" <<EOT
[DEFAULT]
log_file = $LOG/gnocchi.log
coordination_url = file://$DATA/gnocchi/locks
parallel_operations = 2
[api]
auth_mode = keystone
paste_config = $ETC/gnocchi/api-paste.ini
[indexer]
url = $(db_url gnocchi)
[storage]
driver = file
file_basepath = $DATA/gnocchi/storage
[incoming]
driver = file
file_basepath = $DATA/gnocchi/storage
[metricd]
workers = 1
# Seconds between scans for new measures (60 by default): the feeder's points show within 10 s.
metric_processing_delay = 10
$(authtoken keystone_authtoken gnocchi)
EOT
  gn_init() {
    log "gnocchi: gnocchi-upgrade (indexer, file storage, 32 sacks, default archive policies)"
    quiet "$TVENV/bin/gnocchi-upgrade" --config-file "$ETC/gnocchi/gnocchi.conf" --sacks-number 32
  }
  once gnocchi-init gn_init
  VENV="$TVENV" SITE="$TSITE" start_uwsgi gnocchi-api 8041 gnocchi/rest/wsgi.py \
    --pyargv "--config-file $ETC/gnocchi/gnocchi.conf"
  if ! is_running gnocchi-metricd gnocchi-metricd; then
    bg gnocchi-metricd "$TVENV/bin/gnocchi-metricd" --config-file "$ETC/gnocchi/gnocchi.conf"
    log "started gnocchi-metricd (pid $(cat "$RUN/gnocchi-metricd.pid"))"
  fi
  wait_for gnocchi-api 90 http_ok "http://$H:8041/"
fi

# ---------------------------------------------------------------- aodh
if has aodh; then
  mkdir -p "$ETC/aodh"
  cp "$HERE/extras/aodh_api_wsgi.py" "$TSITE/ostack_aodh_api_wsgi.py"
  paste_with_conf "$TSITE/aodh/api/api-paste.ini" authtoken "$ETC/aodh/aodh.conf" > "$ETC/aodh/api-paste.ini"
  cat > "$ETC/aodh/aodh.conf" <<EOT
[DEFAULT]
log_file = $LOG/aodh.log
# Alarm actions go to aodh-notifier through messaging; this cloud runs no notifier (the seeded
# alarms have no actions), so the evaluator's notifications stay in process.
transport_url = fake://
[api]
auth_mode = keystone
paste_config = $ETC/aodh/api-paste.ini
[database]
connection = $(db_url aodh)
[evaluator]
workers = 1
evaluation_interval = 30
[service_credentials]
auth_type = password
auth_url = $KS
project_domain_name = Default
user_domain_name = Default
project_name = service
username = aodh
password = $SVC_PW
region_name = RegionOne
interface = public
$(authtoken keystone_authtoken aodh)
EOT
  ao_init() { log "aodh: aodh-dbsync"; quiet "$TVENV/bin/aodh-dbsync" --config-file "$ETC/aodh/aodh.conf"; }
  once aodh-init ao_init
  VENV="$TVENV" SITE="$TSITE" start_uwsgi aodh-api 8042 ostack_aodh_api_wsgi.py \
    --pyargv "--config-file $ETC/aodh/aodh.conf"
  if ! is_running aodh-evaluator aodh-evaluator; then
    bg aodh-evaluator "$TVENV/bin/aodh-evaluator" --config-file "$ETC/aodh/aodh.conf"
    log "started aodh-evaluator (pid $(cat "$RUN/aodh-evaluator.pid"))"
  fi
  wait_for aodh-api 90 http_ok "http://$H:8042/"
fi

# ---------------------------------------------------------------- telemetry-feeder
if has gnocchi && [[ "$SEED" == 1 ]] && ! is_running telemetry-feeder seed_telemetry; then
  bg telemetry-feeder env OSTACK_BASE="$BASE" OSTACK_SERVICE_PASSWORD="$SVC_PW" \
    "$TVENV/bin/python" -u "$HERE/seed_telemetry.py" feed
  log "started telemetry-feeder (pid $(cat "$RUN/telemetry-feeder.pid")): a cpu_util and memory.usage point a minute"
fi
