"""Heat, Octavia and Swift: the list tools compared with the services' own answers, fact by fact.

A cloud without one of these services skips its checks (the server then does not offer the tools).
"""
from __future__ import annotations

from .checks import ListCheck, Run, Variant


def _count(refs) -> int:
    return len(refs or [])


def _statuses(item: dict) -> dict:
    return {"provisioning_status": item.get("provisioning_status"), "operating_status": item.get("operating_status")}


def _stack_variants(run: Run) -> list[Variant]:
    variants = [Variant("default", {}, None), Variant("status=FAILED", {"status": "FAILED"}, {"status": "FAILED"}),
                Variant("show_nested", {"show_nested": True}, {"show_nested": "True"})]
    # Heat's default policy (stacks:global_index) refuses the global list to everyone; where a
    # cloud allows it, compare it. extra_shows.py checks the refusal's words otherwise.
    if run.admin and global_stacks_allowed(run):
        variants.append(Variant("all_projects", {"all_projects": True}, {"global_tenant": "True"}, admin_only=True))
    return variants


def global_stacks_allowed(run: Run) -> bool:
    return run.lookup("heat-global-index", lambda: run.account.get(
        "orchestration", "/stacks", {"global_tenant": "True", "limit": 1}).status == 200)


STACKS = ListCheck(
    tool="get_stacks", service="orchestration", path="/stacks", key="stacks", variants=_stack_variants,
    search=lambda s: [s.get("stack_name")],
    basic=lambda run, s: {"id": s["id"], "stack_name": s["stack_name"], "stack_status": s.get("stack_status")},
    detailed=lambda run, s: {
        "stack_status_reason": s.get("stack_status_reason"), "creation_time": s.get("creation_time"),
        "updated_time": s.get("updated_time"), "parent": s.get("parent")})


def _octavia(tool: str, path: str, key: str, basic, detailed, variants=None, admin_only=False) -> ListCheck:
    return ListCheck(
        tool=tool, service="load-balancer", path=path, key=key, admin_only=admin_only,
        variants=variants or (lambda run: [Variant("default", {}, None)]), basic=basic, detailed=detailed)


def _lb_variants(run: Run) -> list[Variant]:
    rows = run.truth("load-balancer", "/lbaas/loadbalancers", "loadbalancers")
    variants = [Variant("default", {}, None)]
    for status in sorted({r.get("operating_status") for r in rows if r.get("operating_status")})[:2]:
        variants.append(Variant(f"operating_status={status}", {"operating_status": status}, {"operating_status": status}))
    return variants


LOAD_BALANCERS = _octavia(
    "get_load_balancers", "/lbaas/loadbalancers", "loadbalancers", variants=_lb_variants,
    basic=lambda run, lb: {"id": lb["id"], "name": lb.get("name"), "vip_address": lb.get("vip_address"), **_statuses(lb)},
    detailed=lambda run, lb: {
        "listeners": _count(lb.get("listeners")), "pools": _count(lb.get("pools")), "provider": lb.get("provider"),
        "vip_subnet_id": lb.get("vip_subnet_id"), "vip_port_id": lb.get("vip_port_id"), "project_id": lb.get("project_id")})
LISTENERS = _octavia(
    "get_listeners", "/lbaas/listeners", "listeners",
    basic=lambda run, l: {"id": l["id"], "name": l.get("name"), "protocol": l.get("protocol"),
                          "protocol_port": l.get("protocol_port"), **_statuses(l)},
    detailed=lambda run, l: {"loadbalancer_ids": [r["id"] for r in l.get("loadbalancers") or []],
                             "default_pool_id": l.get("default_pool_id"), "connection_limit": l.get("connection_limit")})
POOLS = _octavia(
    "get_pools", "/lbaas/pools", "pools",
    basic=lambda run, p: {"id": p["id"], "name": p.get("name"), "protocol": p.get("protocol"),
                          "lb_algorithm": p.get("lb_algorithm"), "operating_status": p.get("operating_status")},
    detailed=lambda run, p: {"provisioning_status": p.get("provisioning_status"), "members": _count(p.get("members")),
                             "healthmonitor_id": p.get("healthmonitor_id"),
                             "loadbalancer_ids": [r["id"] for r in p.get("loadbalancers") or []],
                             "listener_ids": [r["id"] for r in p.get("listeners") or []]})
HEALTH_MONITORS = _octavia(
    "get_health_monitors", "/lbaas/healthmonitors", "healthmonitors",
    basic=lambda run, m: {"id": m["id"], "name": m.get("name"), "type": m.get("type"), "operating_status": m.get("operating_status")},
    detailed=lambda run, m: {k: m.get(k) for k in (
        "delay", "timeout", "max_retries", "url_path", "expected_codes", "provisioning_status")})
AMPHORAE = _octavia(
    "get_amphorae", "/octavia/amphorae", "amphorae", admin_only=True,
    basic=lambda run, a: {"id": a["id"], "loadbalancer_id": a.get("loadbalancer_id"), "status": a.get("status"), "role": a.get("role")},
    detailed=lambda run, a: {"compute_id": a.get("compute_id"), "lb_network_ip": a.get("lb_network_ip"),
                             "compute_flavor": a.get("compute_flavor"), "ha_ip": a.get("ha_ip")})


def _containers(run: Run, variant: Variant) -> list[dict]:
    params = {"format": "json", **(variant.params or {})}
    answer = run.account.get("object-store", "", params)
    return answer.json if answer.status == 200 and isinstance(answer.json, list) else []


def _container_variants(run: Run) -> list[Variant]:
    rows = _containers(run, Variant("default", {}, None))
    variants = [Variant("default", {}, None)]
    if rows:
        prefix = rows[0]["name"][:2]
        variants.append(Variant(f"prefix={prefix}", {"prefix": prefix}, {"prefix": prefix}))
    return variants


CONTAINERS = ListCheck(
    tool="get_containers", service="object-store", path="", key="", variants=_container_variants, truth=_containers,
    ident=lambda c: c["name"], search=lambda c: [c["name"]],
    basic=lambda run, c: {"name": c["name"], "objects": c.get("count"), "bytes": c.get("bytes")},
    detailed=lambda run, c: {"last_modified": c.get("last_modified")})

EXTRA_CHECKS = [STACKS, LOAD_BALANCERS, LISTENERS, POOLS, HEALTH_MONITORS, AMPHORAE, CONTAINERS]
