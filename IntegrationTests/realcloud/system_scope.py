"""Reads that a service's policy gives only to a system-scoped token (Ironic's drivers, from Ironic 39).

A project-scoped admin gets a clear answer naming the scope to use, as the CLI is refused too; a
server signed in with system scope (IT_SYSTEM_CLOUD, default the recipe's `ostack-system-admin`)
reads them, and they match `openstack baremetal driver list` run as that account.
"""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
from typing import Any

from .cloud import Account
from .ledger import Ledger, Unordered
from .server import ServerProcess, connect

TOOL = "get_baremetal_drivers"


def _cli(binary: str, account: Account, *argv: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
    return subprocess.run([binary, *argv, "-f", "json"], env={**env, **account.server_environment()},
                          capture_output=True, text=True, timeout=180)


async def check_project_scope_is_told(run: Any) -> None:
    """As a project-scoped admin: Ironic refuses drivers, and our answer names system scope."""
    if TOOL not in run.client.tools or not run.admin or not run.account.has_service("baremetal"):
        return
    if run.account.auth.get("system_scope"):
        return
    answer = await run.client.call(TOOL, {})
    run.ledger.check(TOOL, answer.is_error and "system-scoped token" in answer.text and "OS_SYSTEM_SCOPE=all" in answer.text,
                     f"{run.account.label} {TOOL} with a project-scoped token names system scope: {answer.text[:300]}")


async def run_system_scope_checks(args, ledger: Ledger, log) -> None:
    name = os.environ.get("IT_SYSTEM_CLOUD", "ostack-system-admin")
    try:
        account = Account(name)
    except Exception as error:  # noqa: BLE001 - a cloud without such an entry: nothing to check
        ledger.note(f"no system-scoped account {name!r} ({error}): {TOOL} not compared")
        return
    if not account.has_service("baremetal"):
        ledger.note(f"{name}: no baremetal service in the catalog: {TOOL} not compared")
        return
    from .cli import find_cli  # here: cli.py imports this module
    binary = find_cli()
    if binary is None:
        ledger.note(f"no `openstack` CLI: {TOOL} not compared")
        return
    server = ServerProcess(args.binary, account.server_environment(), os.path.join(args.work, f"server-{name}.log"),
                           extra_args=["--toolsets", "baremetal"])
    server.start()
    try:
        async with connect(server.url) as client:
            label = f"{name} CLI baremetal driver list"
            done = await asyncio.to_thread(_cli, binary, account, "baremetal", "driver", "list")
            if not ledger.check(TOOL, done.returncode == 0, f"{label}: {done.stderr.strip()[-300:]}"):
                return
            rows = json.loads(done.stdout or "[]")
            answer = await client.call(TOOL, {"detail_level": "detailed"})
            if not ledger.check(TOOL, not answer.is_error, f"{name} {TOOL}: {answer.text[:300]}"):
                return
            ours = {item.get("name"): item for item in (answer.data or {}).get("items") or []}
            ledger.match(TOOL, f"{label}: names", Unordered(list(ours)), Unordered([row.get("name") for row in rows]))
            for row in rows:
                hosts = row.get("hosts")
                hosts = [h.strip() for h in hosts.split(",")] if isinstance(hosts, str) else hosts or []
                mine = ours.get(row.get("name")) or {}
                ledger.match(TOOL, f"{label} {row.get('name')}: hosts", Unordered(mine.get("hosts") or []), Unordered(hosts))
            log(f"{TOOL} as {name}: {len(ours)} drivers compared")
    finally:
        server.stop()
