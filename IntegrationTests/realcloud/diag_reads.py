"""The reads that the diagnoses use (issue 21), compared with the `openstack` CLI fact by fact:

- get_resource_provider_traits / _inventories / _usages / _aggregates vs `openstack resource
  provider trait list`, `inventory list`, `usage show`, `aggregate list` (osc-placement), for
  every provider, by UUID and by name;
- get_allocation_candidates vs `openstack allocation candidate list` for resources alone and with
  a required trait, a forbidden one, a trait no provider has, an aggregate, a tree and a limit;
- get_allocations vs `openstack resource provider allocation show` for the servers;
- get_volume_messages vs `openstack --os-volume-api-version 3.3 volume message list`;
- get_migrations vs `openstack server migration list` with each filter;
- the interfaces and gateway of get_router vs `openstack router show`, and the binding of get_port
  vs `openstack port show`.
Placement and migrations are admin-only by the services' default policies: a member must get a
clear error that names the role. The recipe seeds facts for all of them (seed_failures.py: a custom
trait and an aggregate on ostack-compute1, a cold migration, a volume with a Cinder user message).
"""
from __future__ import annotations

import asyncio
import json
from typing import Any

from .checks import Run
from .cli import Cli, find_cli
from .ledger import Unordered
from .server import ToolFailed

PLACEMENT_MV = "1.29"     # the CLI's (osc-placement offers up to 1.29, then 1.37+): forbidden traits need 1.22
RESOURCES = {"VCPU": 1, "MEMORY_MB": 512}
MAX_PORTS = 14


def _offered(run: Run, tool: str) -> bool:
    return run.ledger.check(tool, tool in run.client.tools, "the server does not offer this tool")


async def _cli(run: Run, cli: Cli, tool: str, where: str, *argv: str) -> Any:
    try:
        return await asyncio.to_thread(cli, *argv)
    except Exception as error:  # noqa: BLE001 - one failed command is one failed fact
        run.ledger.fail(tool, f"{where}: {error}")
        return None


async def _ours(run: Run, tool: str, where: str, args: dict) -> list[dict] | None:
    try:
        items, _ = await run.client.call_all(tool, {"limit": 1000, "detail_level": "detailed", **args})
        return items
    except ToolFailed as error:
        run.ledger.fail(tool, f"{where}: {error}")
        return None


async def _refused(run: Run, tool: str, args: dict) -> None:
    """A member asks an admin-only API: a clear isError that says the admin role is needed."""
    answer = await run.client.call(tool, args)
    where = f"{run.account.label} (not admin)"
    if run.ledger.check(tool, answer.is_error, f"{where}: expected a clear error, got {answer.text[:200]}"):
        text = answer.text.lower()
        run.ledger.check(tool, "admin" in text and ("403" in text or "forbidden" in text or "policy" in text or "role" in text),
                         f"{where}: the error does not say the admin role is needed: {answer.text[:300]}")


def _blank(value: Any) -> Any:
    return None if value in ("", [], {}) else value


# -- Placement ----------------------------------------------------------------------------------

async def check_providers(run: Run, cli: Cli) -> list[dict]:
    tools = ("get_resource_provider_traits", "get_resource_provider_inventories", "get_resource_provider_usages",
             "get_resource_provider_aggregates")
    offered = [t for t in tools if _offered(run, t)]
    if not run.admin:
        for tool in offered:
            await _refused(run, tool, {"provider": "ostack-compute1"})
        return []
    providers = await _cli(run, cli, tools[0], "resource provider list", "resource", "provider", "list") or []
    aggregates = {a.get("uuid"): a for a in await _cli(run, cli, tools[3], "aggregate list", "aggregate", "list") or []}
    for provider in providers:
        uuid, name = provider["uuid"], provider["name"]
        where = f"{run.account.label} provider {name}"
        if "get_resource_provider_traits" in offered:
            rows = await _cli(run, cli, "get_resource_provider_traits", where, "--os-placement-api-version", PLACEMENT_MV,
                              "resource", "provider", "trait", "list", uuid)
            for key in (uuid, name):
                ours = await _ours(run, "get_resource_provider_traits", f"{where} by {key}", {"provider": key})
                if rows is not None and ours is not None:
                    run.ledger.match("get_resource_provider_traits", f"{where} by {key}: traits",
                                     Unordered([t.get("name") for t in ours]), Unordered([r["name"] for r in rows]))
                    for trait in ours:
                        run.ledger.match("get_resource_provider_traits", f"{where} {trait.get('name')}.custom",
                                         trait.get("custom"), str(trait.get("name")).startswith("CUSTOM_"))
        if "get_resource_provider_inventories" in offered:
            rows = await _cli(run, cli, "get_resource_provider_inventories", where, "--os-placement-api-version",
                              PLACEMENT_MV, "resource", "provider", "inventory", "list", uuid)
            ours = await _ours(run, "get_resource_provider_inventories", where, {"provider": uuid})
            if rows is not None and ours is not None:
                run.ledger.match("get_resource_provider_inventories", f"{where}: classes",
                                 Unordered([i.get("resource_class") for i in ours]), Unordered([r["resource_class"] for r in rows]))
                mine = {i.get("resource_class"): i for i in ours}
                for row in rows:
                    total, reserved, ratio = row["total"], row["reserved"], float(row["allocation_ratio"])
                    run.ledger.match("get_resource_provider_inventories", f"{where} {row['resource_class']}",
                                     mine.get(row["resource_class"]), {
                                         "total": total, "reserved": reserved, "allocation_ratio": ratio,
                                         "min_unit": row["min_unit"], "max_unit": row["max_unit"], "step_size": row["step_size"],
                                         "capacity": int((total - reserved) * ratio)})
        if "get_resource_provider_usages" in offered:
            rows = await _cli(run, cli, "get_resource_provider_usages", where, "--os-placement-api-version", PLACEMENT_MV,
                              "resource", "provider", "usage", "show", uuid)
            ours = await _ours(run, "get_resource_provider_usages", where, {"provider": name})
            if rows is not None and ours is not None:
                run.ledger.match("get_resource_provider_usages", f"{where}: used per class",
                                 Unordered([[u.get("resource_class"), u.get("used")] for u in ours]),
                                 Unordered([[r["resource_class"], r["usage"]] for r in rows]))
        if "get_resource_provider_aggregates" in offered:
            rows = await _cli(run, cli, "get_resource_provider_aggregates", where, "--os-placement-api-version",
                              PLACEMENT_MV, "resource", "provider", "aggregate", "list", uuid)
            ours = await _ours(run, "get_resource_provider_aggregates", where, {"provider": uuid})
            if rows is not None and ours is not None:
                run.ledger.match("get_resource_provider_aggregates", f"{where}: aggregates",
                                 Unordered([a.get("uuid") for a in ours]), Unordered([r["uuid"] for r in rows]))
                for item in ours:
                    nova = aggregates.get(item.get("uuid"))
                    if nova:
                        run.ledger.match("get_resource_provider_aggregates", f"{where} {item.get('uuid')}.nova_aggregate",
                                         item.get("nova_aggregate"), {"name": nova.get("name"),
                                                                      "availability_zone": nova.get("availability_zone")})
    for tool in offered:
        answer = await run.client.call(tool, {"provider": "00000000-0000-4000-8000-00000000dead"})
        run.ledger.check(tool, answer.is_error and "00000000-0000-4000-8000-00000000dead" in answer.text,
                         f"{run.account.label}: an unknown provider should be a clear error: {answer.text[:300]}")
    return providers


def _pairs(text: str | None, sep: str = "=") -> dict[str, str]:
    return dict(part.split(sep, 1) for part in (text or "").split(",") if sep in part)


async def check_candidates(run: Run, cli: Cli, providers: list[dict]) -> None:
    tool = "get_allocation_candidates"
    if not _offered(run, tool):
        return
    resources = ",".join(f"{k}:{v}" for k, v in RESOURCES.items())
    if not run.admin:
        await _refused(run, tool, {"resources": resources})
        return
    argv = [a for k, v in RESOURCES.items() for a in ("--resource", f"{k}={v}")]
    aggregates = [a["uuid"] for a in await _cli(run, cli, tool, "aggregate list", "aggregate", "list") or [] if a.get("uuid")]
    tree = next((p["uuid"] for p in providers if p["name"] == "ostack-compute2"), providers[-1]["uuid"] if providers else None)
    variants: list[tuple[str, dict, list[str], Any]] = [
        ("resources", {}, [], None),
        ("required CUSTOM_DIAG_RACK_A", {"required": ["CUSTOM_DIAG_RACK_A"]}, ["--required", "CUSTOM_DIAG_RACK_A"], None),
        ("forbidden CUSTOM_DIAG_RACK_A", {"required": ["!CUSTOM_DIAG_RACK_A"]}, ["--forbidden", "CUSTOM_DIAG_RACK_A"], None),
        ("required CUSTOM_GPU_A100 (no provider)", {"required": ["CUSTOM_GPU_A100"]}, ["--required", "CUSTOM_GPU_A100"], None),
        ("limit 1", {"limit": 1}, ["--limit", "1"], None),
    ]
    if aggregates:
        variants.append((f"member_of {aggregates[0]}", {"member_of": [aggregates[0]]}, ["--member-of", aggregates[0]], None))
    if tree:
        # The CLI has no --in-tree: the same question, filtered to that tree (compute nodes are roots without children).
        variants.append((f"in_tree {tree}", {"in_tree": tree}, [], tree))
    for label, args, extra, only_tree in variants:
        where = f"{run.account.label} {label}"
        rows = await _cli(run, cli, tool, where, "--os-placement-api-version", PLACEMENT_MV, "allocation", "candidate",
                          "list", *argv, *extra)
        try:
            answer = await run.client.call(tool, {"resources": resources, "detail_level": "detailed", **args})
        except Exception as error:  # noqa: BLE001
            run.ledger.fail(tool, f"{where}: {error}")
            continue
        if rows is None or not run.ledger.check(tool, not answer.is_error, f"{where}: {answer.text[:300]}"):
            continue
        theirs: dict[Any, dict[str, dict]] = {}
        for row in rows:
            theirs.setdefault(row["#"], {})[row["resource_provider"]] = row
        if only_tree:
            theirs = {k: v for k, v in theirs.items() if set(v) == {only_tree}}
        ours = answer.items
        run.ledger.match(tool, f"{where}: candidates (provider -> resources)", Unordered(
            [json.dumps({p.get("uuid"): p.get("resources") for p in c.get("providers") or []}, sort_keys=True) for c in ours]),
            Unordered([json.dumps({uuid: {k: int(v) for k, v in _pairs(row["allocation"]).items()}
                                   for uuid, row in cand.items()}, sort_keys=True) for cand in theirs.values()]))
        if not ours and not theirs:
            run.ledger.check(tool, any(w in answer.text.lower() for w in ("no resource provider", "no valid host", "0 ")),
                             f"{where}: an empty answer should say what it means: {answer.text[:300]}")
        summaries = {uuid: row for cand in theirs.values() for uuid, row in cand.items()}
        for candidate in ours:
            for provider in candidate.get("providers") or []:
                row = summaries.get(provider.get("uuid"))
                if row is None:
                    continue
                used_capacity = {k: v.split("/") for k, v in _pairs(row.get("inventory_used/capacity")).items()}
                run.ledger.match(tool, f"{where} {provider.get('uuid')} summary", provider.get("summary"), {
                    k: {"used": int(used), "capacity": int(cap), "free": int(cap) - int(used)}
                    for k, (used, cap) in used_capacity.items()})
                run.ledger.match(tool, f"{where} {provider.get('uuid')} traits", Unordered(provider.get("traits") or []),
                                 Unordered([t for t in (row.get("traits") or "").split(",") if t]))
    bad = await run.client.call(tool, {"resources": "VCPU=1"})
    run.ledger.check(tool, bad.is_error and "resources" in bad.text, f"{run.account.label}: a malformed resources "
                     f"argument should be a clear error naming it: {bad.text[:300]}")


async def check_allocations(run: Run, cli: Cli) -> None:
    tool = "get_allocations"
    if not _offered(run, tool):
        return
    servers = run.account.get("compute", "/servers/detail", {"all_tenants": "True"} if run.admin else None).json.get("servers", [])
    if not run.admin:
        if servers:
            await _refused(run, tool, {"server": servers[0]["id"]})
        return
    names = [s.get("name") for s in servers]
    for server in sorted(servers, key=lambda s: s.get("name") or "")[:10]:
        where = f"{run.account.label} server {server.get('name')}"
        rows = await _cli(run, cli, tool, where, "--os-placement-api-version", PLACEMENT_MV, "resource", "provider",
                          "allocation", "show", server["id"])
        keys = [server["id"]] + ([server["name"]] if names.count(server.get("name")) == 1 else [])
        for key in keys:
            ours = await _ours(run, tool, f"{where} by {key}", {"server": key})
            if rows is None or ours is None:
                continue
            run.ledger.match(tool, f"{where} by {key}: providers", Unordered([a.get("resource_provider_uuid") for a in ours]),
                             Unordered([r["resource_provider"] for r in rows]))
            mine = {a.get("resource_provider_uuid"): a for a in ours}
            for row in rows:
                run.ledger.match(tool, f"{where} {row['resource_provider']}", mine.get(row["resource_provider"]), {
                    "resources": row["resources"], "project_id": row.get("project_id"), "user_id": row.get("user_id"),
                    "generation": row.get("generation")})


# -- Cinder messages, Nova migrations ------------------------------------------------------------

async def check_volume_messages(run: Run, cli: Cli) -> None:
    tool = "get_volume_messages"
    if not _offered(run, tool):
        return
    where = f"{run.account.label} volume message list"
    rows = await _cli(run, cli, tool, where, "--os-volume-api-version", "3.3", "volume", "message", "list")
    ours = await _ours(run, tool, where, {})
    if rows is None or ours is None:
        return
    run.ledger.match(tool, f"{where}: ids", Unordered([m.get("id") for m in ours]), Unordered([r["id"] for r in rows]))
    mine = {m.get("id"): m for m in ours}
    fields = ("event_id", "resource_type", "resource_uuid", "message_level", "user_message", "request_id",
              "created_at", "guaranteed_until")
    for row in rows:
        run.ledger.match(tool, f"{where} {row['id']}", mine.get(row["id"]), {k: row.get(k) for k in fields})
    volumes = {r.get("resource_uuid") for r in rows if r.get("resource_type") == "VOLUME"}
    names = {v["id"]: v.get("name") for v in run.account.get("volume", "/volumes/detail", {"all_tenants": "True"}
                                                              if run.admin else None).json.get("volumes", [])}
    for volume in sorted(v for v in volumes if v):
        for key in [volume] + ([names[volume]] if names.get(volume) and list(names.values()).count(names[volume]) == 1 else []):
            found = await _ours(run, tool, f"{where} volume={key}", {"volume": key})
            if found is not None:
                run.ledger.match(tool, f"{where} volume={key}", Unordered([m.get("id") for m in found]),
                                 Unordered([r["id"] for r in rows if r.get("resource_uuid") == volume]))
    for event in sorted({r["event_id"] for r in rows})[:2]:
        found = await _ours(run, tool, f"{where} event_id={event}", {"event_id": event})
        if found is not None:
            run.ledger.match(tool, f"{where} event_id={event}", Unordered([m.get("id") for m in found]),
                             Unordered([r["id"] for r in rows if r["event_id"] == event]))


async def check_migrations(run: Run, cli: Cli) -> None:
    tool = "get_migrations"
    if not _offered(run, tool):
        return
    if not run.admin:
        await _refused(run, tool, {})
        return
    base = ["--os-compute-api-version", "2.80", "server", "migration", "list"]
    everything = await _cli(run, cli, tool, "server migration list", *base)
    if everything is None:
        return
    # The CLI prints no project or user: those two come from the API itself (2.80).
    owners = {m.get("uuid"): m for m in run.account.get("compute", "/os-migrations", None, "2.80").json.get("migrations", [])}
    variants: list[tuple[str, dict, list[str]]] = [("all", {}, [])]
    for row in everything[:1]:
        variants += [(f"host={row['source_compute']}", {"host": row["source_compute"]}, ["--host", row["source_compute"]]),
                     (f"status={row['status']}", {"status": row["status"]}, ["--status", row["status"]]),
                     # The CLI says cold-migration for Nova's type `migration`.
                     (f"migration_type={row['type']}", {"migration_type": row["type"]},
                      ["--type", "cold-migration" if row["type"] == "migration" else row["type"]]),
                     (f"server={row['server_uuid']}", {"server": row["server_uuid"]}, ["--server", row["server_uuid"]]),
                     (f"changes_since={row['updated_at'][:19]}", {"changes_since": row["updated_at"][:19] + "Z"},
                      ["--changes-since", row["updated_at"][:19]])]
    for label, args, extra in variants:
        where = f"{run.account.label} server migration list {label}"
        rows = everything if not extra else await _cli(run, cli, tool, where, *base, *extra)
        ours = await _ours(run, tool, where, args)
        if rows is None or ours is None:
            continue
        run.ledger.match(tool, f"{where}: ids", Unordered([m.get("uuid") for m in ours]), Unordered([r["uuid"] for r in rows]))
        mine = {m.get("uuid"): m for m in ours}
        for row in rows:
            run.ledger.match(tool, f"{where} {row['uuid']}", mine.get(row["uuid"]), {
                "id": str(row["id"]), "instance_uuid": row["server_uuid"], "source_compute": row["source_compute"],
                "dest_compute": row["dest_compute"], "status": row["status"], "migration_type": row["type"],
                "created_at": row["created_at"], "updated_at": row["updated_at"], "dest_host": row["dest_host"],
                "source_node": row["source_node"], "dest_node": row["dest_node"],
                "project_id": owners.get(row["uuid"], {}).get("project_id"),
                "user_id": owners.get(row["uuid"], {}).get("user_id")})


# -- Neutron: router interfaces and gateway, port binding -----------------------------------------

async def check_routers_ports(run: Run, cli: Cli) -> None:
    if _offered(run, "get_router"):
        for router in await _cli(run, cli, "get_router", "router list", "router", "list") or []:
            where = f"{run.account.label} router {router.get('name') or router['id']}"
            shown = await _cli(run, cli, "get_router", where, "router", "show", router["id"])
            answer = await run.client.call("get_router", {"id": router["id"], "detail_level": "detailed"})
            if shown is None or not run.ledger.check("get_router", not answer.is_error, f"{where}: {answer.text[:300]}"):
                continue
            item = (answer.data or {}).get("item") or {}
            run.ledger.match("get_router", f"{where} interfaces (port, subnet, address)", Unordered(
                [[i.get("port_id"), i.get("subnet_id"), i.get("ip_address")] for i in item.get("interfaces") or []]),
                Unordered([[i.get("port_id"), i.get("subnet_id"), i.get("ip_address")] for i in shown.get("interfaces_info") or []]))
            gateway = shown.get("external_gateway_info") or None
            ours = item.get("external_gateway")
            if gateway is None:
                run.ledger.match("get_router", f"{where} external_gateway", ours, None)
                continue
            run.ledger.match("get_router", f"{where} external_gateway", ours, {
                "network_id": gateway.get("network_id"), "enable_snat": gateway.get("enable_snat"),
                "external_fixed_ips": Unordered(gateway.get("external_fixed_ips") or [])})
    if _offered(run, "get_port"):
        ports = await _cli(run, cli, "get_port", "port list", "port", "list", "--long") or []
        # Servers' and routers' ports first: they carry bindings.
        ports.sort(key=lambda p: (not str(p.get("device_owner", "")).startswith(("compute:", "network:router")), p["id"]))
        for port in ports[:MAX_PORTS]:
            where = f"{run.account.label} port {port['id']}"
            shown = await _cli(run, cli, "get_port", where, "port", "show", port["id"])
            answer = await run.client.call("get_port", {"id": port["id"], "detail_level": "detailed"})
            if shown is None or not run.ledger.check("get_port", not answer.is_error, f"{where}: {answer.text[:300]}"):
                continue
            item = (answer.data or {}).get("item") or {}
            run.ledger.match("get_port", where, item, {
                "binding:host_id": _blank(shown.get("binding_host_id")), "binding:vif_type": _blank(shown.get("binding_vif_type")),
                "binding:vnic_type": _blank(shown.get("binding_vnic_type")), "status": shown.get("status"),
                "device_owner": _blank(shown.get("device_owner")), "device_id": _blank(shown.get("device_id")),
                "port_security_enabled": shown.get("port_security_enabled"),
                "fixed_ips": Unordered(shown.get("fixed_ips") or [])})


async def run_diag_reads(run: Run) -> None:
    binary = find_cli()
    if binary is None:
        run.ledger.note("no `openstack` CLI found: the diagnosis reads are not compared")
        return
    cli = Cli(binary, run)
    if run.account.has_service("placement"):
        providers = await check_providers(run, cli)
        await check_candidates(run, cli, providers)
        await check_allocations(run, cli)
    if run.account.has_service("volumev3") or run.account.has_service("block-storage") or run.account.has_service("volume"):
        await check_volume_messages(run, cli)
    await check_migrations(run, cli)
    await check_routers_ports(run, cli)
