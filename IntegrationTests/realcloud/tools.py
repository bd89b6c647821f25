"""One declaration per tool: where the cloud lists the same things, which queries to try, which facts must agree.

To cover a new tool, add one ListCheck (or ShowCheck) here and append it to CHECKS. Variants are
built from whatever the cloud holds, so nothing here is tied to one dataset.
"""
from __future__ import annotations

from .checks import ListCheck, Run, ShowCheck, Variant
from .ledger import Unordered, Whole

POWER_STATES = {0: "NOSTATE", 1: "RUNNING", 3: "PAUSED", 4: "SHUTDOWN", 6: "CRASHED", 7: "SUSPENDED"}


def distinct(items: list[dict], get) -> list:
    seen: list = []
    for item in items:
        value = get(item)
        if value not in (None, "") and value not in seen:
            seen.append(value)
    return seen


def flag(value) -> bool:
    return str(value).lower() == "true"


# -- Nova servers ---------------------------------------------------------------------------

def _servers_all(run: Run) -> list[dict]:
    return run.truth("compute", "/servers/detail", "servers", {"all_tenants": "True"} if run.admin else None)


def _server_names(run: Run) -> dict[str, str]:
    """Server ID to name, over what the account can see (the names get_volumes adds)."""
    return run.lookup("server-names", lambda: {s["id"]: s.get("name") for s in _servers_all(run)})


def _image_id(server: dict) -> str | None:
    image = server.get("image")
    return image.get("id") if isinstance(image, dict) and image.get("id") else None


def _image_name(run: Run, image_id: str | None) -> str | None:
    if not image_id:
        return None

    def fetch():
        answer = run.account.get("image", f"/images/{image_id}")
        return answer.json.get("name") if answer.status == 200 else None
    return run.lookup(f"image-name:{image_id}", fetch)


def _flavor_id(run: Run, server: dict) -> str | None:
    flavor = server.get("flavor") or {}
    if flavor.get("id"):
        return flavor["id"]
    flavors = run.truth("compute", "/flavors/detail", "flavors", {"is_public": "None"} if run.admin else None)
    return next((f["id"] for f in flavors if f["name"] == flavor.get("original_name")), None)


def server_variants(run: Run) -> list[Variant]:
    servers = _servers_all(run)
    scope = ({"all_projects": True}, {"all_tenants": "True"}) if run.admin else ({}, {})
    variants = [Variant("all visible" if run.admin else "own project", scope[0], dict(scope[1]))]
    if run.admin:
        variants.append(Variant("own project", {}, None))
    for status in distinct(servers, lambda s: s["status"]):
        variants.append(Variant(f"status={status}", {**scope[0], "status": status}, {**scope[1], "status": status}))
    for host in distinct(servers, lambda s: s.get("OS-EXT-SRV-ATTR:host"))[:2]:
        variants.append(Variant(f"host={host}", {**scope[0], "host": host}, {**scope[1], "host": host}))
    for flavor in distinct(servers, lambda s: _flavor_id(run, s))[:2]:
        variants.append(Variant(f"flavor={flavor}", {**scope[0], "flavor": flavor}, {**scope[1], "flavor": flavor}))
    for image in distinct(servers, _image_id)[:2]:
        variants.append(Variant(f"image={image}", {**scope[0], "image": image}, {**scope[1], "image": image}))
    for project in distinct(servers, lambda s: s.get("tenant_id"))[:2] if run.admin else []:
        variants.append(Variant(f"project_id={project}", {"project_id": project}, {"all_tenants": "True", "project_id": project}))
    variants.append(Variant("all_projects", {"all_projects": True}, {"all_tenants": "True"}, admin_only=True))
    return variants


def server_basic(run: Run, s: dict) -> dict:
    flavor = s.get("flavor") or {}
    image_id = _image_id(s)
    label = "N/A (booted from volume)" if not image_id else (_image_name(run, image_id) or image_id)
    return {
        "id": s["id"], "name": s.get("name"), "status": s.get("status"), "image": label,
        "flavor": flavor.get("original_name") or flavor.get("id"),
        "networks": Whole({net: Unordered([a["addr"] for a in addrs]) for net, addrs in (s.get("addresses") or {}).items()}),
    }


def server_detailed(run: Run, s: dict) -> dict:
    flavor = s.get("flavor") or {}
    image_id = _image_id(s)
    power = s.get("OS-EXT-STS:power_state")
    fault = s.get("fault") or {}
    return {
        "project_id": s.get("tenant_id"), "user_id": s.get("user_id"),
        "host": s.get("OS-EXT-SRV-ATTR:host"), "hypervisor_hostname": s.get("OS-EXT-SRV-ATTR:hypervisor_hostname"),
        "availability_zone": s.get("OS-EXT-AZ:availability_zone"), "created": s.get("created"),
        "key_name": s.get("key_name"), "vm_state": s.get("OS-EXT-STS:vm_state"),
        "task_state": s.get("OS-EXT-STS:task_state"), "locked": s.get("locked"),
        "power_state": POWER_STATES.get(power, str(power)) if power is not None else None,
        "flavor": {"id": flavor.get("id"), "name": flavor.get("original_name") or flavor.get("id"),
                   "vcpus": flavor.get("vcpus"), "ram_mb": flavor.get("ram"), "disk_gb": flavor.get("disk")},
        "image": Whole({k: v for k, v in {"id": image_id, "name": _image_name(run, image_id),
                                          "boot_from_volume": True if not image_id else None}.items() if v is not None}),
        "addresses": Unordered([
            {k: v for k, v in {"network": net, "addr": a["addr"], "version": a.get("version"),
                               "type": a.get("OS-EXT-IPS:type"), "mac_addr": a.get("OS-EXT-IPS-MAC:mac_addr")}.items()
             if v is not None}
            for net, addrs in (s.get("addresses") or {}).items() for a in addrs]),
        "security_groups": Unordered([g.get("name") for g in s.get("security_groups") or []]),
        "volumes_attached": Unordered([v["id"] for v in s.get("os-extended-volumes:volumes_attached") or []]),
        "fault": {"code": fault.get("code"), "message": fault.get("message")} if fault else None,
    }


SERVERS = ListCheck(
    tool="get_instances", service="compute", path="/servers/detail", key="servers",
    variants=server_variants, basic=server_basic, detailed=server_detailed,
    in_scope=lambda run, s: s.get("tenant_id") == run.account.project_id)

SERVER = ShowCheck(tool="get_instance", list_check=SERVERS, show_path=lambda i: f"/servers/{i}", singular="server")

# -- Cinder volumes -------------------------------------------------------------------------


def volume_variants(run: Run) -> list[Variant]:
    scope = ({"all_projects": True}, {"all_tenants": "True"}) if run.admin else ({}, {})
    volumes = run.truth("volume", "/volumes/detail", "volumes", scope[1] or None)
    variants = [Variant("all visible" if run.admin else "own project", scope[0], dict(scope[1]) or None)]
    if run.admin:
        variants.append(Variant("own project", {}, None))
    for status in distinct(volumes, lambda v: v.get("status")):
        variants.append(Variant(f"status={status}", {**scope[0], "status": status}, {**scope[1], "status": status}))
    for boot in (True, False):
        variants.append(Variant(f"bootable={boot}", {**scope[0], "bootable": boot}, {**scope[1], "bootable": str(boot).lower()}))
    for project in distinct(volumes, lambda v: v.get("os-vol-tenant-attr:tenant_id"))[:2] if run.admin else []:
        variants.append(Variant(f"project_id={project}", {"project_id": project}, {"all_tenants": "True", "project_id": project}))
    variants.append(Variant("all_projects", {"all_projects": True}, {"all_tenants": "True"}, admin_only=True))
    return variants


VOLUMES = ListCheck(
    tool="get_volumes", service="volume", path="/volumes/detail", key="volumes", variants=volume_variants,
    basic=lambda run, v: {
        "id": v["id"], "name": v.get("name"), "status": v.get("status"), "size": v.get("size"),
        "attached_to": Unordered([{k: x for k, x in {
            "server_id": a.get("server_id"), "device": a.get("device"),
            "server_name": _server_names(run).get(a.get("server_id"))}.items() if x}
            for a in v.get("attachments") or []])},
    detailed=lambda run, v: {
        "volume_type": v.get("volume_type"), "bootable": flag(v.get("bootable")), "encrypted": v.get("encrypted"),
        "multiattach": v.get("multiattach"), "availability_zone": v.get("availability_zone"),
        "host": v.get("os-vol-host-attr:host"), "project_id": v.get("os-vol-tenant-attr:tenant_id"),
        "created_at": v.get("created_at")},
    in_scope=lambda run, v: v.get("os-vol-tenant-attr:tenant_id", run.account.project_id) == run.account.project_id)

# -- Neutron networks and agents ------------------------------------------------------------


def network_variants(run: Run) -> list[Variant]:
    networks = run.truth("network", "/networks", "networks")
    variants = [Variant("default", {}, None)]
    for name, key in (("shared", "shared"), ("external", "router:external")):
        for value in (True, False):
            variants.append(Variant(f"{name}={value}", {name: value}, {key: str(value)}))
    for status in distinct(networks, lambda n: n.get("status")):
        variants.append(Variant(f"status={status}", {"status": status}, {"status": status}))
    for project in distinct(networks, lambda n: n.get("project_id"))[:2]:
        variants.append(Variant(f"project_id={project}", {"project_id": project}, {"project_id": project}))
    return variants


NETWORKS = ListCheck(
    tool="get_networks", service="network", path="/networks", key="networks", variants=network_variants,
    basic=lambda run, n: {"id": n["id"], "name": n.get("name"), "subnets": Unordered(n.get("subnets") or [])},
    detailed=lambda run, n: {
        "status": n.get("status"), "shared": n.get("shared"), "external": n.get("router:external"),
        "admin_state_up": n.get("admin_state_up"), "project_id": n.get("project_id"), "mtu": n.get("mtu"),
        "provider:network_type": n.get("provider:network_type"),
        "provider:physical_network": n.get("provider:physical_network"),
        "provider:segmentation_id": None if n.get("provider:segmentation_id") is None else str(n["provider:segmentation_id"]),
        "availability_zones": Unordered(n.get("availability_zones") or [])},
    in_scope=lambda run, n: n.get("project_id") == run.account.project_id or n.get("shared") or n.get("router:external"))


def _agent_variants(run: Run) -> list[Variant]:
    agents = run.truth("network", "/agents", "agents") if run.admin else []
    variants = [Variant("default", {}, None)]
    for host in distinct(agents, lambda a: a.get("host"))[:2]:
        variants.append(Variant(f"host={host}", {"host": host}, {"host": host}))
    for kind in distinct(agents, lambda a: a.get("agent_type"))[:2]:
        variants.append(Variant(f"agent_type={kind}", {"agent_type": kind}, {"agent_type": kind}))
    return variants


AGENTS = ListCheck(
    tool="get_network_agents", service="network", path="/agents", key="agents", variants=_agent_variants,
    admin_only=True, volatile={"heartbeat_timestamp", "alive", "configurations", "resources_synced"},
    search=lambda a: [a.get("host"), a.get("agent_type"), a.get("binary")],
    basic=lambda run, a: {k: a.get(k) for k in ("id", "agent_type", "host", "availability_zone", "admin_state_up", "binary")},
    detailed=lambda run, a: {k: a.get(k) for k in ("topic", "started_at", "description")})

# -- Glance images --------------------------------------------------------------------------


def image_variants(run: Run) -> list[Variant]:
    images = run.truth("image", "/images", "images")
    variants = [Variant("default", {}, None)]
    for visibility in ("public", "private", "shared", "community", "all"):
        variants.append(Variant(f"visibility={visibility}", {"visibility": visibility}, {"visibility": visibility}))
    for status in distinct(images, lambda i: i.get("status")):
        variants.append(Variant(f"status={status}", {"status": status}, {"status": status}))
    for owner in distinct(images, lambda i: i.get("owner"))[:2]:
        variants.append(Variant(f"owner={owner}", {"owner": owner}, {"owner": owner}))
    return variants


IMAGES = ListCheck(
    tool="get_images", service="image", path="/images", key="images", variants=image_variants,
    basic=lambda run, i: {"id": i["id"], "name": i.get("name"), "status": i.get("status")},
    detailed=lambda run, i: {k: i.get(k) for k in (
        "visibility", "size", "disk_format", "container_format", "min_disk", "min_ram", "owner", "protected", "created_at")},
    in_scope=lambda run, i: i.get("owner") == run.account.project_id or i.get("visibility") in ("public", "community", "shared"))

# -- services (Nova, Cinder, Keystone) ------------------------------------------------------


def _service_variants(service: str, path: str):
    def variants(run: Run) -> list[Variant]:
        rows = run.truth(service, path, "services") if run.admin else []
        result = [Variant("default", {}, None)]
        for host in distinct(rows, lambda s: s.get("host"))[:2]:
            result.append(Variant(f"host={host}", {"host": host}, {"host": host}))
        for binary in distinct(rows, lambda s: s.get("binary"))[:2]:
            result.append(Variant(f"binary={binary}", {"binary": binary}, {"binary": binary}))
        return result
    return variants


COMPUTE_SERVICES = ListCheck(
    tool="get_compute_services", service="compute", path="/os-services", key="services",
    variants=_service_variants("compute", "/os-services"), admin_only=True, volatile={"updated_at"},
    ident=lambda s: str(s["id"]), search=lambda s: [s.get("host"), s.get("binary")],
    basic=lambda run, s: {"id": str(s["id"]), **{k: s.get(k) for k in ("binary", "host", "zone", "status", "state")}},
    detailed=lambda run, s: {k: s.get(k) for k in ("disabled_reason", "forced_down")})

VOLUME_SERVICES = ListCheck(
    tool="get_volume_services", service="volume", path="/os-services", key="services",
    variants=_service_variants("volume", "/os-services"), admin_only=True, volatile={"updated_at"},
    ident=lambda s: f"{s['binary']} {s['host']}", search=lambda s: [s.get("host"), s.get("binary")],
    basic=lambda run, s: {k: s.get(k) for k in ("binary", "host", "zone", "status", "state")},
    detailed=lambda run, s: {k: s.get(k) for k in (
        "disabled_reason", "cluster", "replication_status", "backend_state", "frozen")})

# -- the list the suite runs ------------------------------------------------------------------

from .identity import SERVICES  # noqa: E402  (kept with its own helpers)

CHECKS = [SERVERS, VOLUMES, NETWORKS, IMAGES, COMPUTE_SERVICES, AGENTS, VOLUME_SERVICES, SERVICES]
SHOW_CHECKS = [SERVER]
