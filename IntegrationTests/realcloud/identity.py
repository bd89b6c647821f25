"""get_services: Keystone's services and endpoints for an admin, the token's catalog for anyone else."""
from __future__ import annotations

from .checks import ListCheck, Run, Variant
from .ledger import Unordered


def _admin_rows(run: Run, variant: Variant) -> list[dict]:
    services = run.account.list_all("identity", "/services", "services", variant.params)
    endpoints = run.account.list_all("identity", "/endpoints", "endpoints")
    rows = []
    for service in services:
        own = [e for e in endpoints if e.get("service_id") == service["id"]]
        own.sort(key=lambda e: (e.get("interface") or "", e.get("region_id") or e.get("region") or ""))
        rows.append({**service, "endpoints": own})
    return rows


def _catalog_rows(run: Run, variant: Variant) -> list[dict]:
    wanted = (variant.params or {}).get("type")
    catalog = run.account.access.service_catalog.catalog or []
    return [entry for entry in catalog if wanted is None or entry.get("type") == wanted]


def _rows(run: Run, variant: Variant) -> list[dict]:
    return run.lookup(f"services:{variant.label}", lambda: (_admin_rows if run.admin else _catalog_rows)(run, variant))


def _variants(run: Run) -> list[Variant]:
    rows = _rows(run, Variant("default", {}, None))
    variants = [Variant("default", {}, None)]
    for kind in sorted({row["type"] for row in rows})[:3]:
        variants.append(Variant(f"type={kind}", {"type": kind}, {"type": kind}))
    return variants


def _endpoint(run: Run, endpoint: dict) -> dict:
    fields = {"id": endpoint.get("id"), "interface": endpoint.get("interface"),
              "region": endpoint.get("region_id") or endpoint.get("region"), "url": endpoint.get("url")}
    if run.admin:
        fields["enabled"] = endpoint.get("enabled")
    return {k: v for k, v in fields.items() if v is not None}


def _detailed(run: Run, row: dict) -> dict:
    expected = {"endpoints": Unordered([_endpoint(run, e) for e in row.get("endpoints") or []])}
    if run.admin:
        expected.update(enabled=row.get("enabled"), description=row.get("description"))
    return expected


SERVICES = ListCheck(
    tool="get_services", service="identity", path="/services", key="services", variants=_variants,
    truth=_rows, search=lambda row: [row.get("name"), row.get("type")],
    basic=lambda run, row: {"id": row["id"], "name": row.get("name"), "type": row.get("type")},
    detailed=_detailed)
