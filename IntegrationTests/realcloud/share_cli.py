"""Manila reads that are not one CLI listing, against python-manilaclient's `openstack share ...`:
one share (`share show`, its export locations with `share export location list/show` and its rules
with `share access list`), the export locations get_shares adds to each share, the subnets of share
networks (`share network show`), the extra specs of types, the share network names of share
servers (`share server show`, admin), the absolute limits (`share limits show --absolute`), and
what a member may not see: other projects' shares, the pools and the share servers."""
from __future__ import annotations

import ast
import asyncio
import re
import subprocess
from typing import Any

from .checks import Run, cli_or_fail
from .ledger import Unordered

SHARE_FIELDS = {"id": "id", "name": "name", "status": "status", "size_gb": "size", "share_proto": "share_proto",
                "share_network_id": "share_network_id", "share_type": "share_type_name",
                "availability_zone": "availability_zone", "project_id": "project_id", "host": "host",
                "is_public": "is_public", "created_at": "created_at", "description": "description"}
# Our resource names in get_share_limits and Manila's absolute limit names.
LIMITS = {"shares": ("maxTotalShares", "totalSharesUsed"),
          "gigabytes": ("maxTotalShareGigabytes", "totalShareGigabytesUsed"),
          "snapshots": ("maxTotalShareSnapshots", "totalShareSnapshotsUsed"),
          "snapshot_gigabytes": ("maxTotalSnapshotGigabytes", "totalSnapshotGigabytesUsed"),
          "share_networks": ("maxTotalShareNetworks", "totalShareNetworksUsed"),
          "share_replicas": ("maxTotalShareReplicas", "totalShareReplicasUsed"),
          "replica_gigabytes": ("maxTotalReplicaGigabytes", "totalReplicaGigabytesUsed"),
          "backups": ("maxTotalShareBackups", "totalShareBackupsUsed"),
          "backup_gigabytes": ("maxTotalBackupGigabytes", "totalBackupGigabytesUsed")}


def _network_subnets(cli: Any, network: str) -> list[dict]:
    """`share network show -f json` fails in python-manilaclient 6.2.0 (a subnet's `properties` is a
    DictColumn that json cannot write): read the column as Python text instead."""
    done = subprocess.run([cli.binary, "share", "network", "show", network, "-c", "share_network_subnets", "-f", "value"],
                          env=cli.env, capture_output=True, text=True, timeout=180)
    if done.returncode != 0:
        raise RuntimeError(f"openstack share network show {network}: {done.stderr.strip()[-300:]}")
    return ast.literal_eval(re.sub(r"DictColumn\((\{.*?\})\)", r"\1", done.stdout.strip()))


async def _network_name(run: Run, cli: Any, tool: str, network: str) -> str | None:
    rows = await cli_or_fail(run, cli, tool, "share", "network", "list", *(["--all-projects"] if run.admin else []))
    return next((row.get("name") for row in rows or [] if row.get("id") == network), None)


async def _export_locations(run: Run, cli: Any, tool: str, share: str) -> list | None:
    """The CLI's export locations of a share in our words; admin_only only where it is true."""
    rows = await cli_or_fail(run, cli, tool, "share", "export", "location", "list", share)
    if rows is None:
        return None
    locations = []
    for row in rows:
        shown = await cli_or_fail(run, cli, tool, "share", "export", "location", "show", share, row["id"]) or {}
        locations.append({"path": row["path"], "preferred": row["preferred"],
                          **({"admin_only": True} if shown.get("is_admin_only") else {})})
    return locations


async def _share(run: Run, cli: Any, share: dict) -> None:
    tool = "get_share"
    theirs = await cli_or_fail(run, cli, tool, "share", "show", share["id"])
    if theirs is None:
        return
    locations = await _export_locations(run, cli, tool, share["id"])
    rules = await cli_or_fail(run, cli, tool, "share", "access", "list", share["id"]) or []
    network = share.get("share_network_id")
    network_name = await _network_name(run, cli, tool, network) if network else None
    for key in (share["id"], share.get("name")):
        answer = await run.client.call(tool, {"id": key, "detail_level": "detailed"})
        item = (answer.data or {}).get("item") or {}
        label = f"{run.account.label} CLI share show {share['id']} by {key}"
        if not run.ledger.check(tool, not answer.is_error, f"{label}: {answer.text[:300]}"):
            continue
        run.ledger.match(tool, label, {k: item.get(k) for k in SHARE_FIELDS}, {k: theirs.get(c) for k, c in SHARE_FIELDS.items()})
        run.ledger.match(tool, f"{label}: share_network_name", item.get("share_network_name"), network_name)
        run.ledger.match(tool, f"{label}: export locations", Unordered(item.get("export_locations") or []), Unordered(locations or []))
        run.ledger.match(tool, f"{label}: access rules", Unordered(item.get("access_rules") or []), Unordered(
            [{"id": r["id"], "access_type": r["access_type"], "access_to": r["access_to"], "access_level": r["access_level"],
              "state": r["state"]} for r in rules]))


async def _list_exports(run: Run, cli: Any, shares: list[dict]) -> None:
    """get_shares' export locations of each share are the CLI's (admin-only ones for admins only)."""
    for share in shares[:4]:
        locations = await _export_locations(run, cli, "get_shares", share["id"])
        if locations is not None:
            run.ledger.match("get_shares", f"{run.account.label} CLI share export location list {share['id']}",
                             Unordered(share.get("export_locations") or []), Unordered(locations))


async def _networks(run: Run, cli: Any) -> None:
    networks, _ = await run.client.call_all("get_share_networks", {"limit": 1000, "detail_level": "basic"})
    for network in networks[:4]:
        try:
            theirs = await asyncio.to_thread(_network_subnets, cli, network["id"])
        except Exception as error:  # noqa: BLE001 - one failed command is one failed fact
            run.ledger.fail("get_share_networks", f"{run.account.label} CLI share network show {network['id']}: {error}")
            continue
        subnets = []
        for subnet in theirs:
            net = await cli_or_fail(run, cli, "get_share_networks", "network", "show", subnet["neutron_net_id"]) or {}
            sub = await cli_or_fail(run, cli, "get_share_networks", "subnet", "show", subnet["neutron_subnet_id"]) or {}
            subnets.append({"neutron_net_id": subnet["neutron_net_id"], "network_name": net.get("name"),
                            "neutron_subnet_id": subnet["neutron_subnet_id"], "subnet_name": sub.get("name"),
                            "availability_zone": subnet.get("availability_zone")})
        run.ledger.match("get_share_networks", f"{run.account.label} CLI share network show {network['id']}: subnets",
                         Unordered([{k: s.get(k) for k in subnets[0]} for s in network.get("subnets") or []] if subnets else
                                   network.get("subnets") or []), Unordered(subnets))


async def _types(run: Run, cli: Any) -> None:
    rows = await cli_or_fail(run, cli, "get_share_types", "share", "type", "list", *(["--all"] if run.admin else []))
    if rows is None:
        return
    types, _ = await run.client.call_all("get_share_types", {"limit": 1000, "detail_level": "detailed",
                                                              **({"is_public": "all"} if run.admin else {})})
    ours = {t["id"]: t for t in types}
    for row in rows:
        specs = {**(row.get("optional_extra_specs") or {}), **(row.get("required_extra_specs") or {})}
        run.ledger.match("get_share_types", f"{run.account.label} CLI share type list {row['id']}: extra_specs",
                         (ours.get(row["id"]) or {}).get("extra_specs"), specs)


async def _servers(run: Run, cli: Any) -> None:
    servers, _ = await run.client.call_all("get_share_servers", {"limit": 1000, "detail_level": "detailed"})
    for server in servers[:4]:
        theirs = await cli_or_fail(run, cli, "get_share_servers", "share", "server", "show", server["id"])
        if theirs is not None:
            run.ledger.match("get_share_servers", f"{run.account.label} CLI share server show {server['id']}",
                             {k: server.get(k) for k in ("share_network_name", "updated_at", "status", "host")},
                             {k: theirs.get(k) for k in ("share_network_name", "updated_at", "status", "host")})


async def _limits(run: Run, cli: Any) -> None:
    rows = await cli_or_fail(run, cli, "get_share_limits", "share", "limits", "show", "--absolute")
    if rows is None:
        return
    values = {row["name"]: row["value"] for row in rows}
    answer = await run.client.call("get_share_limits", {"detail_level": "basic"})
    item = (answer.data or {}).get("item") or {}
    label = f"{run.account.label} CLI share limits show --absolute"
    if not run.ledger.check("get_share_limits", not answer.is_error, f"{label}: {answer.text[:300]}"):
        return
    run.ledger.match("get_share_limits", f"{label}: project", item.get("project_id"), run.account.project_id)
    expected = {name: {"limit": values[cap], "in_use": values[used]} for name, (cap, used) in LIMITS.items()
                if cap in values or used in values}
    run.ledger.match("get_share_limits", f"{label}: resources", sorted((item.get("limits") or {})), sorted(expected))
    run.ledger.match("get_share_limits", label, item.get("limits") or {}, expected)


async def _member_limits(run: Run, cli: Any, shares: list[dict]) -> None:
    """A member sees only its project's shares; pools and share servers are refused to both."""
    run.ledger.check("get_shares", all(s.get("project_id") == run.account.project_id for s in shares),
                     f"{run.account.label}: every share is the project's own: {[s.get('project_id') for s in shares]}")
    for tool, argv in (("get_share_pools", ("share", "pool", "list")), ("get_share_servers", ("share", "server", "list"))):
        if tool not in run.client.tools:
            continue
        refused = False
        try:
            await asyncio.to_thread(cli, *argv)
        except Exception as error:  # noqa: BLE001 - the refusal is the fact
            refused = "403" in str(error) or "Forbidden" in str(error) or "not allowed" in str(error).lower()
        answer = await run.client.call(tool, {"limit": 5})
        run.ledger.check(tool, refused and answer.is_error and "403" in answer.text,
                         f"{run.account.label}: the CLI {' '.join(argv)} is refused ({refused}), and so is {tool}: {answer.text[:200]}")


async def run_share_cli_checks(run: Run, cli: Any) -> None:
    if "get_shares" not in run.client.tools or not run.account.has_service("shared-file-system"):
        return
    shares, _ = await run.client.call_all("get_shares", {"limit": 1000, "detail_level": "detailed",
                                                         **({"all_projects": True} if run.admin else {})})
    if not shares:
        run.ledger.note(f"{run.account.label}: no share to compare get_share with")
    for share in shares[:4]:
        await _share(run, cli, share)
    await _list_exports(run, cli, shares)
    await _networks(run, cli)
    await _types(run, cli)
    await _limits(run, cli)
    if run.admin:
        await _servers(run, cli)
    else:
        await _member_limits(run, cli, shares)
