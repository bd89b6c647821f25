#!/usr/bin/env python3
"""Seed Designate (issue 24) on top of seed.py, idempotently, as the demo user:

- zone `demo.example.org.` with an A record `<server>.demo.example.org.` for every floating IP of
  project demo that reaches a server, a CNAME `www` to the first of them and an MX;
- a PTR record on the first of those floating IPs (`openstack ptr record set`);
- zone `shared.example.org.` with a transfer request offered to project alt_demo;
- zone `broken.example.org.`, which bind9 refuses (designate.sh declares it in named.conf), so
  Designate leaves it in ERROR with action CREATE.

Then it waits until the zones are ACTIVE, i.e. on bind9 (the broken one: in ERROR).
"""
import sys
import time

from seed import FAILED, SERVICES, USER_PW, connect, get_or, step

ZONE = "demo.example.org."
SHARED = "shared.example.org."
BROKEN = "broken.example.org."


def wait_active(dns, zone_id, what, wanted="ACTIVE"):
    for _ in range(60):
        status = dns.get_zone(zone_id).status
        if status == wanted:
            return True
        if status in ("ACTIVE", "ERROR"):
            break
        time.sleep(2)
    FAILED.append(f"{what} not {wanted}")
    print(f"  FAILED {what} not {wanted}", flush=True)
    return False


def main():
    if "designate" not in SERVICES:
        return 0
    print("designate:")
    admin = connect()
    demo = connect("demo", "demo", USER_PW)
    dns = demo.dns
    zone = step(f"zone {ZONE}", get_or, lambda: dns.find_zone(ZONE),
                lambda: dns.create_zone(name=ZONE, email="hostmaster@demo.example.org", ttl=3600))
    project = demo.current_project_id
    hosts = []
    for fip in admin.network.ips(project_id=project):
        if not fip.port_id:
            continue
        port = admin.network.get_port(fip.port_id)
        if not (port.device_owner or "").startswith("compute:"):
            continue
        server = admin.compute.get_server(port.device_id)
        hosts.append((f"{server.name}.{ZONE}", fip))
    hosts.sort(key=lambda h: h[0])
    wait_active(dns, zone.id, ZONE)

    def recordset(name, rtype, records):
        def find():
            return next(iter(dns.recordsets(zone, name=name, type=rtype)), None)
        return step(f"{rtype} {name}", get_or, find,
                    lambda: dns.create_recordset(zone, name=name, type=rtype, records=records, ttl=300))

    for name, fip in hosts:
        recordset(name, "A", [fip.floating_ip_address])
    if hosts:
        recordset(f"www.{ZONE}", "CNAME", [hosts[0][0]])
        name, fip = hosts[0]
        ptr_id = f"RegionOne:{fip.id}"

        def set_ptr():
            current = dns.get_floating_ip(ptr_id)
            if current.ptrdname == name:
                return ("exists", current)
            return ("new", dns.update_floating_ip(ptr_id, ptrdname=name, ttl=3600, description="seeded PTR"))
        step(f"PTR {fip.floating_ip_address} -> {name}", set_ptr)
    else:
        FAILED.append("no floating IP of project demo reaches a server (seed.py)")
    recordset(ZONE, "MX", [f"10 mail.{ZONE}"])

    shared = step(f"zone {SHARED}", get_or, lambda: dns.find_zone(SHARED),
                  lambda: dns.create_zone(name=SHARED, email="hostmaster@demo.example.org", ttl=3600))
    wait_active(dns, shared.id, SHARED)
    alt = admin.identity.find_project("alt_demo")
    # Plain REST: this openstacksdk's transfer request proxy loses the zone ID.
    def offers():
        listed = dns.get("/zones/tasks/transfer_requests").json()["transfer_requests"]
        return next((t for t in listed if t["zone_id"] == shared.id), None)

    def offer():
        body = {"target_project_id": alt.id, "description": "hand the shared zone to alt_demo"}
        answer = dns.post(f"/zones/{shared.id}/tasks/transfer_requests", json=body)
        answer.raise_for_status()
        return answer.json()
    step(f"transfer request {SHARED} -> alt_demo", get_or, offers, offer)

    broken = step(f"zone {BROKEN} (bind9 refuses it)", get_or, lambda: dns.find_zone(BROKEN),
                  lambda: dns.create_zone(name=BROKEN, email="hostmaster@demo.example.org", ttl=3600))
    wait_active(dns, broken.id, BROKEN, wanted="ERROR")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
