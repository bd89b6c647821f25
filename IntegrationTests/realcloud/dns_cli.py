"""Designate reads that are not one CLI listing: one zone (`openstack zone show`), the records that
hold an address (`openstack recordset list all --data IP`) or a name (`--name`), the transfer key
kept out of our answers, and the pools, an admin's (Designate's CLI has no pool listing: GET /v2/pools)."""
from __future__ import annotations

from typing import Any

from .checks import Run, cli_or_fail
from .ledger import Unordered

ZONE_FIELDS = ("id", "name", "email", "ttl", "serial", "status", "action", "type", "pool_id", "project_id")


async def _zone(run: Run, cli: Any, zone: dict) -> None:
    theirs = await cli_or_fail(run, cli, "get_zone", "zone", "show", zone["id"])
    if theirs is None:
        return
    for key in (zone["id"], zone.get("name")):
        answer = await run.client.call("get_zone", {"id": key, "detail_level": "detailed"})
        item = (answer.data or {}).get("item") or {}
        label = f"{run.account.label} CLI zone show {zone['id']} by {key}"
        if run.ledger.check("get_zone", not answer.is_error, f"{label}: {answer.text[:300]}"):
            run.ledger.match("get_zone", label, {k: item.get(k) for k in ZONE_FIELDS}, {k: theirs.get(k) for k in ZONE_FIELDS})


async def _find(run: Run, cli: Any, query: str, flag: str) -> None:
    """Our recordsets that matched `query` in the data (or by name) are the CLI's across all zones."""
    value = query if flag == "--data" else query.rstrip(".") + "."
    rows = await cli_or_fail(run, cli, "find_dns_records", "recordset", "list", "all", flag, value)
    if rows is None:
        return
    items, _ = await run.client.call_all("find_dns_records", {"query": query, "limit": 1000, "detail_level": "basic"})
    want = "data" if flag == "--data" else "name"
    run.ledger.match("find_dns_records", f"{run.account.label} CLI recordset list all {flag} {value}: ids matched by {want}",
                     Unordered([i.get("id") for i in items if i.get("matched") == want]), Unordered([r.get("id") for r in rows]))


async def run_dns_cli_checks(run: Run, cli: Any) -> None:
    tools = run.client.tools
    if "get_zones" not in tools or not run.account.has_service("dns"):
        return
    zones, _ = await run.client.call_all("get_zones", {"limit": 1000, "detail_level": "basic"})
    for zone in zones[:4]:
        await _zone(run, cli, zone)
    records, _ = await run.client.call_all("get_recordsets", {"type": "A", "limit": 1000, "detail_level": "basic"})
    for record in records[:3]:
        for address in (record.get("records") or [])[:1]:
            await _find(run, cli, address, "--data")
        await _find(run, cli, record["name"], "--name")
    if not records:
        run.ledger.note(f"{run.account.label}: no A record, so find_dns_records is not compared")
    offers = await cli_or_fail(run, cli, "get_zone_transfer_requests", "zone", "transfer", "request", "list") or []
    if offers:
        answer = await run.client.call("get_zone_transfer_requests", {"detail_level": "full", "limit": 1000})
        keys = [o.get("key") for o in offers if o.get("key")]
        run.ledger.check("get_zone_transfer_requests",
                         not answer.is_error and all(i.get("key") in (None, "***") for i in answer.items)
                         and not any(k in answer.text for k in keys),
                         f"{run.account.label} get_zone_transfer_requests full: the transfer key is never shown: {answer.text[:200]}")
    if run.admin and "get_dns_pools" in tools:
        upstream = run.account.get("dns", "/pools")
        pools = (upstream.json or {}).get("pools", []) if upstream.status == 200 else []
        ours, _ = await run.client.call_all("get_dns_pools", {"limit": 1000, "detail_level": "detailed"})
        run.ledger.match("get_dns_pools", f"{run.account.label} GET /v2/pools: pools",
                         Unordered([(p.get("id"), p.get("name"), tuple(p.get("ns_records") or [])) for p in ours]),
                         Unordered([(p.get("id"), p.get("name"), tuple(r.get("hostname") for r in p.get("ns_records") or []))
                                    for p in pools]))
