#!/usr/bin/env python3
"""Seed Heat, Octavia and Swift on top of seed.py's data (openstacksdk), idempotently.

- Heat: `web-tier` made a server and a nested stack, with outputs and a hidden parameter;
  `db-tier` made a server and then failed on its second resource (CREATE_FAILED);
  `demo-config` and `demo-secrets` are small stacks in the demo project.
- Octavia: `web-lb` on the `private` subnet, with listener `web-http` (HTTP:80), pool `web-pool`
  (ROUND_ROBIN) with an HTTP health monitor, and members at vm1's and vm2's fixed IPs.
- Swift: containers `backups` and `logs` (admin) and `assets` (demo), objects under prefixes, one
  with X-Object-Meta-* headers, and a quota on the admin account.
- Canary secrets (seed.CANARIES): TempURL keys on the admin and demo accounts, a TempURL key and a
  sync key on `backups` and `assets`, an object whose metadata holds a URL with userinfo, and the
  stacks `canary-stack` (admin) and `demo-canary` (demo) whose hidden parameter holds a canary.
Every object is looked up by name first; steps report like seed.py's.
"""
import sys
import time

from seed import CANARIES, CANARY_URL, FAILED, USER_PW, SERVICES, connect, step

WEB_TIER = """
heat_template_version: 2018-08-31
description: Web tier made by seed_extras.py
parameters:
  flavor: {type: string, default: m1.tiny}
  image: {type: string, default: cirros-0.6.3-fake}
  network: {type: string, default: private}
  admin_password: {type: string, default: not-a-real-secret, hidden: true}
resources:
  web_server:
    type: OS::Nova::Server
    properties:
      name: heat-web-0
      flavor: {get_param: flavor}
      image: {get_param: image}
      networks: [{network: {get_param: network}}]
      user_data_format: RAW
  monitoring:
    type: OS::Heat::Stack
    properties:
      template: |
        heat_template_version: 2018-08-31
        resources:
          alarm_topic: {type: OS::Heat::RandomString, properties: {length: 12}}
        outputs:
          topic: {value: {get_attr: [alarm_topic, value]}}
outputs:
  web_ip:
    description: Fixed IP of the web server
    value: {get_attr: [web_server, first_address]}
  server_id:
    value: {get_resource: web_server}
"""

DB_TIER = """
heat_template_version: 2018-08-31
description: A server, then a resource that fails
resources:
  db_server:
    type: OS::Nova::Server
    properties:
      name: heat-db-0
      flavor: m1.tiny
      image: cirros-0.6.3-fake
      networks: [{network: private}]
      user_data_format: RAW
  db_setup:
    type: OS::Heat::TestResource
    depends_on: db_server
    properties:
      fail: true
      value: the database setup failed on purpose
"""


DEMO_CONFIG = """
heat_template_version: 2018-08-31
description: A small stack in the demo project
resources:
  token: {type: OS::Heat::RandomString, properties: {length: 16}}
outputs:
  token_length: {value: 16}
"""


# A hidden parameter that a resource uses, as a database password would be.
CANARY_STACK = """
heat_template_version: 2018-08-31
description: A hidden parameter holding a canary secret (seed_extras.py)
parameters:
  db_password: {type: string, hidden: true, description: the database password}
resources:
  db_config:
    type: OS::Heat::None
    properties:
      password: {get_param: db_password}
outputs:
  configured: {value: true}
"""


def wait(what, check, timeout=300, every=3):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise TimeoutError(f"{what} not reached in {timeout}s")


def seed_heat(admin, demo):
    print("heat:")

    def stack(name, template, want, orch=admin.orchestration, parameters=None):
        found = orch.find_stack(name, ignore_missing=True)
        if found:
            return ("exists", found)
        orch.create_stack(name=name, template=template, parameters=parameters or {}, timeout_mins=15)

        def settled():
            s = orch.find_stack(name, ignore_missing=True)
            return s if s and not s.status.endswith("IN_PROGRESS") else None
        result = wait(f"stack {name}", settled)
        if not result.status.endswith(want):
            raise RuntimeError(f"stack {name} is {result.status}: {result.status_reason}")
        return result
    step("stack web-tier (server + nested stack, CREATE_COMPLETE)", stack, "web-tier", WEB_TIER, "COMPLETE")
    step("stack db-tier (server, then CREATE_FAILED)", stack, "db-tier", DB_TIER, "FAILED")
    if demo is not None:
        # Two stacks in the member's project too, so a member's list (and its paging) has something to show.
        for name in ("demo-config", "demo-secrets"):
            step(f"stack {name} (demo project)", stack, name, DEMO_CONFIG, "COMPLETE", demo.orchestration)
    hidden = {"db_password": CANARIES["heat-hidden"]}
    step("stack canary-stack (hidden parameter db_password = canary)", stack, "canary-stack", CANARY_STACK,
         "COMPLETE", admin.orchestration, hidden)
    if demo is not None:
        step("stack demo-canary (demo project, hidden parameter = canary)", stack, "demo-canary", CANARY_STACK,
             "COMPLETE", demo.orchestration, hidden)


def seed_octavia(admin):
    print("octavia:")
    lb_api = admin.load_balancer
    subnet = admin.network.find_subnet("private-subnet") or next(iter(admin.network.subnets(name="private-subnet")), None)
    if subnet is None:
        subnet = next((s for s in admin.network.subnets() if s.ip_version == 4 and not s.name.startswith("public")), None)

    def active(lb_id):
        def settled():
            lb = lb_api.get_load_balancer(lb_id)
            if lb.provisioning_status == "ERROR":
                raise RuntimeError(f"load balancer {lb.name} went to ERROR (see octavia-worker.log)")
            return lb.provisioning_status == "ACTIVE" and lb
        return wait("load balancer ACTIVE", settled)

    def balancer():
        found = lb_api.find_load_balancer("web-lb", ignore_missing=True)
        if found and found.provisioning_status == "ERROR":
            # A failed earlier run (for example before the CA existed): start over.
            lb_api.delete_load_balancer(found.id, cascade=True)
            wait("web-lb deleted", lambda: lb_api.find_load_balancer("web-lb", ignore_missing=True) is None)
        elif found:
            return ("exists", found)
        lb = lb_api.create_load_balancer(name="web-lb", vip_subnet_id=subnet.id, description="seed: web servers")
        return active(lb.id)
    lb = step(f"load balancer web-lb (subnet {subnet.name if subnet else '?'})", balancer)
    if not lb:
        return

    def listener():
        found = lb_api.find_listener("web-http", ignore_missing=True)
        if found:
            return ("exists", found)
        made = lb_api.create_listener(name="web-http", protocol="HTTP", protocol_port=80, load_balancer_id=lb.id)
        active(lb.id)
        return made
    li = step("listener web-http (HTTP:80)", listener)

    def pool():
        found = lb_api.find_pool("web-pool", ignore_missing=True)
        if found:
            return ("exists", found)
        made = lb_api.create_pool(name="web-pool", protocol="HTTP", lb_algorithm="ROUND_ROBIN", listener_id=li.id)
        active(lb.id)
        return made
    po = step("pool web-pool (ROUND_ROBIN)", pool) if li else None
    if not po:
        return

    def monitor():
        found = lb_api.find_health_monitor("web-monitor", ignore_missing=True)
        if found:
            return ("exists", found)
        made = lb_api.create_health_monitor(
            name="web-monitor", pool_id=po.id, type="HTTP", delay=5, timeout=3, max_retries=3, url_path="/healthz")
        active(lb.id)
        return made
    step("health monitor web-monitor (HTTP /healthz)", monitor)
    for server_name in ("vm1", "vm2"):
        def member(server_name=server_name):
            server = admin.compute.find_server(server_name, ignore_missing=True)
            if server is None:
                raise RuntimeError(f"no server {server_name}")
            address = next(a["addr"] for net in server.addresses.values() for a in net if a.get("OS-EXT-IPS:type", "fixed") == "fixed")
            if any(m.name == server_name for m in lb_api.members(po)):
                return ("exists", None)
            made = lb_api.create_member(po, name=server_name, address=address, protocol_port=8080, subnet_id=subnet.id)
            active(lb.id)
            return made
        step(f"member {server_name} in web-pool", member)


def seed_swift(admin, demo):
    print("swift:")
    store = admin.object_store

    def objects(conn, container, names, metadata=None):
        def put():
            existing = {o.name for o in conn.object_store.objects(container)} if any(
                c.name == container for c in conn.object_store.containers()) else set()
            conn.object_store.create_container(name=container)
            made = 0
            for name, body, kind in names:
                if name in existing:
                    continue
                headers = {f"X-Object-Meta-{k}": v for k, v in (metadata or {}).get(name, {}).items()}
                conn.object_store.put(f"/{container}/{name}", data=body, headers={"Content-Type": kind, **headers})
                made += 1
            return ("exists", None) if made == 0 else made
        return put
    backups = [
        ("db/2026-11-01.sql", b"-- dump 1\n" * 400, "application/sql"),
        ("db/2026-11-02.sql", b"-- dump 2\n" * 500, "application/sql"),
        ("web/index.html", b"<html>seed</html>\n", "text/html"),
    ]
    step("container backups (3 objects under db/ and web/)", objects(
        admin, "backups", backups, {"db/2026-11-01.sql": {"Source": "db-tier", "Retention-Days": "90"}}))
    logs = [(f"nova/compute-1/2026-11-0{d}.log", b"log line\n" * (100 * d), "text/plain") for d in range(1, 5)]
    step("container logs (4 objects under nova/compute-1/)", objects(admin, "logs", logs))
    if demo:
        step("container assets (demo)", objects(demo, "assets", [("css/site.css", b"body{}\n", "text/css")]))

    def quota():
        reseller = admin.identity.find_role("ResellerAdmin")
        project = admin.identity.find_project("admin")
        user = admin.identity.find_user("admin")
        admin.identity.assign_project_role_to_user(project, user, reseller)
        # A new token, so that it carries ResellerAdmin.
        fresh = connect()
        fresh.object_store.post("", headers={"X-Account-Meta-Quota-Bytes": str(1 << 30)})
        return True
    step("account quota 1 GiB (admin)", quota)
    seed_swift_canaries(admin, demo)


def seed_swift_canaries(admin, demo):
    """TempURL keys (account and container) and a container sync key: Swift shows them to the
    account's owners only (proxy `swift_owner_headers`): admin, and demo (member is an operator role)."""
    account_keys = {"X-Account-Meta-Temp-URL-Key": CANARIES["account-tempurl-1"],
                    "X-Account-Meta-Temp-URL-Key-2": CANARIES["account-tempurl-2"]}
    container_keys = {"X-Container-Meta-Temp-URL-Key": CANARIES["container-tempurl"],
                      "X-Container-Sync-Key": CANARIES["container-synckey"]}

    def post(conn, path, headers):
        def set_headers():
            store = conn.object_store
            have = store.head(path, raise_exc=False).headers
            if all(have.get(k) == v for k, v in headers.items()):
                return ("exists", None)
            answer = store.post(path, headers=headers, raise_exc=False)
            if answer.status_code not in (200, 201, 202, 204):
                raise RuntimeError(f"POST {path or 'account'}: HTTP {answer.status_code} {answer.text[:200]}")
            have = store.head(path, raise_exc=False).headers
            missing = [k for k, v in headers.items() if have.get(k) != v]
            if missing:
                raise RuntimeError(f"Swift accepted but does not show {missing} on {path or 'the account'}")
            return True
        return set_headers
    accounts = [("admin", admin, "backups")] + ([("demo", demo, "assets")] if demo else [])
    for label, conn, container in accounts:
        step(f"canary TempURL keys on the {label} account", post(conn, "", account_keys))
        step(f"canary TempURL key + sync key on container {container} ({label})", post(conn, container, container_keys))

    def mirror():
        path = "backups/web/mirror.txt"
        have = admin.object_store.head(path, raise_exc=False)
        if have.status_code == 200 and have.headers.get("X-Object-Meta-Mirror-Url") == CANARY_URL:
            return ("exists", None)
        admin.object_store.put(path, data=b"mirror of the web assets\n",
                               headers={"Content-Type": "text/plain", "X-Object-Meta-Mirror-Url": CANARY_URL})
        return True
    step("object backups/web/mirror.txt (metadata Mirror-Url with userinfo)", mirror)


def main():
    admin = connect()
    try:
        demo = connect("demo", "demo", USER_PW)
        demo.authorize()
    except Exception:  # noqa: BLE001 - seed.py may not have made the demo user
        demo = None
    if "heat" in SERVICES:
        seed_heat(admin, demo)
    if "octavia" in SERVICES:
        seed_octavia(admin)
    if "swift" in SERVICES:
        seed_swift(admin, demo)
    print(f"seed_extras: failed steps: {len(FAILED)}" + (f" -> {FAILED}" if FAILED else ""))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
