"""get_identity, get_stack_template, get_instance_console_log and get_volume_type compared with the
`openstack` CLI (token issue and catalog list; stack template show; console log show; volume type
show --encryption-type), fact by fact. The Cinder list tools of the same issue are CliList specs in
cli.py.
"""
from __future__ import annotations

import asyncio
import subprocess
from datetime import datetime, timedelta, timezone
from typing import Any

from .checks import Run
from .cli import Cli, find_cli
from .ledger import MASK, Unordered, is_secret_key
from .shows23 import check_flavor_access, check_snapshot_and_backup_shows

CONSOLE_LINES = 20


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    text = text.replace("Z", "+00:00")
    if len(text) > 5 and text[-5] in "+-" and text[-3] != ":":  # +0000 -> +00:00
        text = text[:-2] + ":" + text[-2:]
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _catalog(rows: list[dict]) -> dict[str, dict[str, set[str]]]:
    """`openstack catalog list`: each service type's regions and their interfaces. Its JSON gives
    the endpoints as objects; its table form as text (a region line, then `interface: url` lines)."""
    found: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        regions = found.setdefault(row.get("type"), {})
        endpoints = row.get("endpoints") or []
        if isinstance(endpoints, list):
            for endpoint in endpoints:
                regions.setdefault(endpoint.get("region") or endpoint.get("region_id") or "", set()).add(endpoint.get("interface"))
            continue
        region = ""
        for line in str(endpoints).splitlines():
            if line.strip() and not line.startswith(" "):
                region = line.strip()
                regions.setdefault(region, set())
            elif ":" in line:
                regions.setdefault(region, set()).add(line.strip().split(":", 1)[0])
    return found


async def check_identity(run: Run, cli: Cli) -> None:
    tool = "get_identity"
    answer = await run.client.call(tool, {})
    if not run.ledger.check(tool, not answer.is_error, f"{run.account.label}: {answer.text[:300]}"):
        return
    item = answer.data["item"]
    label = f"{run.account.label} CLI token issue"
    try:
        token = await asyncio.to_thread(cli, "token", "issue")
        rows = await asyncio.to_thread(cli, "catalog", "list")
    except Exception as error:  # noqa: BLE001 - one failed command is one failed fact
        run.ledger.fail(tool, f"{label}: {error}")
        return
    run.ledger.match(tool, f"{label}: user_id", (item.get("user") or {}).get("id"), token.get("user_id"))
    run.ledger.match(tool, f"{label}: project_id", (item.get("project") or {}).get("id"), token.get("project_id"))
    run.ledger.match(tool, f"{run.account.label} roles (Keystone's token)", Unordered(item.get("roles") or []),
                     Unordered(sorted(run.account.roles)))
    run.ledger.check(tool, token.get("id") not in answer.text and run.account.access.auth_token not in answer.text,
                     f"{run.account.label}: a token is shown")
    ours, theirs = _parse_time(item.get("expires_at")), _parse_time(token.get("expires"))
    now = datetime.now(timezone.utc)
    # Our token is cached, the CLI's new: both in the future, ours no later than the CLI's.
    run.ledger.check(tool, ours is not None and theirs is not None and now < ours <= theirs + timedelta(seconds=5),
                     f"{label}: expires_at {item.get('expires_at')} vs the CLI's new token {token.get('expires')}")
    catalog = _catalog(rows)
    region = answer.data.get("region")
    services = {s.get("type"): s for s in item.get("services") or []}
    run.ledger.match(tool, f"{run.account.label} CLI catalog list: types", Unordered(list(services)), Unordered(list(catalog)))
    names = {row.get("type"): row.get("name") for row in rows}
    for kind, regions in catalog.items():
        mine = services.get(kind) or {}
        where = f"{run.account.label} CLI catalog list {kind}"
        run.ledger.match(tool, f"{where}: name", mine.get("name"), names.get(kind))
        run.ledger.match(tool, f"{where}: regions", Unordered(mine.get("regions") or []), Unordered([r for r in regions if r]))
        if region in regions:
            run.ledger.match(tool, f"{where}: interfaces in {region}", Unordered(mine.get("interfaces") or []),
                             Unordered(sorted(regions[region])))


def _secret_parameter(name: str, definition: Any) -> bool:
    if isinstance(definition, dict) and (definition.get("hidden") is True or str(definition.get("NoEcho", "")).lower() == "true"):
        return True
    lower = name.lower()
    return is_secret_key(name) or lower.endswith(("pass", "_key", "passphrase"))


async def check_stack_templates(run: Run, cli: Cli) -> None:
    tool = "get_stack_template"
    stacks, _ = await run.client.call_all("get_stacks", {"limit": 1000, "detail_level": "basic"})
    for stack in stacks[:5]:
        ident = stack.get("id")
        label = f"{run.account.label} CLI stack template show {stack.get('stack_name')}"
        try:
            template = await asyncio.to_thread(cli, "stack", "template", "show", ident)
        except Exception as error:  # noqa: BLE001
            run.ledger.fail(tool, f"{label}: {error}")
            continue
        answer = await run.client.call(tool, {"stack": stack.get("stack_name") or ident})
        if not run.ledger.check(tool, not answer.is_error, f"{label}: {answer.text[:300]}"):
            continue
        item = answer.data["item"]
        mine = item.get("template") or {}
        run.ledger.match(tool, f"{label}: stack_id", item.get("stack_id"), ident)
        for key in ("heat_template_version", "description", "AWSTemplateFormatVersion", "Description"):
            if key in template:
                run.ledger.match(tool, f"{label}: {key}", mine.get(key), template[key])
        parameters = template.get("parameters") or template.get("Parameters") or {}
        ours = mine.get("parameters") or mine.get("Parameters") or {}
        run.ledger.match(tool, f"{label}: parameters", Unordered(list(ours)), Unordered(list(parameters)))
        secret = sorted(name for name, definition in parameters.items() if _secret_parameter(name, definition))
        run.ledger.match(tool, f"{label}: masked_parameters", item.get("masked_parameters"), secret)
        for name, definition in parameters.items():
            if not isinstance(definition, dict):
                continue
            for field in ("default", "Default"):
                if field in definition:
                    expected = MASK if name in secret else definition[field]
                    run.ledger.match(tool, f"{label}: {name}.{field}", (ours.get(name) or {}).get(field), expected)
            run.ledger.match(tool, f"{label}: {name}.type", (ours.get(name) or {}).get("type") or (ours.get(name) or {}).get("Type"),
                             definition.get("type") or definition.get("Type"))
        resources = template.get("resources") or template.get("Resources") or {}
        mine_resources = mine.get("resources") or mine.get("Resources") or {}
        kind = lambda v: (v.get("type") or v.get("Type")) if isinstance(v, dict) else v  # noqa: E731
        run.ledger.match(tool, f"{label}: resources", {k: kind(v) for k, v in mine_resources.items()},
                         {k: kind(v) for k, v in resources.items()})
        outputs = template.get("outputs") or template.get("Outputs") or {}
        run.ledger.match(tool, f"{label}: outputs", Unordered(list(mine.get("outputs") or mine.get("Outputs") or {})),
                         Unordered(list(outputs)))


async def check_console_logs(run: Run, binary: str, cli: Cli) -> None:
    tool = "get_instance_console_log"
    servers, _ = await run.client.call_all("get_instances", {"limit": 1000, "status": "ACTIVE", "detail_level": "basic"})
    if not servers:
        run.ledger.note(f"{run.account.label}: no ACTIVE server to read a console log of")
        return
    for server in servers[:3]:
        label = f"{run.account.label} CLI console log show --lines {CONSOLE_LINES} {server.get('name')}"
        done = await asyncio.to_thread(
            subprocess.run, [binary, "console", "log", "show", "--lines", str(CONSOLE_LINES), server["id"]],
            env=cli.env, capture_output=True, text=True, timeout=180)
        answer = await run.client.call(tool, {"server": server["id"], "lines": CONSOLE_LINES})
        if done.returncode != 0:
            # Nova refused the CLI too (a server without a console): ours must be an error as well.
            run.ledger.check(tool, answer.is_error, f"{label}: the CLI failed ({done.stderr.strip()[-200:]}) but ours answered")
            continue
        if not run.ledger.check(tool, not answer.is_error, f"{label}: {answer.text[:300]}"):
            continue
        item = answer.data["item"]
        theirs = done.stdout.splitlines()
        while theirs and theirs[-1] == "":
            theirs.pop()
        mine = item.get("lines") or []
        run.ledger.match(tool, f"{label}: line count", len(mine), len(theirs[-CONSOLE_LINES:]))
        # A masked line differs from the CLI's where the mask is; every other line is the same.
        same = [m == t for m, t in zip(mine, theirs[-CONSOLE_LINES:]) if MASK not in m]
        run.ledger.check(tool, all(same), f"{label}: {same.count(False)} unmasked lines differ")
        run.ledger.match(tool, f"{label}: server_id", item.get("server_id"), server["id"])


async def check_volume_types(run: Run, cli: Cli) -> None:
    tool = "get_volume_type"
    types, _ = await run.client.call_all("get_volume_types", {"limit": 1000, "visibility": "all", "detail_level": "basic"})
    chosen = [t for t in types if t.get("is_public") is False][:2] + [t for t in types if t.get("is_public")][:2]
    for vtype in chosen:
        label = f"{run.account.label} CLI volume type show --encryption-type {vtype.get('name')}"
        try:
            shown = await asyncio.to_thread(cli, "volume", "type", "show", "--encryption-type", vtype["id"])
        except Exception as error:  # noqa: BLE001
            run.ledger.fail(tool, f"{label}: {error}")
            continue
        answer = await run.client.call(tool, {"type": vtype.get("name")})
        if not run.ledger.check(tool, not answer.is_error, f"{label}: {answer.text[:300]}"):
            continue
        item = answer.data["item"]
        run.ledger.match(tool, label, item, {
            "id": shown.get("id"), "name": shown.get("name"), "is_public": shown.get("is_public"),
            "description": shown.get("description"), "extra_specs": shown.get("properties") or {}})
        # The CLI does not print the QoS spec: Cinder's own answer for it.
        raw = run.account.get("volume", f"/types/{vtype['id']}").json.get("volume_type") or {}
        run.ledger.match(tool, f"{run.account.label} GET /types/{vtype.get('name')}: qos_specs_id", item.get("qos_specs_id"),
                         raw.get("qos_specs_id"))
        if shown.get("is_public") is False:
            run.ledger.match(tool, f"{label}: access", Unordered([a.get("project_id") for a in item.get("access") or []]),
                             Unordered(shown.get("access_project_ids") or []))
        encryption = shown.get("encryption") or {}
        expected = {k: encryption.get(k) for k in ("provider", "cipher", "key_size", "control_location")} if encryption.get("provider") else None
        run.ledger.match(tool, f"{label}: encryption", item.get("encryption"), expected)


async def run_edge_checks(run: Run) -> None:
    binary = find_cli()
    if binary is None:
        run.ledger.note("no `openstack` CLI found: the get_identity, template, console and volume type comparisons are skipped")
        return
    cli = Cli(binary, run)
    if "get_identity" in run.client.tools:
        await check_identity(run, cli)
    if "get_stack_template" in run.client.tools and run.account.has_service("orchestration"):
        await check_stack_templates(run, cli)
    if "get_instance_console_log" in run.client.tools and run.account.has_service("compute"):
        await check_console_logs(run, binary, cli)
    if "get_volume_type" in run.client.tools and run.account.has_service("block-storage") and run.admin:
        await check_volume_types(run, cli)
    if "get_flavor_access" in run.client.tools and run.account.has_service("compute") and run.admin:
        await check_flavor_access(run, cli)
    if run.account.has_service("block-storage"):
        await check_snapshot_and_backup_shows(run, cli)
