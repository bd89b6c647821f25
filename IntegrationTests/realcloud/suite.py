"""Runs our server against a real cloud, once per account, and compares every tool with the cloud itself."""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time

from .accesslog import AccessLogs
from .callers import run_callers
from .canaries import run_canaries
from .checks import Run, run_list, run_show
from .cli import run_cli_checks
from .telemetry_cli import run_telemetry_cli_checks
from .edges import run_edge_checks
from .diag_reads import run_diag_reads
from .extra_shows import run_extra_shows
from .extras import EXTRA_CHECKS
from .cloud import Account
from .diagnose import run_diagnose
from .ledger import Ledger
from .proxy import RecordingProxy
from .resources import PagingResources
from .server import ServerProcess, connect
from .system_scope import run_system_scope_checks
from .tools import CHECKS, SHOW_CHECKS
from .upstream import check_upstream, check_token_recovery, extra_scope_checks


def log(message: str) -> None:
    print(f"[suite {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Phases:
    def __init__(self) -> None:
        self.times: list[tuple[str, float]] = []

    def run(self, name: str):
        phases = self

        class Timer:
            def __enter__(self):
                self.started = time.monotonic()
                log(f"== {name}")

            def __exit__(self, *exc):
                phases.times.append((name, time.monotonic() - self.started))
        return Timer()


async def run_account(account: Account, args, ledger: Ledger, admin_run: Run | None, logs: AccessLogs | None) -> Run:
    proxy = RecordingProxy(account.auth["auth_url"])
    auth_url = proxy.start()
    # Every toolset: Heat, Octavia and Swift are outside `default`.
    server = ServerProcess(
        args.binary, account.server_environment(auth_url), os.path.join(args.work, f"server-{account.label}.log"),
        extra_args=["--toolsets", "all"])
    started = time.time()
    server.start()
    try:
        async with connect(server.url) as client:
            client.rewrite = proxy.to_real
            run = Run(account, client, proxy, ledger)
            for check in CHECKS:
                await run_list(check, run)
            for check in SHOW_CHECKS:
                await run_show(check, run)
            for check in EXTRA_CHECKS:
                # A cloud without the service: the server does not offer its tools, and there is nothing to compare.
                if account.has_service(check.service):
                    await run_list(check, run)
            await run_extra_shows(run)
            await run_cli_checks(run)
            await run_telemetry_cli_checks(run)
            await run_edge_checks(run)
            await run_diag_reads(run)
            await extra_scope_checks(run, admin_run)
            if account.is_admin:
                await check_token_recovery(run)
            check_upstream(run, server, tool_calls=len(client.transcript))
    finally:
        server.stop()
        proxy.stop()
    if logs:
        logs.check(ledger, since=started, account=account)
    return run


async def main_async(args) -> int:
    phases, ledger = Phases(), Ledger()
    os.makedirs(args.work, exist_ok=True)
    with phases.run("connect"):
        primary = Account(os.environ.get("OS_CLOUD") or None)
        members = [Account(name) for name in args.member_clouds if name]
        for account in [primary, *members]:
            log(f"account {account.label}: project {account.project_id}, roles {sorted(account.roles)}")
    runs: list[Run] = []
    if "compare" in args.only:
        paging = PagingResources(primary, args.paging_networks, args.paging_volumes, log)
        logs = AccessLogs.find(args.service_logs)
        try:
            with phases.run("create paging resources"):
                paging.sweep()
                paging.create()
                # The read-only check reads service logs by time (whole seconds, one second of
                # slack): the suite's own creating POSTs must end before the first window opens.
                time.sleep(2.5)
            for account in [primary, *members]:
                with phases.run(f"compare as {account.label}"):
                    admin_run = next((r for r in runs if r.admin), None)
                    runs.append(await run_account(account, args, ledger, admin_run, logs))
            with phases.run("compare as a system-scoped admin (Ironic's drivers)"):
                await run_system_scope_checks(args, ledger, log)
        finally:
            with phases.run("clean up paging resources"):
                paging.cleanup()
                # As after creating them: the next phase's read-only window must open after these DELETEs.
                time.sleep(2.5)
    if "canaries" in args.only:
        # After the comparisons: their answers and logs are scanned too, and the sweeps reuse their arguments.
        with phases.run("canary secrets (every tool, resource, prompt and log line)"):
            await run_canaries([primary, *members], runs, args, ledger, log)
    if "diagnose" in args.only:
        with phases.run("diagnosis tools on the seeded failures"):
            await run_diagnose([primary, *members], args, ledger, log)
    if "callers" in args.only:
        with phases.run("per-caller identity (--identity caller, four callers at once)"):
            await run_callers(primary, args, ledger, log)
    report(ledger, phases, args)
    return 1 if ledger.failures else 0


def report(ledger: Ledger, phases: Phases, args) -> None:
    print("\n== facts compared per tool")
    for tool, count in sorted(ledger.facts.items()):
        print(f"  {tool:28} {count:6}")
    print(f"  {'total':28} {sum(ledger.facts.values()):6}")
    print("\n== notes")
    for note in ledger.notes:
        print(f"  {note}")
    for name, lines in ledger.sections.items():
        print(f"\n== {name}")
        for line in lines:
            print(f"  {line}")
    print("\n== phases")
    for name, seconds in phases.times:
        print(f"  {name:40} {seconds:7.1f} s")
    if ledger.failures:
        print(f"\n== {len(ledger.failures)} disagreements")
        for failure in ledger.failures:
            print(f"  {failure}")
    checks = sum(ledger.facts.values())
    print(f"\nreal-cloud: {checks - len(ledger.failures)} passed, {len(ledger.failures)} failed")
    with open(os.path.join(args.work, "report.json"), "w") as handle:
        json.dump({"facts": ledger.facts, "failures": ledger.failures, "notes": ledger.notes,
                   "sections": ledger.sections, "phases": phases.times}, handle, indent=1)


def main() -> None:
    parser = argparse.ArgumentParser(description="Compare openstack-mcp-server with a real OpenStack cloud.")
    parser.add_argument("--binary", default=".build/debug/openstack-mcp-server")
    parser.add_argument("--work", default=".build/real-cloud", help="logs and report.json go here")
    parser.add_argument("--member-clouds", default=os.environ.get("IT_MEMBER_CLOUDS", ""),
                        type=lambda text: [x.strip() for x in text.split(",") if x.strip()],
                        help="clouds.yaml names of non-admin accounts to check too (comma-separated)")
    parser.add_argument("--paging-networks", type=int, default=int(os.environ.get("IT_PAGING_NETWORKS", "5")))
    parser.add_argument("--paging-volumes", type=int, default=int(os.environ.get("IT_PAGING_VOLUMES", "3")))
    parser.add_argument("--service-logs", default=os.environ.get("IT_SERVICE_LOGS", ""),
                        help="glob of the services' logs (e.g. /tmp/ostack/log/*.log) for the access-log check")
    parser.add_argument("--only", default=os.environ.get("IT_ONLY", "compare,canaries,diagnose,callers"),
                        type=lambda text: {x.strip() for x in text.split(",") if x.strip()},
                        help="which parts to run, comma-separated: compare (the comparisons), canaries "
                             "(the canary-secret sweep), diagnose (the diagnosis tools on the seeded failures), "
                             "callers (per-caller identity: --identity caller with four callers at once); default all four")
    args = parser.parse_args()
    phases = {"compare", "canaries", "diagnose", "callers"}
    if not args.only or args.only - phases:
        sys.exit(f"real-cloud: --only takes {', '.join(sorted(phases))}, not {sorted(args.only)}")
    if not os.path.exists(args.binary):
        sys.exit(f"real-cloud: {args.binary} is missing; run swift build first")
    sys.exit(asyncio.run(main_async(args)))
