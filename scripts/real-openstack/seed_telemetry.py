#!/usr/bin/env python3
"""Seed Gnocchi and Aodh, idempotently, on top of seed.py's servers; or feed measures.

`seed_telemetry.py` (up.sh, openstacksdk from the recipe's venv):
- Gnocchi: the resource type `instance` as Ceilometer defines it (display_name, host, flavor_id,
  flavor_name, image_ref, server_group); an `instance` resource per server named here (admin's vm1,
  vm2, vm-stopped; demo's demo-vm), its ID the server's, with `cpu_util` (%) and `memory.usage`
  (MB) under the default `medium` archive policy; the last hour of measures, one a minute, for the
  running ones (vm-stopped reports nothing, as a stopped server does).
- Aodh, as the servers' owners: admin's `vm1-cpu-high` (cpu_util > 80; vm1 runs near 90, so it
  fires), `vm2-cpu-high` (vm2 runs near 30: ok) and `vm-stopped-cpu-idle` (no measures:
  insufficient data); demo's `demo-vm-cpu-high` (ok).
  The evaluator moves them out of "insufficient data", which is their history.
- Writes $OSTACK_BASE/data/gnocchi/feed.json: the resources the feeder keeps reporting.

`seed_telemetry.py feed` (telemetry.sh starts it as telemetry-feeder, keystoneauth1 from the
telemetry venv): Ceilometer's part. Every minute it posts each fed metric's points for the minutes
since its last post (at most the last hour, so a restart fills the gap), as the gnocchi service user.
Values are a function of the resource and the minute, so a re-post writes the same points.
"""
import datetime
import hashlib
import json
import math
import os
import sys
import time

HOST = "127.0.0.1"
GNOCCHI = f"http://{HOST}:8041/v1"
AODH = f"http://{HOST}:8042/v2"
BASE = os.environ.get("OSTACK_BASE", "/tmp/ostack")
FEED = os.path.join(BASE, "data", "gnocchi", "feed.json")
# server name -> (cpu_util level, its swing, memory.usage MB); None: the server reports nothing.
PROFILES = {"vm1": (90.0, 3.0, 1500.0), "vm2": (30.0, 10.0, 800.0), "vm-stopped": None, "demo-vm": (22.0, 6.0, 600.0)}
INSTANCE_ATTRIBUTES = {
    "display_name": {"type": "string", "required": True},
    "host": {"type": "string", "required": True},
    "flavor_id": {"type": "string", "required": True},
    "flavor_name": {"type": "string", "required": False},
    "image_ref": {"type": "string", "required": False},
    "server_group": {"type": "string", "required": False},
}


def value(resource_id, metric, minute, profile):
    """The point of one minute (epoch seconds, a multiple of 60): a slow wave plus fixed noise."""
    level, swing, memory = profile
    noise = int(hashlib.sha256(f"{resource_id}/{metric}/{minute}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF - 0.5
    wave = math.sin(minute / 3600 * 2 * math.pi)
    if metric == "cpu_util":
        return round(level + swing * wave + 2 * noise, 2)
    return round(memory + 40 * wave + 10 * noise, 1)


def points(feed, since, until):
    """The batch body for the minutes in (since, until], per resource and metric."""
    body = {}
    first = (int(since) // 60 + 1) * 60
    for resource_id, profile in feed.items():
        body[resource_id] = {
            metric: [{"timestamp": datetime.datetime.fromtimestamp(m, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"),
                      "value": value(resource_id, metric, m, profile)} for m in range(first, int(until) + 1, 60)]
            for metric in ("cpu_util", "memory.usage")}
    return body


def post_measures(session, feed, since, until):
    response = session.post(f"{GNOCCHI}/batch/resources/metrics/measures", json=points(feed, since, until),
                            raise_exc=False)
    if response.status_code not in (200, 202):
        raise RuntimeError(f"gnocchi batch measures: {response.status_code} {response.text[:200]}")


# ------------------------------------------------------------------ feed (telemetry-feeder)
def feed_forever():
    from keystoneauth1 import session as ks_session
    from keystoneauth1.identity import v3
    auth = v3.Password(auth_url=f"http://{HOST}:5000/v3", username="gnocchi",
                       password=os.environ.get("OSTACK_SERVICE_PASSWORD", "secret"), project_name="service",
                       user_domain_name="Default", project_domain_name="Default")
    session = ks_session.Session(auth=auth)
    last = {}
    while True:
        now = time.time()
        try:
            with open(FEED) as f:
                feed = {k: tuple(v) for k, v in json.load(f).items()}
            due = {rid: p for rid, p in feed.items() if now - last.get(rid, 0) >= 60}
            if due:
                since = min(last.get(rid, now - 3600) for rid in due)
                post_measures(session, due, max(since, now - 3600), now)
                last.update({rid: now for rid in due})
        except FileNotFoundError:
            pass  # not seeded yet
        except Exception as error:  # noqa: BLE001 - a feeder keeps feeding; the next round retries
            print(f"{datetime.datetime.now().isoformat()} feed failed: {error}", flush=True)
        time.sleep(15)


# ------------------------------------------------------------------ seed
def seed(admin, demo, step, get_or, with_aodh):
    def call(conn, method, url, **kw):
        response = conn.session.request(url, method, raise_exc=False, **kw)
        if response.status_code >= 400:
            raise RuntimeError(f"{method} {url}: {response.status_code} {response.text[:300]}")
        return response.json() if response.content else None

    def find_type():
        return call(admin, "GET", f"{GNOCCHI}/resource_type/instance") if admin.session.get(
            f"{GNOCCHI}/resource_type/instance", raise_exc=False).status_code == 200 else None
    print("gnocchi:")
    step("resource type instance", get_or, find_type, lambda: call(
        admin, "POST", f"{GNOCCHI}/resource_type", json={"name": "instance", "attributes": INSTANCE_ATTRIBUTES}))
    # vm1, vm2 and vm-stopped are the admin project's, demo-vm the demo project's.
    owners = {conn.current_project_id: conn for conn in (admin, demo)}
    servers = {s.name: s for s in admin.compute.servers(all_projects=True)
               if s.name in PROFILES and s.project_id in owners}
    flavors = {}
    feed = {}
    for name, profile in PROFILES.items():
        server = servers.get(name)
        if server is None:
            print(f"  skip   instance {name}: no such server in projects admin and demo")
            continue
        flavor = server.flavor or {}
        flavor_name = flavor.get("original_name") or flavor.get("name")
        if flavor_name and flavor_name not in flavors:
            found = admin.compute.find_flavor(flavor_name)
            flavors[flavor_name] = found.id if found else flavor_name

        def find(sid=server.id):
            response = admin.session.get(f"{GNOCCHI}/resource/instance/{sid}", raise_exc=False)
            return response.json() if response.status_code == 200 else None

        def create(s=server, fname=flavor_name):
            return call(admin, "POST", f"{GNOCCHI}/resource/instance", json={
                "id": s.id, "project_id": s.project_id, "user_id": s.user_id, "display_name": s.name,
                "host": s.compute_host or s.hypervisor_hostname or "unknown", "flavor_id": flavors.get(fname, ""),
                "flavor_name": fname, "image_ref": (s.image or {}).get("id"), "started_at": s.created_at,
                "metrics": {"cpu_util": {"archive_policy_name": "medium", "unit": "%"},
                            "memory.usage": {"archive_policy_name": "medium", "unit": "MB"}}})
        step(f"instance {name} ({server.id})", get_or, find, create)
        if profile:
            feed[server.id] = profile
    if feed:
        now = time.time()
        step(f"measures of the last hour ({len(feed)} servers, 2 metrics, 1 a minute)",
             lambda: post_measures(admin.session, feed, now - 3600, now))
    os.makedirs(os.path.dirname(FEED), exist_ok=True)
    with open(FEED + ".tmp", "w") as f:
        json.dump(feed, f)
    os.replace(FEED + ".tmp", FEED)

    if not with_aodh:
        return
    print("aodh:")
    for name, server_name, threshold, operator, severity in [
            ("vm1-cpu-high", "vm1", 80.0, "gt", "critical"),
            ("vm2-cpu-high", "vm2", 80.0, "gt", "moderate"),
            ("vm-stopped-cpu-idle", "vm-stopped", 2.0, "lt", "low"),
            ("demo-vm-cpu-high", "demo-vm", 80.0, "gt", "moderate")]:
        server = servers.get(server_name)
        if server is None:
            continue
        owner = owners[server.project_id]

        def find(n=name, owner=owner):
            return next(iter(call(owner, "GET", f"{AODH}/alarms", params={
                "q.field": "name", "q.op": "eq", "q.value": n})), None)

        def create(n=name, s=server, t=threshold, op=operator, sev=severity, owner=owner):
            return call(owner, "POST", f"{AODH}/alarms", json={
                "name": n, "type": "gnocchi_resources_threshold", "severity": sev,
                "description": f"{s.name} cpu_util {op} {t:g}% for 3 minutes",
                "gnocchi_resources_threshold_rule": {
                    "metric": "cpu_util", "resource_type": "instance", "resource_id": s.id,
                    "aggregation_method": "mean", "granularity": 60, "evaluation_periods": 3,
                    "threshold": t, "comparison_operator": op}})
        alarm = step(f"alarm {name}", get_or, find, create)
        if alarm:
            print(f"         {name}: {alarm.get('state')}")


def main():
    if sys.argv[1:] == ["feed"]:
        feed_forever()
        return 0
    from seed import FAILED, SERVICES, connect, get_or, step
    if "gnocchi" not in SERVICES or "nova" not in SERVICES:
        return 0
    admin = connect()
    demo = connect(user="demo", project="demo")
    seed(admin, demo, step, get_or, "aodh" in SERVICES)
    print(f"seed_telemetry: failed steps: {len(FAILED)}{': ' + ', '.join(FAILED) if FAILED else ''}")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
