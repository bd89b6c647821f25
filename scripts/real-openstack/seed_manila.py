#!/usr/bin/env python3
"""Seed Manila (the dummy driver, share servers on Neutron ports), idempotently, on seed.py's data.

- The share type `default` (driver_handles_share_servers, snapshots) and a private type `gold`
  the demo project may use.
- Admin project: share network `private-share-net` on seed.py's `private`/`private-subnet`; the
  NFS share `admin-share` (1 GiB) on it, read-write to 10.10.0.0/24, and its snapshot.
- Demo project: share network `demo-share-net` on `demo-net`; the NFS share `demo-share` (2 GiB),
  read-only to the demo subnet, and its snapshot `demo-share-snap`.
- Quotas of the demo project (shares 20, gigabytes 200), so its limits are not the defaults.
Each share gets a share server (two Neutron ports on its subnet). Each object is looked up by name
first; steps report like seed.py's.
"""
import sys
import time

from seed import FAILED, connect, get_or, step

# Share networks with subnets, access rules as objects, quotas per share type: all there by 2.51.
HEADERS = {"X-OpenStack-Manila-API-Version": "2.65"}


class Manila:
    """Manila's REST API through one account's session (the SDK lacks types and quotas)."""

    def __init__(self, conn):
        self.conn, self.api = conn, conn.shared_file_system

    def get(self, path):
        answer = self.api.get(path, headers=HEADERS)
        answer.raise_for_status()
        return answer.json()

    def post(self, path, body):
        answer = self.api.post(path, json=body, headers=HEADERS)
        if answer.status_code >= 400:
            raise RuntimeError(f"POST {path}: {answer.status_code} {answer.text[:300]}")
        return answer.json() if answer.text else {}

    def put(self, path, body):
        answer = self.api.put(path, json=body, headers=HEADERS)
        if answer.status_code >= 400:
            raise RuntimeError(f"PUT {path}: {answer.status_code} {answer.text[:300]}")
        return answer.json()

    def named(self, collection, key, name):
        return next((item for item in self.get(f"/{collection}?name={name}")[key] if item.get("name") == name), None)

    def wait(self, path, key, want, timeout=180):
        deadline = time.time() + timeout
        while True:
            item = self.get(path)[key]
            if item["status"] == want:
                return item
            if item["status"].startswith("error") or time.time() > deadline:
                raise RuntimeError(f"{path}: {item['status']} (wanted {want})")
            time.sleep(1)


def share_type(admin, name, public, extra, description=None):
    def find():
        return next((t for t in admin.get("/types?is_public=all")["share_types"] if t["name"] == name), None)
    return step(f"share type {name}", get_or, find, lambda: admin.post("/types", {"share_type": {
        "name": name, "share_type_access:is_public": public, **({"description": description} if description else {}),
        "extra_specs": {"driver_handles_share_servers": True, **extra}}})["share_type"])


def share_network(manila, name, network, subnet):
    return step(f"share network {name}", get_or, lambda: manila.named("share-networks/detail", "share_networks", name),
                lambda: manila.post("/share-networks", {"share_network": {
                    "name": name, "neutron_net_id": network.id, "neutron_subnet_id": subnet.id,
                    "description": f"Shares exported on {subnet.cidr}"}})["share_network"])


def share(manila, name, size, network, type_name, rule, level):
    def make():
        made = manila.post("/shares", {"share": {"name": name, "size": size, "share_proto": "NFS",
                                                 "share_network_id": network["id"], "share_type": type_name}})["share"]
        return manila.wait(f"/shares/{made['id']}", "share", "available")
    made = step(f"share {name}", get_or, lambda: manila.named("shares/detail", "shares", name), make)
    if not made:
        return None
    rules = manila.get(f"/share-access-rules?share_id={made['id']}")["access_list"]
    if not any(r["access_to"] == rule for r in rules):
        step(f"access {name} -> {rule} ({level})", lambda: manila.post(f"/shares/{made['id']}/action", {
            "allow_access": {"access_type": "ip", "access_to": rule, "access_level": level}}))
    else:
        print(f"  exists access {name} -> {rule}")
    snap = f"{name}-snap"

    def snapshot():
        made_snap = manila.post("/snapshots", {"snapshot": {"share_id": made["id"], "name": snap,
                                                            "description": f"Nightly snapshot of {name}"}})["snapshot"]
        return manila.wait(f"/snapshots/{made_snap['id']}", "snapshot", "available")
    step(f"snapshot {snap}", get_or, lambda: manila.named("snapshots/detail", "snapshots", snap), snapshot)
    return made


def wait_for_pool(admin):
    """The scheduler can place a share once manila-share has reported its pool."""
    deadline = time.time() + 120
    while not admin.get("/scheduler-stats/pools")["pools"]:
        if time.time() > deadline:
            raise RuntimeError("manila-share reported no pool in 120 s")
        time.sleep(2)
    return "ready"


def main():
    admin_conn, demo_conn = connect(), connect(user="demo", project="demo")
    admin, demo = Manila(admin_conn), Manila(demo_conn)
    print("manila:")
    if step("a pool reported by manila-share", wait_for_pool, admin) is None:
        return 1
    share_type(admin, "default", True, {"snapshot_support": True, "create_share_from_snapshot_support": True})
    gold = share_type(admin, "gold", False, {"snapshot_support": True}, "SSD-backed shares for the demo project")
    if gold:
        access = admin.get(f"/types/{gold['id']}/share_type_access")["share_type_access"]
        if not any(a["project_id"] == demo_conn.current_project_id for a in access):
            step("share type gold: access for demo", lambda: admin.post(f"/types/{gold['id']}/action", {
                "addProjectAccess": {"project": demo_conn.current_project_id}}))
    nw = admin_conn.network
    private, private_subnet = nw.find_network("private"), nw.find_subnet("private-subnet")
    if private and private_subnet:
        net = share_network(admin, "private-share-net", private, private_subnet)
        if net:
            share(admin, "admin-share", 1, net, "default", private_subnet.cidr, "rw")
    demo_net = demo_conn.network.find_network("demo-net")
    demo_subnet = next(iter(demo_conn.network.subnets(network_id=demo_net.id, ip_version=4)), None) if demo_net else None
    if demo_net and demo_subnet:
        net = share_network(demo, "demo-share-net", demo_net, demo_subnet)
        if net:
            share(demo, "demo-share", 2, net, "gold", demo_subnet.cidr, "ro")
    project = demo_conn.current_project_id
    quota = admin.get(f"/quota-sets/{project}")["quota_set"]
    if (quota.get("shares"), quota.get("gigabytes")) != (20, 200):
        step("quotas of demo: shares 20, gigabytes 200", lambda: admin.put(
            f"/quota-sets/{project}", {"quota_set": {"shares": 20, "gigabytes": 200}}))
    else:
        print("  exists quotas of demo: shares 20, gigabytes 200")
    if FAILED:
        print(f"seed_manila: {len(FAILED)} step(s) failed: {', '.join(FAILED)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
