"""get_secret and get_baremetal_node against `openstack secret get` and `openstack baremetal node show`,
fact by fact, for the secrets and nodes the list tools show (seed_kmbm.py)."""
from __future__ import annotations

from typing import Any

from .checks import Run, cli_or_fail

SECRET_FIELDS = ("name", "status", "secret_type", "algorithm", "bit_length", "mode", "expiration", "created")
NODE_FIELDS = ("name", "power_state", "provision_state", "maintenance", "maintenance_reason", "last_error", "driver",
               "resource_class", "instance_uuid", "owner", "lessee", "conductor")


def _utc(value: Any) -> Any:
    return value[:-6] if isinstance(value, str) and value.endswith("+00:00") else value


async def check_secret_shows(run: Run, cli: Any) -> None:
    tool = "get_secret"
    if tool not in run.client.tools or not run.account.has_service("key-manager"):
        return
    listed = await run.client.call("get_secrets", {"limit": 1000, "detail_level": "basic"})
    if listed.is_error:
        # Barbican refuses a reader any secret; the list comparison checks that refusal.
        run.ledger.note(f"{run.account.label}: Barbican refuses the secret list: {tool} not compared")
        return
    secrets = (listed.data or {}).get("items") or []
    endpoint = run.account.endpoint("key-manager").rstrip("/")
    for secret in secrets[:4]:
        label = f"{run.account.label} CLI secret get {secret.get('name') or secret['id']}"
        shown = await cli_or_fail(run, cli, tool, "secret", "get", f"{endpoint}/secrets/{secret['id']}")
        if shown is None:
            continue
        answer = await run.client.call(tool, {"id": secret["id"], "detail_level": "full"})
        if not run.ledger.check(tool, not answer.is_error, f"{label}: {answer.text[:300]}"):
            continue
        item = answer.data.get("item") or {}
        run.ledger.match(tool, f"{label}: id", item.get("id"), shown.get("secret_href", "").rstrip("/").rsplit("/", 1)[-1])
        for key in SECRET_FIELDS:
            run.ledger.match(tool, f"{label}: {key}", item.get(key), _utc(shown.get(key)))
        # Metadata only: no payload key in any form.
        run.ledger.check(tool, not any("payload" in key for key in item if key != "content_types"), f"{label}: no payload field")


async def check_node_shows(run: Run, cli: Any) -> None:
    tool = "get_baremetal_node"
    if tool not in run.client.tools or not run.admin or not run.account.has_service("baremetal"):
        return
    nodes, _ = await run.client.call_all("get_baremetal_nodes", {"limit": 1000, "detail_level": "basic"})
    for node in nodes[:4]:
        label = f"{run.account.label} CLI baremetal node show {node.get('name') or node['id']}"
        shown = await cli_or_fail(run, cli, tool, "baremetal", "node", "show", node["id"])
        if shown is None:
            continue
        # By name where there is one: both ways find the same node.
        answer = await run.client.call(tool, {"id": node.get("name") or node["id"], "detail_level": "full"})
        if not run.ledger.check(tool, not answer.is_error, f"{label}: {answer.text[:300]}"):
            continue
        item = answer.data.get("item") or {}
        # At `full` the node is Ironic's own, keyed `uuid`; the other levels say `id`.
        run.ledger.match(tool, f"{label}: id", item.get("id") or item.get("uuid"), shown.get("uuid"))
        for key in NODE_FIELDS:
            run.ledger.match(tool, f"{label}: {key}", item.get(key), shown.get(key))
        # Ironic masks the BMC password itself; ours masks every secret-named key, and keeps the rest.
        theirs = shown.get("driver_info") or {}
        ours = item.get("driver_info") or {}
        run.ledger.match(tool, f"{label}: driver_info keys", sorted(ours), sorted(theirs))
        for key, value in theirs.items():
            secret = any(word in key for word in ("password", "secret", "key", "token"))
            run.ledger.match(tool, f"{label}: driver_info.{key}", ours.get(key), "***" if secret else value)
