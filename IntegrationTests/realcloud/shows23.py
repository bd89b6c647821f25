"""get_flavor_access, get_snapshot and get_backup (issue 23's first part) compared with the
`openstack` CLI: flavor show (access_project_ids of the recipe's private flavor), volume snapshot
show and volume backup show, fact by fact.
"""
from __future__ import annotations

import asyncio

from .checks import Run
from .cli import Cli
from .ledger import Unordered


async def check_flavor_access(run: Run, cli: Cli) -> None:
    tool = "get_flavor_access"
    flavors, _ = await run.client.call_all("get_flavors", {"limit": 1000, "is_public": "all", "detail_level": "basic"})
    private = [f for f in flavors if f.get("is_public") is False][:3]
    if not private:
        run.ledger.note(f"{run.account.label}: no private flavor: get_flavor_access not compared")
        return
    for flavor in private:
        label = f"{run.account.label} CLI flavor show {flavor.get('name')}"
        try:
            shown = await asyncio.to_thread(cli, "flavor", "show", flavor["id"])
        except Exception as error:  # noqa: BLE001 - one failed command is one failed fact
            run.ledger.fail(tool, f"{label}: {error}")
            continue
        answer = await run.client.call(tool, {"flavor": flavor.get("name") or flavor["id"]})
        if not run.ledger.check(tool, not answer.is_error, f"{label}: {answer.text[:300]}"):
            continue
        items = answer.data.get("items") or []
        run.ledger.match(tool, f"{label}: access_project_ids", Unordered([i.get("project_id") for i in items]),
                         Unordered(shown.get("access_project_ids") or []))
        run.ledger.check(tool, all(i.get("flavor_id") == flavor["id"] for i in items), f"{label}: flavor_id of every entry")
        # At detailed, each project is named as Keystone names it.
        for item in items:
            project = run.account.get("identity", f"/projects/{item.get('project_id')}").json.get("project") or {}
            run.ledger.match(tool, f"{label}: project_name of {item.get('project_id')}", item.get("project_name"), project.get("name"))


async def check_snapshot_and_backup_shows(run: Run, cli: Cli) -> None:
    for tool, listing, noun, command in (
        ("get_snapshot", "get_snapshots", "snapshot", ("volume", "snapshot", "show")),
        ("get_backup", "get_backups", "backup", ("volume", "backup", "show")),
    ):
        if tool not in run.client.tools:
            continue
        items, _ = await run.client.call_all(listing, {"limit": 1000, "detail_level": "basic"})
        if not items:
            run.ledger.note(f"{run.account.label}: no {noun} in this project: {tool} not compared (the recipe runs no cinder-backup)"
                            if noun == "backup" else f"{run.account.label}: no {noun}: {tool} not compared")
            continue
        for item in items[:4]:
            label = f"{run.account.label} CLI {' '.join(command)} {item.get('name') or item['id']}"
            try:
                shown = await asyncio.to_thread(cli, *command, item["id"])
            except Exception as error:  # noqa: BLE001
                run.ledger.fail(tool, f"{label}: {error}")
                continue
            # By name where it is unique, else by ID: both ways find the same one.
            key = item.get("name") if item.get("name") and sum(i.get("name") == item.get("name") for i in items) == 1 else item["id"]
            answer = await run.client.call(tool, {"id": key})
            if not run.ledger.check(tool, not answer.is_error, f"{label}: {answer.text[:300]}"):
                continue
            ours = answer.data["item"]
            fields = ("id", "name", "status", "size", "volume_id", "description")
            run.ledger.match(tool, label, {k: ours.get(k) for k in fields}, {k: shown.get(k) for k in fields})
            run.ledger.match(tool, f"{label}: metadata", ours.get("metadata") or {}, shown.get("properties") or {})
