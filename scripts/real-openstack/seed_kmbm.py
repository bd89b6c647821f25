#!/usr/bin/env python3
"""Seed Barbican and Ironic (openstacksdk), idempotently, on top of seed.py's data.

- Barbican, demo project: `web-tls-cert` (certificate, expires in 5 days), `web-tls-key`
  (private), `db-password` (passphrase, expires in 90 days, ACL: one user, no project access), a
  certificate container `web-tls` over the two, a key order that made `backup-encryption-key`
  and a key order that fails (DES-512: no crypto plugin makes it). Admin project: `admin-kek` and a
  generic container. Every payload is a canary (`osmcpcanary-barbican-payload-*`).
- Ironic (fake-hardware): `bm-real-0` tied to a Nova server (instance_uuid), `bm-real-1` claimed
  by an allocation, `bm-real-2` in maintenance with a reason; each node's driver_info holds a
  canary ipmi_password; two ports of bm-real-0 in a portgroup; an allocation that fails.
Each object is looked up by name first; steps report like seed.py's.
"""
import datetime
import sys

from seed import FAILED, SERVICES, connect, get_or, step

HOST = "127.0.0.1"


def payload(name):
    return f"osmcpcanary-barbican-payload-{name}"


def in_days(days):
    at = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=days)
    return at.strftime("%Y-%m-%dT%H:%M:%S")


def secret(conn, name, **attrs):
    def find():
        return next(iter(conn.key_manager.secrets(name=name)), None)
    return step(f"secret {name}", get_or, find, lambda: conn.key_manager.create_secret(
        name=name, payload=payload(name), payload_content_type="text/plain", **attrs))


def uuid_of(ref):
    return ref.rstrip("/").rsplit("/", 1)[-1]


def seed_barbican(admin, demo):
    print("barbican:")
    cert = secret(demo, "web-tls-cert", secret_type="certificate", algorithm="rsa", bit_length=2048,
                  expiration=in_days(5))
    key = secret(demo, "web-tls-key", secret_type="private", algorithm="rsa", bit_length=2048)
    password = secret(demo, "db-password", secret_type="passphrase", expiration=in_days(90))
    kek = secret(admin, "admin-kek", secret_type="symmetric", algorithm="aes", bit_length=256, mode="xts")
    reader = admin.identity.find_user("demo_reader") or admin.identity.find_user("demo")
    if password and reader:
        step("acl db-password", lambda: demo.session.put(
            f"http://{HOST}:9311/v1/secrets/{uuid_of(password.secret_ref)}/acl",
            json={"read": {"users": [reader.id], "project-access": False}}))

    def container(conn, name, ctype, refs):
        def find():
            return next((c for c in conn.key_manager.containers() if c.name == name), None)
        return step(f"container {name}", get_or, find, lambda: conn.key_manager.create_container(
            name=name, type=ctype, secret_refs=[{"name": n, "secret_ref": s.secret_ref} for n, s in refs]))
    if cert and key:
        container(demo, "web-tls", "certificate", [("certificate", cert), ("private_key", key)])
    if kek:
        container(admin, "kek-bundle", "generic", [("kek", kek)])

    def order(name, otype, meta):
        def find():
            return next((o for o in demo.key_manager.orders() if (o.meta or {}).get("name") == name), None)
        return step(f"order {name}", get_or, find, lambda: demo.key_manager.create_order(type=otype, meta=meta))
    order("backup-encryption-key", "key", {"name": "backup-encryption-key", "algorithm": "aes", "bit_length": 256,
                                           "mode": "cbc", "payload_content_type": "application/octet-stream"})
    # Barbican dropped certificate orders; a key no crypto plugin can make fails the same way.
    order("legacy-des-key", "key", {"name": "legacy-des-key", "algorithm": "des", "bit_length": 512, "mode": "cbc",
                                    "payload_content_type": "application/octet-stream"})


def seed_ironic(admin):
    print("ironic:")
    bm = admin.baremetal
    servers = admin.compute.servers(all_projects=True) if "nova" in SERVICES else []
    server = next((s for s in servers if s.status == "ACTIVE"), None)
    nodes = {}
    for index in range(3):
        name = f"bm-real-{index}"
        nodes[name] = step(f"node {name}", get_or, lambda n=name: bm.find_node(n), lambda n=name, i=index: bm.create_node(
            name=n, driver="fake-hardware", resource_class="baremetal.large",
            driver_info={"ipmi_address": f"10.20.0.{11 + i}", "ipmi_username": "admin",
                         "ipmi_password": f"osmcpcanary-ironic-ipmi-password-{i}"},
            properties={"cpus": 64, "memory_mb": 262144, "local_gb": 1800, "cpu_arch": "x86_64"}))
    for name, node in nodes.items():
        if node and node.provision_state == "enroll":
            step(f"manage {name}", lambda n=node: bm.set_node_provision_state(n, "manage", wait=True, timeout=120))
        node = bm.get_node(node.id) if node else None
        if node and node.provision_state == "manageable":
            step(f"provide {name}", lambda n=node: bm.set_node_provision_state(n, "provide", wait=True, timeout=120))
    first, second, third = (bm.get_node(n.id) for n in nodes.values())
    if server and not first.instance_id:
        step("bm-real-0 instance", lambda: bm.update_node(first, instance_id=server.id))
    if not third.is_maintenance:
        step("bm-real-2 maintenance", lambda: bm.set_node_maintenance(
            third, reason="BMC stopped answering after a firmware upgrade"))
    group = step("portgroup bm-real-0-bond0", get_or,
                 lambda: next(iter(bm.port_groups(node=first.id)), None),
                 lambda: bm.create_port_group(node_id=first.id, name="bm-real-0-bond0", address="52:54:00:bb:00:01"))
    for nic in (1, 2):
        address = f"52:54:00:bb:00:0{nic}"
        step(f"port {address}", get_or, lambda a=address: next(iter(bm.ports(address=a)), None),
             lambda a=address: bm.create_port(node_id=first.id, address=a, port_group_id=group.id if group else None))
    step("port 52:54:00:bb:01:01", get_or, lambda: next(iter(bm.ports(address="52:54:00:bb:01:01")), None),
         lambda: bm.create_port(node_id=second.id, address="52:54:00:bb:01:01"))

    def allocation(name, resource_class):
        return step(f"allocation {name}", get_or, lambda: next((a for a in bm.allocations() if a.name == name), None),
                    lambda: bm.create_allocation(name=name, resource_class=resource_class))
    allocation("bm-real-allocation", "baremetal.large")
    allocation("gpu-request", "baremetal.gpu")


def main():
    admin = connect()
    demo = connect(user="demo", project="demo")
    if "barbican" in SERVICES:
        seed_barbican(admin, demo)
    if "ironic" in SERVICES:
        seed_ironic(admin)
    if FAILED:
        print(f"seed_kmbm: {len(FAILED)} step(s) failed: {', '.join(FAILED)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
