"""The Gnocchi and Aodh tools compared with their own CLIs (gnocchiclient's `openstack metric ...`,
aodhclient's `openstack alarm ...` and `alarm-history`), fact by fact.

The CLI is the suite venv's `openstack` (IntegrationTests/requirements.txt installs
python-openstackclient with gnocchiclient and aodhclient), run with the account's OS_* variables.
Measures grow by a point a minute on the recipe's cloud (its telemetry-feeder), so a measures
comparison asks both sides for a window that has ended; the tool's own choice of window and
granularity is then asked for the same way and compared with what the CLI prints for exactly
that window, granularity and aggregation.
"""
from __future__ import annotations

import datetime
import json
import os
import sys
from typing import Any

from .checks import Run, cli_or_fail
from .cli import Cli
from .ledger import Unordered


def find_telemetry_cli() -> str | None:
    """REALCLOUD_TELEMETRY_CLI, else the `openstack` beside the suite's Python (with the plugins)."""
    explicit = os.environ.get("REALCLOUD_TELEMETRY_CLI")
    if explicit:
        return explicit
    beside = os.path.join(os.path.dirname(sys.executable), "openstack")
    return beside if os.access(beside, os.X_OK) else None


def words(seconds: float) -> str:
    """Our tools' words for a duration (MeasureWindow.words): 60 -> '1 min', 86400 -> '1 day'."""
    value = int(seconds)
    if value % 86_400 == 0:
        return "1 day" if value == 86_400 else f"{value // 86_400} days"
    if value % 3600 == 0:
        return f"{value // 3600} h"
    if value % 60 == 0:
        return f"{value // 60} min"
    return f"{value} s"


def timedelta_seconds(text: str) -> float:
    """gnocchiclient prints Python timedeltas: '365 days, 0:00:00', '1:00:00', '0:01:00'."""
    days = 0
    if "day" in text:
        head, _, text = text.partition(", ")
        days = int(head.split()[0])
    hours, minutes, seconds = text.split(":")
    return days * 86_400 + int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def iso(moment: datetime.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


async def _tool(run: Run, tool: str, args: dict) -> list[dict] | None:
    answer_items, _ = await run.client.call_all(tool, {"limit": 1000, **args})
    return answer_items


async def compare_resources(run: Run, cli: Cli) -> list[dict]:
    tool, label = "get_metric_resources", run.account.label
    rows = await cli_or_fail(run, cli, tool, "metric", "resource", "list", "--type", "instance", "--details")
    if rows is None:
        return []
    ours = await _tool(run, tool, {"type": "instance", "detail_level": "detailed"})
    run.ledger.match(tool, f"{label} CLI metric resource list --type instance: ids",
                     Unordered([o.get("id") for o in ours]), Unordered([r.get("id") for r in rows]))
    by_id = {o.get("id"): o for o in ours}
    for row in rows:
        mine = by_id.get(row.get("id"))
        if mine is None:
            continue
        run.ledger.match(tool, f"{label} CLI metric resource list {row['id']}",
                         {key: mine.get(key) for key in ("type", "name", "original_resource_id", "project_id",
                                                         "started_at", "ended_at", "host", "flavor_name")},
                         {"type": row.get("type"), "name": row.get("display_name"),
                          "original_resource_id": row.get("original_resource_id"), "project_id": row.get("project_id"),
                          "started_at": row.get("started_at"), "ended_at": row.get("ended_at"),
                          "host": row.get("host"), "flavor_name": row.get("flavor_name")})
        shown = await cli_or_fail(run, cli, tool, "metric", "resource", "show", "--type", "instance", row["id"])
        if shown is not None:
            run.ledger.match(tool, f"{label} CLI metric resource show {row['id']}: metrics",
                             mine.get("metric_ids"), shown.get("metrics"))
            run.ledger.match(tool, f"{label} CLI metric resource show {row['id']}: metric names",
                             mine.get("metrics"), sorted(shown.get("metrics") or {}))
        # The server_id filter finds exactly this server's resource.
        one = await _tool(run, tool, {"type": "instance", "server_id": row["id"]})
        run.ledger.match(tool, f"{label} server_id={row['id']}", [o.get("id") for o in one], [row["id"]])
    generic = await cli_or_fail(run, cli, tool, "metric", "resource", "list")
    if generic is not None:
        ours_generic = await _tool(run, tool, {})
        run.ledger.match(tool, f"{label} CLI metric resource list (generic): ids",
                         Unordered([o.get("id") for o in ours_generic]), Unordered([r.get("id") for r in generic]))
    return rows


async def compare_metrics(run: Run, cli: Cli, resources: list[dict]) -> None:
    tool, label = "get_metrics", run.account.label
    rows = await cli_or_fail(run, cli, tool, "metric", "list")
    if rows is None:
        return
    ours = await _tool(run, tool, {"detail_level": "detailed"})
    run.ledger.match(tool, f"{label} CLI metric list: ids", Unordered([o.get("id") for o in ours]),
                     Unordered([r.get("id") for r in rows]))
    by_id = {o.get("id"): o for o in ours}
    for row in rows:
        mine = by_id.get(row.get("id"))
        if mine is not None:
            run.ledger.match(tool, f"{label} CLI metric list {row['id']}",
                             {key: mine.get(key) for key in ("name", "unit", "resource_id", "archive_policy")},
                             {"name": row.get("name"), "unit": row.get("unit"), "resource_id": row.get("resource_id"),
                              "archive_policy": row.get("archive_policy/name")})
    for resource in resources[:3]:
        mine = await _tool(run, tool, {"resource_id": resource["id"]})
        theirs = [r for r in rows if r.get("resource_id") == resource["id"]]
        run.ledger.match(tool, f"{label} resource_id={resource['id']}: names",
                         Unordered([m.get("name") for m in mine]), Unordered([r.get("name") for r in theirs]))
    named = await _tool(run, tool, {"name": "cpu_util"})
    run.ledger.match(tool, f"{label} name=cpu_util: ids", Unordered([m.get("id") for m in named]),
                     Unordered([r.get("id") for r in rows if r.get("name") == "cpu_util"]))


async def _measures_case(run: Run, cli: Cli, what: str, args: dict) -> None:
    """Our answer for `args`, then the CLI for the window, granularity and aggregation it reports."""
    tool, label = "get_measures", run.account.label
    answer = await run.client.call(tool, args)
    if not run.ledger.check(tool, not answer.is_error, f"{label} {what}: {answer.text[:300]}"):
        return
    item = (answer.data or {}).get("item") or {}
    window = item.get("window") or {}
    argv = ["metric", "measures", "show", "--aggregation", str(item.get("aggregation")),
            "--granularity", str(item.get("granularity_seconds")), "--start", str(window.get("start")),
            "--stop", str(window.get("stop")), str(item.get("metric_id"))]
    rows = await cli_or_fail(run, cli, tool, *argv)
    if rows is None:
        return
    where = f"{label} {what} vs CLI {' '.join(argv[3:])}"
    theirs = [[row.get("timestamp"), row.get("value")] for row in rows
              if row.get("granularity") == item.get("granularity_seconds")]
    run.ledger.match(tool, f"{where}: points", item.get("measures"), theirs)
    run.ledger.match(tool, f"{where}: point_count", item.get("point_count"), len(theirs))
    values = [value for _, value in theirs]
    if values:
        run.ledger.match(tool, f"{where}: summary", item.get("summary"),
                         {"min": min(values), "max": max(values), "last": values[-1],
                          "mean": round(sum(values) / len(values), 3)})
    run.ledger.check(tool, bool(item.get("chosen_because")), f"{where}: the answer does not say why this granularity")
    for key, expected in args.items():
        if key == "aggregation":
            run.ledger.match(tool, f"{where}: aggregation as asked", item.get("aggregation"), expected)
        if key == "granularity":
            run.ledger.match(tool, f"{where}: granularity as asked", item.get("granularity_seconds"), expected)


async def compare_measures(run: Run, cli: Cli, resources: list[dict]) -> None:
    tool, label = "get_measures", run.account.label
    # The running servers the recipe feeds (vm-stopped reports nothing).
    fed = []
    for resource in resources:
        points = await cli_or_fail(run, cli, tool, "metric", "measures", "show", "--resource-id", resource["id"], "cpu_util",
                            "--aggregation", "mean", "--granularity", "60", "--start", iso(_now() - datetime.timedelta(minutes=30)))
        if points:
            fed.append(resource)
    if not run.ledger.check(tool, bool(fed) or not resources, f"{label}: no instance resource has cpu_util measures"):
        return
    if not fed:
        run.ledger.note(f"get_measures ({label}): no instance resources to read")
        return
    minute = _now().replace(second=0, microsecond=0)
    stop, hour = minute - datetime.timedelta(minutes=3), minute.replace(minute=0)
    resource = fed[0]["id"]
    cases = [
        ("cpu_util by name, ended 40-min window", {"metric": "cpu_util", "resource_id": resource,
                                                  "start": iso(stop - datetime.timedelta(minutes=40)), "stop": iso(stop)}),
        ("memory.usage max at 60 s", {"metric": "memory.usage", "resource_id": resource, "aggregation": "max",
                                       "granularity": 60, "start": iso(stop - datetime.timedelta(minutes=20)), "stop": iso(stop)}),
        # 6 hours in at most 10 points: the tool must move to the hourly archive.
        ("cpu_util over 6 h in 10 points", {"metric": "cpu_util", "resource_id": resource, "max_points": 10,
                                            "start": iso(hour - datetime.timedelta(hours=6)), "stop": iso(hour)}),
        # 60 points of a 1-hour window at 60 s over a budget of 15: the tool keeps the last 15.
        ("cpu_util min, budget of 15 at 60 s", {"metric": "cpu_util", "resource_id": resource, "aggregation": "min",
                                                "granularity": 60, "max_points": 15,
                                                "start": iso(stop - datetime.timedelta(hours=1)), "stop": iso(stop)}),
    ]
    metrics = await _tool(run, "get_metrics", {"resource_id": resource})
    cpu = next((m.get("id") for m in metrics if m.get("name") == "cpu_util"), None)
    if cpu:
        cases.append(("cpu_util by metric ID", {"metric": cpu, "start": iso(stop - datetime.timedelta(minutes=30)),
                                               "stop": iso(stop)}))
    for what, args in cases:
        await _measures_case(run, cli, what, args)
    # The default window ends now: a point may land between the two reads, so only the choice is compared.
    answer = await run.client.call(tool, {"metric": "cpu_util", "resource_id": resource})
    item = (answer.data or {}).get("item") or {}
    run.ledger.check(tool, not answer.is_error and item.get("granularity_seconds") == 60 and item.get("point_count", 0) >= 30,
                     f"{label} default window (the last hour): expected 60 s points, got {answer.text[:300]}")


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


async def compare_archive_policies(run: Run, cli: Cli) -> None:
    tool, label = "get_archive_policies", run.account.label
    rows = await cli_or_fail(run, cli, tool, "metric", "archive-policy", "list")
    if rows is None:
        return
    ours = await _tool(run, tool, {"detail_level": "detailed"})
    run.ledger.match(tool, f"{label} CLI metric archive-policy list: names",
                     Unordered([o.get("name") for o in ours]), Unordered([r.get("name") for r in rows]))
    by_name = {o.get("name"): o for o in ours}
    for row in rows:
        mine = by_name.get(row.get("name"))
        if mine is None:
            continue
        archives = [{"granularity": words(timedelta_seconds(a["granularity"])), "points": a.get("points"),
                     "timespan": words(timedelta_seconds(a["timespan"]))} for a in row.get("definition") or []]
        run.ledger.match(tool, f"{label} CLI metric archive-policy list {row['name']}",
                         {"archives": mine.get("archives"), "back_window": mine.get("back_window"),
                          "aggregation_methods": Unordered(mine.get("aggregation_methods") or [])},
                         {"archives": archives, "back_window": row.get("back_window"),
                          "aggregation_methods": Unordered(row.get("aggregation_methods") or [])})


ALARM_SHOW_RULE = ("metric", "resource_id", "resource_type", "comparison_operator", "threshold",
                   "aggregation_method", "evaluation_periods", "granularity")


async def compare_alarms(run: Run, cli: Cli) -> list[dict]:
    tool, label = "get_alarms", run.account.label
    rows = await cli_or_fail(run, cli, tool, "alarm", "list")
    if rows is None:
        return []
    ours = await _tool(run, tool, {"detail_level": "detailed"})
    run.ledger.match(tool, f"{label} CLI alarm list: ids", Unordered([o.get("id") for o in ours]),
                     Unordered([r.get("alarm_id") for r in rows]))
    by_id = {o.get("id"): o for o in ours}
    for row in rows:
        mine = by_id.get(row.get("alarm_id"))
        if mine is None:
            continue
        run.ledger.match(tool, f"{label} CLI alarm list {row['alarm_id']}",
                         {key: mine.get(key) for key in ("name", "type", "state", "severity", "enabled")},
                         {key: row.get(key) for key in ("name", "type", "state", "severity", "enabled")})
        shown = await cli_or_fail(run, cli, tool, "alarm", "show", row["alarm_id"])
        if shown is None:
            continue
        run.ledger.match(tool, f"{label} CLI alarm show {row['alarm_id']}",
                         {key: mine.get(key) for key in ("state_reason", "state_timestamp", "project_id", "description",
                                                         "repeat_actions", "alarm_actions")},
                         {key: shown.get(key) for key in ("state_reason", "state_timestamp", "project_id", "description",
                                                          "repeat_actions", "alarm_actions")})
        run.ledger.match(tool, f"{label} CLI alarm show {row['alarm_id']}: rule",
                         {key: (mine.get("rule_detail") or {}).get(key) for key in ALARM_SHOW_RULE if key in shown},
                         {key: shown.get(key) for key in ALARM_SHOW_RULE if key in shown})
    for state in ("alarm", "ok", "insufficient data"):
        filtered = await _tool(run, tool, {"state": state})
        run.ledger.match(tool, f"{label} state={state!r}: ids", Unordered([o.get("id") for o in filtered]),
                         Unordered([r.get("alarm_id") for r in rows if r.get("state") == state]))
    if run.account.label == "ostack-admin":
        run.ledger.check(tool, any(r.get("state") == "alarm" for r in rows),
                         f"{label}: the recipe's firing alarm (vm1-cpu-high) is not in state alarm: {[(r.get('name'), r.get('state')) for r in rows]}")
    return rows


async def compare_alarm_history(run: Run, cli: Cli, alarms: list[dict]) -> None:
    tool, label = "get_alarm_history", run.account.label
    for alarm in alarms[:6]:
        rows = await cli_or_fail(run, cli, tool, "alarm-history", "show", alarm["alarm_id"])
        if rows is None:
            continue
        ours = await _tool(run, tool, {"alarm": alarm["alarm_id"], "detail_level": "detailed"})
        where = f"{label} CLI alarm-history show {alarm['alarm_id']}"
        # Aodh lists the newest first; so must we.
        run.ledger.match(tool, f"{where}: event ids in order", [o.get("event_id") for o in ours],
                         [r.get("event_id") for r in rows])
        by_id = {o.get("event_id"): o for o in ours}
        for row in rows:
            mine = by_id.get(row.get("event_id"))
            if mine is None:
                continue
            detail = json.loads(row["detail"]) if row.get("detail") else None
            expected = {"timestamp": row.get("timestamp"), "type": row.get("type"), "detail": detail,
                        "state": detail.get("state") if row.get("type") == "state transition" else None,
                        "reason": detail.get("transition_reason") or detail.get("state_reason") if detail else None}
            run.ledger.match(tool, f"{where} {row['event_id']}", {key: mine.get(key) for key in expected}, expected)
        by_name = await _tool(run, tool, {"alarm": alarm["name"]})
        if sum(1 for a in alarms if a.get("name") == alarm["name"]) == 1:
            run.ledger.match(tool, f"{label} alarm={alarm['name']!r} (by name): timestamps",
                             [o.get("timestamp") for o in by_name], [r.get("timestamp") for r in rows])


async def run_telemetry_cli_checks(run: Run) -> None:
    """Where the catalog has metric / alarming and the server offers their tools."""
    wanted = [s for s in ("metric", "alarming") if run.account.has_service(s)]
    if not wanted:
        return
    binary = find_telemetry_cli()
    if binary is None:
        run.ledger.note("no `openstack` with gnocchiclient/aodhclient beside the suite's Python: telemetry CLI comparisons skipped")
        return
    cli = Cli(binary, run)
    if "metric" in wanted and "get_metric_resources" in run.client.tools:
        resources = await compare_resources(run, cli)
        await compare_metrics(run, cli, resources)
        await compare_measures(run, cli, resources)
        await compare_archive_policies(run, cli)
    if "alarming" in wanted and "get_alarms" in run.client.tools:
        alarms = await compare_alarms(run, cli)
        await compare_alarm_history(run, cli, alarms)
