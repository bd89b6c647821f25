#!/usr/bin/env bash
# check-fresh.sh - prove that the recipe comes up on a fresh machine, where /etc/swift does not
# exist (Swift's daemons read /etc/swift/swift.conf whatever swift_dir says; see
# ostack_fakes/ostack_fakes/swift_conf.py), and that Swift then works end to end.
# Run by hand (minutes; not for CI):
#
#   ./check-fresh.sh                   # down.sh --purge, up.sh, assertions (the venv is kept)
#   ./check-fresh.sh --from-scratch    # ...and delete the venv first (reinstalls from PyPI)
#   ./check-fresh.sh --keep-data       # down.sh (data kept), up.sh, assertions
#   ./check-fresh.sh --move-etc-swift  # if /etc/swift exists: move it aside, put it back at exit
#   ./check-fresh.sh --down            # run down.sh at the end (pass or fail)
#
# Fails (exit 1) if /etc/swift exists (without --move-etc-swift) or appears, if up.sh fails, if a
# Swift process is not running with the recipe's OSTACK_SWIFT_DIR, if the proxy does not answer
# for the account and containers seeded by seed_extras.py, if the container updater does not
# bring the account totals up, or if seed.py / seed_extras.py / seed_callers.py / seed_failures.py /
# seed_telemetry.py report failed steps.
# Honours OSTACK_BASE; OSTACK_SERVICES must include swift.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BASE="${OSTACK_BASE:-/tmp/ostack}"
SW="$BASE/etc/swift"
move_etc=0 purge=1 scratch=0 down=0
for a in "$@"; do
  case "$a" in
    --move-etc-swift) move_etc=1 ;;
    --keep-data) purge=0 ;;
    --from-scratch) scratch=1 ;;
    --down) down=1 ;;
    -h|--help) sed -n '2,/^set /p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-fresh.sh: unknown argument $a (see --help)" >&2; exit 2 ;;
  esac
done

T0=$SECONDS
fails=0
say() { printf '[check %4ss] %s\n' "$((SECONDS - T0))" "$*"; }
ok() { say "ok   $*"; }
bad() { say "FAIL $*"; fails=$((fails + 1)); }

if [[ -n "${OSTACK_SERVICES:-}" && " $OSTACK_SERVICES " != *" swift "* ]]; then
  echo "check-fresh.sh: OSTACK_SERVICES='$OSTACK_SERVICES' has no swift: nothing to check" >&2; exit 2
fi

moved=""
finish() {
  local rc=$?
  if ((down)); then say "down.sh"; "$HERE/down.sh" | sed 's/^/    /'; fi
  if [[ -n "$moved" ]]; then
    if [[ -e /etc/swift ]]; then
      say "FAIL /etc/swift was created during the check; the original stays at $moved"; rc=1
    else
      mv "$moved" /etc/swift && say "put /etc/swift back"
    fi
  fi
  exit "$rc"
}
trap finish EXIT

if [[ -e /etc/swift ]]; then
  if ((move_etc)); then
    moved="/etc/swift.check-fresh.$$"
    mv /etc/swift "$moved" || { echo "check-fresh.sh: cannot move /etc/swift aside" >&2; exit 1; }
    say "moved /etc/swift to $moved for the check"
  else
    echo "check-fresh.sh: /etc/swift exists, so this machine is not fresh; rerun with --move-etc-swift" >&2
    exit 1
  fi
fi
ok "/etc/swift is absent"

# Every process must start from the current recipe: stop what an earlier up.sh started.
if ((purge)); then
  say "down.sh --purge (configs, data, logs; the venv is kept)"; "$HERE/down.sh" --purge | sed 's/^/    /'
else
  say "down.sh (data kept)"; "$HERE/down.sh" | sed 's/^/    /'
fi
if ((scratch)); then say "deleting $BASE/venv"; rm -rf "$BASE/venv"; fi

say "up.sh"
t_up=$SECONDS
"$HERE/up.sh" 2>&1 | sed 's/^/    /'
up_rc=${PIPESTATUS[0]}
if ((up_rc != 0)); then
  bad "up.sh exited with $up_rc after $((SECONDS - t_up))s"
  exit 1
fi
ok "up.sh finished in $((SECONDS - t_up))s"

[[ -e /etc/swift ]] && bad "/etc/swift exists after up.sh" || ok "/etc/swift still absent"

for n in swift-account swift-container swift-object swift-proxy swift-container-updater; do
  pf="$BASE/run/$n.pid"
  pid="$(cat "$pf" 2>/dev/null || true)"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then bad "$n is not running"; continue; fi
  if tr '\0' '\n' < "/proc/$pid/environ" | grep -qx "OSTACK_SWIFT_DIR=$SW"; then
    ok "$n (pid $pid) runs with OSTACK_SWIFT_DIR=$SW"
  else
    bad "$n (pid $pid) runs without OSTACK_SWIFT_DIR=$SW"
  fi
done

# The hook in the venv, seen from a fresh interpreter the way the servers start.
if OSTACK_SWIFT_DIR="$SW" "$BASE/venv/bin/python" - "$SW/swift.conf" <<'EOF'
import sys
from swift.common import constraints, storage_policy, utils
want = sys.argv[1]
assert utils.SWIFT_CONF_FILE == want, utils.SWIFT_CONF_FILE
assert utils.HASH_PATH_PREFIX == b"ostack" and utils.HASH_PATH_SUFFIX == b"ostack"
assert constraints.SWIFT_CONSTRAINTS_LOADED, "constraints not read from swift.conf"
assert storage_policy.POLICIES.default.name == "Policy-0"
utils.validate_configuration()
EOF
then ok "swift.common.utils reads $SW/swift.conf (hash prefix/suffix, policies, constraints)"
else bad "swift.common.utils does not read $SW/swift.conf"; fi

export OS_CLIENT_CONFIG_FILE="$HERE/clouds.yaml"
OSC="$BASE/venv/bin/openstack"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 http://127.0.0.1:8080/healthcheck)
[[ "$code" == 200 ]] && ok "proxy /healthcheck -> 200" || bad "proxy /healthcheck -> $code"

list=$("$OSC" --os-cloud ostack-admin container list -f value -c Name 2>&1)
if grep -qx backups <<<"$list" && grep -qx logs <<<"$list"; then
  ok "admin container list: $(echo $list)"
else
  bad "admin container list lacks backups/logs: $(echo $list | cut -c1-300)"
fi
list=$("$OSC" --os-cloud ostack-demo container list -f value -c Name 2>&1)
grep -qx assets <<<"$list" && ok "demo container list: $(echo $list)" \
  || bad "demo container list lacks assets: $(echo $list | cut -c1-300)"

objs=$("$OSC" --os-cloud ostack-admin object list backups -f value -c Name 2>&1)
grep -q '^db/' <<<"$objs" && ok "objects in backups: $(echo $objs)" \
  || bad "no db/ objects in backups: $(echo $objs | cut -c1-300)"

# HEAD of the account through the proxy (Keystone token): the object count and bytes are
# written by the container updater, so they only grow above 0 if it runs (interval 5 s).
token=$("$OSC" --os-cloud ostack-admin token issue -f value -c id 2>/dev/null)
project=$("$OSC" --os-cloud ostack-admin token issue -f value -c project_id 2>/dev/null)
count="" head=""
for _ in $(seq 1 30); do
  head=$(curl -s -I --max-time 5 -H "X-Auth-Token: $token" "http://127.0.0.1:8080/v1/AUTH_$project" | tr -d '\r')
  count=$(awk -F': ' 'tolower($1)=="x-account-object-count"{print $2}' <<<"$head")
  [[ -n "$count" && "$count" -gt 0 ]] && break
  sleep 2
done
status=$(head -1 <<<"$head")
if [[ "$status" =~ ^HTTP/[0-9.]+\ 2[0-9][0-9] && -n "$count" && "$count" -gt 0 ]]; then
  ok "HEAD /v1/AUTH_$project -> ${status#HTTP/* }: $(grep -i '^x-account-\(object-count\|bytes-used\|container-count\|meta-quota-bytes\)' <<<"$head" | sort | tr '\n' ' ')"
else
  bad "HEAD /v1/AUTH_$project -> '$status', object count '${count}' (container updater not running?)"
fi

seedlog="$BASE/log/seed.log"
for s in "seed done" "seed_extras:" "seed_callers:" "seed_failures:" "seed_telemetry:"; do
  line=$(grep "^$s.*failed steps" "$seedlog" 2>/dev/null | tail -1)
  [[ "$line" == *"failed steps: 0"* ]] && ok "$line" || bad "${line:-no '$s' summary in $seedlog}"
done

if ((fails)); then say "check-fresh: $fails check(s) FAILED"; exit 1; fi
say "check-fresh: all checks passed"
