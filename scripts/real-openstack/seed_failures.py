#!/usr/bin/env python3
"""Seed failures that the real services produce themselves (openstacksdk), idempotently.

Nothing here writes a status into a database: each failure is a request that the services
really refuse, or a configuration in which a real check (scheduler, router, rule) comes out
negative. The diagnosis tools (issue 21) and `IntegrationTests/realcloud/diagnose.py` look for
them by name:

- `diag-needs-gpu`: flavor `diag.gpu` requires trait CUSTOM_GPU_A100 (the trait exists in
  Placement, no provider has it); Nova's scheduler asks Placement for candidates, gets none,
  and puts the server in ERROR with "No valid host was found".
- `diag-isolated`: a server on `diag-isolated-net` / `diag-isolated-subnet`, which no router serves.
- `diag-web`: a server on `diag-web-net` (router `diag-router`, gateway on `public`) with a
  floating IP, whose only security group `diag-web-only` admits tcp 80 and 443 in, not 22.
- `diag-no-backend`: a volume of type `diag-fast` (`volume_backend_name=fast-nvme`, a backend
  nobody runs); the Cinder scheduler puts it in `error` and writes a user message.
- `diag-lb`: a load balancer on `diag-web-subnet` whose pool `diag-lb-pool` (HTTP health monitor
  `diag-lb-monitor`, so Octavia shows its members OFFLINE) has a member
  `diag-lb-ghost` at 10.40.0.200, outside the subnet's allocation pool and held by no port (and a
  member `diag-lb-web` at diag-web's address, for contrast).
- `demo-lb` (demo project): a healthy balancer with member `demo-lb-vm` at demo-vm's address, so
  that a member account has a balancer to diagnose too.
- project `diag-quota`: Cinder gigabytes quota 10, two volumes of 6 and 3 GiB (90 %).
For the read tools the diagnoses use: trait CUSTOM_DIAG_RACK_A and host aggregate `diag-agg` on
ostack-compute1, and one confirmed cold migration of `diag-isolated`.
The admin project's instance and core quotas are raised (20 / 40) so that these servers do not
bring it near its own limit: diag-quota is the only project meant to be near one.
"""
import sys

from seed import FAILED, SERVICES, USER_PW, connect, step
from seed_extras import wait

TRAIT = "CUSTOM_GPU_A100"
GHOST = "10.40.0.200"     # in diag-web-subnet, outside its allocation pool: nothing gets it by chance


def find_or(find, create):
    found = find()
    return ("exists", found) if found else create()


# ------------------------------------------------------------------ network
def seed_network(admin):
    print("network (diagnosis scenarios):")
    nw = admin.network
    mine = admin.current_project_id
    public = nw.find_network("public")

    def network(name):
        return find_or(lambda: nw.find_network(name, project_id=mine), lambda: nw.create_network(name=name))

    def subnet(name, net, cidr, pool):
        return find_or(lambda: nw.find_subnet(name, project_id=mine), lambda: nw.create_subnet(
            name=name, network_id=net.id, ip_version=4, cidr=cidr,
            allocation_pools=[{"start": pool[0], "end": pool[1]}]))

    nets = {}
    nets["isolated"] = step("network diag-isolated-net (no router)", network, "diag-isolated-net")
    if nets["isolated"]:
        nets["isolated-subnet"] = step("subnet diag-isolated-subnet 10.50.0.0/24", subnet, "diag-isolated-subnet",
                                       nets["isolated"], "10.50.0.0/24", ("10.50.0.10", "10.50.0.99"))
    nets["web"] = step("network diag-web-net", network, "diag-web-net")
    if nets["web"]:
        nets["web-subnet"] = step("subnet diag-web-subnet 10.40.0.0/24 (pool .10-.99)", subnet, "diag-web-subnet",
                                  nets["web"], "10.40.0.0/24", ("10.40.0.10", "10.40.0.99"))
    if public and nets.get("web-subnet"):
        def router():
            found = nw.find_router("diag-router", project_id=mine)
            if found is None:
                found = nw.create_router(name="diag-router", external_gateway_info={"network_id": public.id})
            attached = [p for p in nw.ports(device_id=found.id)
                        if any(ip["subnet_id"] == nets["web-subnet"].id for ip in p.fixed_ips)]
            if attached:
                return ("exists", found)
            nw.add_interface_to_router(found, subnet_id=nets["web-subnet"].id)
            return found
        step("router diag-router (gateway public, interface diag-web-subnet)", router)

    def security_group():
        found = nw.find_security_group("diag-web-only", project_id=mine)
        if found:
            return ("exists", found)
        group = nw.create_security_group(name="diag-web-only", description="web only: tcp 80 and 443 in, no ssh")
        for port in (80, 443):
            nw.create_security_group_rule(security_group_id=group.id, direction="ingress", ethertype="IPv4",
                                          protocol="tcp", port_range_min=port, port_range_max=port,
                                          remote_ip_prefix="0.0.0.0/0")
        return group
    nets["sg"] = step("security group diag-web-only (tcp 80, 443 ingress; not 22)", security_group)
    return nets


# ------------------------------------------------------------------ compute
def seed_compute(admin, nets):
    print("compute (diagnosis scenarios):")
    cp = admin.compute
    image = next(iter(admin.image.images(name="cirros-0.6.3-fake")), None)
    tiny = cp.find_flavor("m1.tiny")
    if image is None or tiny is None:
        FAILED.append("diagnosis servers: no cirros image or m1.tiny flavor (did seed.py run?)")
        return {}

    def quota():
        have = admin.get_compute_quotas(admin.current_project_id)
        if have.instances >= 20 and have.cores >= 40:
            return ("exists", have)
        admin.set_compute_quotas(admin.current_project_id, instances=max(20, have.instances), cores=max(40, have.cores))
        return True
    step("admin project: instances 20, cores 40 (the scenarios stay far from the limit)", quota)

    def trait():
        answer = admin.placement.get(f"/traits/{TRAIT}", microversion="1.6", raise_exc=False)
        if answer.status_code == 204:
            return ("exists", TRAIT)
        made = admin.placement.put(f"/traits/{TRAIT}", microversion="1.6", raise_exc=False)
        if made.status_code not in (201, 204):
            raise RuntimeError(f"PUT /traits/{TRAIT}: HTTP {made.status_code} {made.text[:200]}")
        return TRAIT
    step(f"placement trait {TRAIT} (defined; no provider has it)", trait)

    def flavor():
        found = cp.find_flavor("diag.gpu", ignore_missing=True)
        if found is None:
            found = cp.create_flavor(name="diag.gpu", vcpus=1, ram=512, disk=1, description="needs an A100")
        specs = cp.fetch_flavor_extra_specs(found).extra_specs or {}
        if specs.get(f"trait:{TRAIT}") == "required":
            return ("exists", found)
        cp.create_flavor_extra_specs(found, {f"trait:{TRAIT}": "required"})
        return found
    gpu = step(f"flavor diag.gpu (trait:{TRAIT}=required)", flavor)

    def settle(server, want):
        def done():
            now = cp.get_server(server.id)
            return now if now.status not in ("BUILD",) else None
        now = wait(f"server {server.name}", done)
        if now.status != want:
            raise RuntimeError(f"server {now.name} is {now.status}, not {want}: {now.fault}")
        return now

    def boot(name, flavor_, want, **kw):
        def run():
            found = cp.find_server(name)
            if found:
                if found.status != want:
                    raise RuntimeError(f"server {name} exists but is {found.status}, not {want}")
                return ("exists", found)
            return settle(cp.create_server(name=name, flavor_id=flavor_.id, image_id=image.id, **kw), want)
        return run

    servers = {}
    if gpu and nets.get("web"):
        servers["gpu"] = step("server diag-needs-gpu -> ERROR (No valid host was found)", boot(
            "diag-needs-gpu", gpu, "ERROR", networks=[{"uuid": nets["web"].id}]))
        if servers["gpu"]:
            fault = (cp.get_server(servers["gpu"].id).fault or {}).get("message", "")
            if "No valid host was found" not in fault:
                FAILED.append(f"diag-needs-gpu: fault is {fault!r}, not 'No valid host was found'")
    if nets.get("isolated"):
        servers["isolated"] = step("server diag-isolated (diag-isolated-net)", boot(
            "diag-isolated", tiny, "ACTIVE", networks=[{"uuid": nets["isolated"].id}]))
    if nets.get("web") and nets.get("sg"):
        servers["web"] = step("server diag-web (diag-web-net, security group diag-web-only only)", boot(
            "diag-web", tiny, "ACTIVE", networks=[{"uuid": nets["web"].id}], security_groups=[{"name": "diag-web-only"}]))
    public = admin.network.find_network("public")
    if servers.get("web") and public:
        def floating_ip():
            ports = list(admin.network.ports(device_id=servers["web"].id))
            if not ports:
                raise RuntimeError("diag-web has no port")
            for ip in admin.network.ips(port_id=ports[0].id):
                return ("exists", ip)
            return admin.network.create_ip(floating_network_id=public.id, port_id=ports[0].id,
                                           description="seed:diag-web")
        step("floating ip -> diag-web", floating_ip)
    return servers


# ------------------------------------------------------------------ placement and migrations
RACK = "CUSTOM_DIAG_RACK_A"


def seed_placement_records(admin):
    """Facts for the reads the diagnoses use: a custom trait and an aggregate on ostack-compute1,
    and one confirmed cold migration (of diag-isolated), so that get_resource_provider_traits,
    _aggregates, get_allocation_candidates (required, forbidden, member_of) and get_migrations
    have something to compare."""
    print("placement and migrations (for the read tools):")
    cp, pl = admin.compute, admin.placement
    provider = next(iter(pl.get("/resource_providers", params={"name": "ostack-compute1"}).json()["resource_providers"]), None)
    if provider is None:
        FAILED.append("no resource provider ostack-compute1")
        return

    def trait():
        if pl.get(f"/traits/{RACK}", microversion="1.6", raise_exc=False).status_code != 204:
            pl.put(f"/traits/{RACK}", microversion="1.6")
        have = pl.get(f"/resource_providers/{provider['uuid']}/traits", microversion="1.6").json()
        if RACK in have["traits"]:
            return ("exists", None)
        body = {"traits": sorted(set(have["traits"]) | {RACK}), "resource_provider_generation": have["resource_provider_generation"]}
        answer = pl.put(f"/resource_providers/{provider['uuid']}/traits", json=body, microversion="1.6", raise_exc=False)
        if answer.status_code != 200:
            raise RuntimeError(f"PUT traits: HTTP {answer.status_code} {answer.text[:200]}")
        return True
    step(f"trait {RACK} on ostack-compute1 (nova keeps traits it does not own)", trait)

    def aggregate():
        found = next((a for a in cp.aggregates() if a.name == "diag-agg"), None)
        if found is None:
            found = cp.create_aggregate(name="diag-agg", availability_zone=None)
        if "ostack-compute1" in (found.hosts or []):
            return ("exists", found)
        # Nova mirrors the host's membership into Placement (the provider's aggregates).
        return cp.add_host_to_aggregate(found, "ostack-compute1")
    step("host aggregate diag-agg with ostack-compute1 (mirrored to Placement)", aggregate)

    def migration():
        server = cp.find_server("diag-isolated")
        if server is None:
            raise RuntimeError("no server diag-isolated")
        done = cp.get("/os-migrations", params={"instance_uuid": server.id}, microversion="2.59").json()["migrations"]
        if any(m["status"] in ("confirmed", "finished") for m in done):
            return ("exists", None)
        if sum(1 for svc in cp.services() if svc.binary == "nova-compute" and svc.state == "up") < 2:
            print("    (one compute host: no cold migration; get_migrations has nothing to compare)")
            return ("exists", None)
        cp.migrate_server(server)
        resized = cp.wait_for_server(server, status="VERIFY_RESIZE", failures=["ERROR"], wait=180)
        cp.confirm_server_resize(resized)
        return cp.wait_for_server(server, status="ACTIVE", failures=["ERROR"], wait=180)
    step("cold migration of diag-isolated (confirmed)", migration)


# ------------------------------------------------------------------ block storage
def seed_volumes(admin):
    print("block storage (diagnosis scenarios):")
    bs = admin.block_storage

    def volume_type():
        found = bs.find_type("diag-fast")
        if found:
            return ("exists", found)
        return bs.create_type(name="diag-fast", description="fast NVMe tier (no such backend here)",
                              extra_specs={"volume_backend_name": "fast-nvme"})
    kind = step("volume type diag-fast (volume_backend_name=fast-nvme, no such backend)", volume_type)

    def volume():
        found = bs.find_volume("diag-no-backend")
        if found:
            if found.status != "error":
                raise RuntimeError(f"diag-no-backend exists but is {found.status}, not error")
            return ("exists", found)
        made = bs.create_volume(name="diag-no-backend", size=1, volume_type="diag-fast")

        def failed():
            now = bs.get_volume(made.id)
            if now.status == "available":
                raise RuntimeError("diag-no-backend became available: a backend took it")
            return now if now.status == "error" else None
        return wait("diag-no-backend in error", failed)
    if kind:
        step("volume diag-no-backend -> error (the scheduler finds no backend)", volume)


def seed_quota_project(admin):
    print("quota (diagnosis scenario):")
    idn = admin.identity
    domain = idn.find_domain("default")

    def project():
        return find_or(lambda: idn.find_project("diag-quota", domain_id=domain.id),
                       lambda: idn.create_project(name="diag-quota", domain_id=domain.id,
                                                  description="near its Cinder gigabytes quota (seed_failures.py)"))
    made = step("project diag-quota", project)
    if not made:
        return

    def role():
        user, member = idn.find_user("admin", domain_id=domain.id), idn.find_role("member")
        if idn.validate_user_has_project_role(made, user, member):
            return ("exists", None)
        idn.assign_project_role_to_user(made, user, member)
        return True
    step("role member for admin on diag-quota", role)

    def quota():
        if admin.get_volume_quotas(made.id).gigabytes == 10:
            return ("exists", None)
        admin.set_volume_quotas(made.id, gigabytes=10)
        return True
    step("diag-quota: Cinder gigabytes quota 10", quota)
    scoped = connect("admin", "diag-quota")
    for name, size in (("diag-quota-big", 6), ("diag-quota-small", 3)):
        def volume(name=name, size=size):
            found = scoped.block_storage.find_volume(name)
            if found:
                return ("exists", found)
            made_ = scoped.block_storage.create_volume(name=name, size=size)
            return scoped.block_storage.wait_for_status(made_, "available", failures=["error"], wait=120)
        step(f"volume {name} ({size} GiB) in diag-quota", volume)


# ------------------------------------------------------------------ load balancer
def balancer_tree(conn, name, subnet, members, label, monitor=False):
    """A balancer with one HTTP listener and pool (and an HTTP health monitor), and members
    {name: address} on `subnet` (port 80)."""
    lb_api = conn.load_balancer

    def active(lb_id):
        def settled():
            lb = lb_api.get_load_balancer(lb_id)
            if lb.provisioning_status == "ERROR":
                raise RuntimeError(f"load balancer {lb.name} went to ERROR (see octavia-worker.log)")
            return lb.provisioning_status == "ACTIVE" and lb
        return wait("load balancer ACTIVE", settled)

    def balancer():
        found = lb_api.find_load_balancer(name, ignore_missing=True)
        if found and found.provisioning_status == "ERROR":
            lb_api.delete_load_balancer(found.id, cascade=True)
            wait(f"{name} deleted", lambda: lb_api.find_load_balancer(name, ignore_missing=True) is None)
        elif found:
            return ("exists", found)
        return active(lb_api.create_load_balancer(name=name, vip_subnet_id=subnet.id, description=f"seed: {label}").id)
    lb = step(f"load balancer {name} ({subnet.name})", balancer)
    if not lb:
        return

    def child(kind, child_name, create):
        def run():
            found = getattr(lb_api, f"find_{kind}")(child_name, ignore_missing=True)
            if found:
                return ("exists", found)
            made = create()
            active(lb.id)
            return made
        return run
    li = step(f"listener {name}-http (HTTP:80)", child("listener", f"{name}-http", lambda: lb_api.create_listener(
        name=f"{name}-http", protocol="HTTP", protocol_port=80, load_balancer_id=lb.id)))
    po = step(f"pool {name}-pool", child("pool", f"{name}-pool", lambda: lb_api.create_pool(
        name=f"{name}-pool", protocol="HTTP", lb_algorithm="ROUND_ROBIN", listener_id=li.id))) if li else None
    if not po:
        return
    if monitor:
        # Octavia marks a monitored pool's members OFFLINE until a health check says otherwise
        # (the no-op drivers never check): as a dead member would show on a cloud with amphorae.
        step(f"health monitor {name}-monitor (HTTP GET /)", child("health_monitor", f"{name}-monitor",
             lambda: lb_api.create_health_monitor(name=f"{name}-monitor", pool_id=po.id, type="HTTP", delay=5,
                                                  timeout=3, max_retries=3, url_path="/")))
    for member, address in members.items():
        def run(member=member, address=address):
            found = next((m for m in lb_api.members(po) if m.name == member), None)
            if found and monitor and found.operating_status == "NO_MONITOR":
                # Made before the monitor (an older seed): made again, so Octavia shows it as monitored.
                lb_api.delete_member(found, po)
                active(lb.id)
            elif found:
                return ("exists", None)
            made = lb_api.create_member(po, name=member, address=address, protocol_port=80, subnet_id=subnet.id)
            active(lb.id)
            return made
        step(f"member {member} at {address}", run)


def fixed_ipv4(server):
    return next((a["addr"] for addrs in (server.addresses or {}).values() for a in addrs
                 if a.get("OS-EXT-IPS:type") == "fixed" and a.get("version") == 4), None) if server else None


def seed_octavia(admin, demo, nets):
    print("octavia (diagnosis scenarios):")
    subnet = nets.get("web-subnet")
    if subnet is None:
        FAILED.append("diag-lb: no diag-web-subnet")
        return
    holders = list(admin.network.ports(fixed_ips=[f"ip_address={GHOST}"]))
    if holders:
        FAILED.append(f"diag-lb: {GHOST} is held by port {holders[0].id}, so the member would not be a ghost")
        return
    members = {"diag-lb-ghost": GHOST}
    web = fixed_ipv4(admin.compute.find_server("diag-web", ignore_missing=True))
    if web:
        members["diag-lb-web"] = web  # a member that a real port holds, for contrast
    balancer_tree(admin, "diag-lb", subnet, members, "a member nobody holds", monitor=True)
    # A healthy balancer in the demo project, so a member account has one to diagnose.
    if demo is not None:
        demo_subnet = demo.network.find_subnet("demo-subnet", project_id=demo.current_project_id)
        vm = fixed_ipv4(demo.compute.find_server("demo-vm", ignore_missing=True))
        if demo_subnet and vm:
            balancer_tree(demo, "demo-lb", demo_subnet, {"demo-lb-vm": vm}, "demo-vm behind a balancer (demo)")


def main():
    admin = connect()
    nets = seed_network(admin) if "neutron" in SERVICES else {}
    if "nova" in SERVICES and "neutron" in SERVICES and "placement" in SERVICES:
        seed_compute(admin, nets)
        seed_placement_records(admin)
    if "cinder" in SERVICES:
        seed_volumes(admin)
        seed_quota_project(admin)
    if "octavia" in SERVICES:
        try:
            demo = connect("demo", "demo", USER_PW)
            demo.authorize()
        except Exception:  # noqa: BLE001 - seed.py may not have made the demo user
            demo = None
        seed_octavia(admin, demo, nets)
    print(f"seed_failures: failed steps: {len(FAILED)}" + (f" -> {FAILED}" if FAILED else ""))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
