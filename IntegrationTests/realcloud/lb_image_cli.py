"""The reads of issue 23 that are not lists of rows in the CLI: a balancer's statistics
(`openstack loadbalancer stats show`), one project's load-balancer quota (`openstack loadbalancer
quota show`), and the refusal of Glance's tasks to an account without the admin role."""
from __future__ import annotations

import asyncio
from typing import Any

from .checks import Run, cli_or_fail

STATS = ("bytes_in", "bytes_out", "active_connections", "total_connections", "request_errors")
# Our quota keys and the CLI's rows of `loadbalancer quota show`.
QUOTA = {"loadbalancer": "load_balancer", "listener": "listener", "pool": "pool", "healthmonitor": "health_monitor",
         "member": "member", "l7policy": "l7policy", "l7rule": "l7rule"}


async def _stats(run: Run, cli: Any) -> None:
    balancers, _ = await run.client.call_all("get_load_balancers", {"limit": 1000, "detail_level": "basic"})
    if not balancers:
        run.ledger.note(f"{run.account.label}: no load balancer, so no stats to compare")
    for balancer in balancers[:6]:
        label = f"{run.account.label} CLI loadbalancer stats show {balancer['id']}"
        theirs = await cli_or_fail(run, cli, "get_load_balancer_stats", "loadbalancer", "stats", "show", balancer["id"])
        if theirs is None:
            continue
        for key in (balancer["id"], balancer.get("name")):
            answer = await run.client.call("get_load_balancer_stats", {"load_balancer": key})
            item = (answer.data or {}).get("item") or {}
            if run.ledger.check("get_load_balancer_stats", not answer.is_error, f"{label} by {key}: {answer.text[:300]}"):
                run.ledger.match("get_load_balancer_stats", f"{label} by {key}",
                                 {k: item.get(k) for k in (*STATS, "loadbalancer_id")},
                                 {**{k: theirs.get(k) for k in STATS}, "loadbalancer_id": balancer["id"]})
            if not balancer.get("name") or balancer.get("name") == balancer["id"]:
                break


async def _quota(run: Run, cli: Any, project: str) -> None:
    label = f"{run.account.label} CLI loadbalancer quota show {project}"
    theirs = await cli_or_fail(run, cli, "get_load_balancer_quotas", "loadbalancer", "quota", "show", project)
    if theirs is None:
        return
    answer = await run.client.call("get_load_balancer_quotas", {"project_id": project, "detail_level": "detailed"})
    if run.ledger.check("get_load_balancer_quotas", not answer.is_error and len(answer.items) == 1, f"{label}: {answer.text[:300]}"):
        mine = answer.items[0]
        run.ledger.match("get_load_balancer_quotas", label, {"project_id": mine.get("project_id"), **{k: mine.get(k) for k in QUOTA}},
                         {"project_id": project, **{k: theirs.get(c) for k, c in QUOTA.items()}})


async def run_lb_image_cli_checks(run: Run, cli: Any) -> None:
    tools = run.client.tools
    if "get_load_balancer_stats" in tools and run.account.has_service("load-balancer"):
        await _stats(run, cli)
    if "get_load_balancer_quotas" in tools and run.account.has_service("load-balancer"):
        projects = [run.account.project_id] if run.account.project_id else []
        if run.admin:
            # Every project whose quota was set (alt_demo's by the recipe), a few of them.
            listed = await cli_or_fail(run, cli, "get_load_balancer_quotas", "loadbalancer", "quota", "list") or []
            projects += [row.get("project_id") for row in listed if row.get("project_id") not in projects][:3]
        for project in projects:
            await _quota(run, cli, project)
    if "get_image_tasks" in tools and run.account.has_service("image") and not run.admin:
        # Glance's default policy gives tasks to admins only: the CLI fails, and the tool must say why.
        refused = await asyncio.to_thread(_fails, cli, "image", "task", "list")
        answer = await run.client.call("get_image_tasks", {})
        run.ledger.check("get_image_tasks", refused and answer.is_error and "403" in answer.text and "admin" in answer.text,
                         f"{run.account.label} get_image_tasks without the admin role (CLI refused: {refused}): {answer.text[:300]}")


def _fails(cli: Any, *argv: str) -> bool:
    try:
        cli(*argv)
    except Exception:  # noqa: BLE001 - the refusal is the expected outcome
        return True
    return False
