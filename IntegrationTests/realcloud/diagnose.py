"""The diagnosis tools (issue 21) on the failures the recipe's real services produced.

`scripts/real-openstack/seed_failures.py` seeds them (a scheduler's NoValidHost for a trait no
host has, a network no router serves, a security group without port 22, a volume type naming no
backend, a pool member nobody holds, a project at 90 % of a quota). Per account, the phase starts
its own server (`--toolsets all`) behind the recording proxy and calls each diagnose_* tool once
per scenario. Every answer must have the diagnosis shape (`subject`, `findings` most severe first,
each with code, summary, evidence {type, id, name, field, value} (absent is null; at least a type
and an ID or name) and next_step; `checked`;
`unknown` {check, reason}; `cloud`; `region`) and text under 20,000 characters. On a seeded
failure the TOP finding must have the expected code and its evidence must cite the resource that
shows the cause, by the ID or name the cloud itself gives it (read here by plain REST). A healthy
server gets no error finding and a non-empty `checked`. As a member (no admin role) every tool
still answers, with the admin-only checks under `unknown`, each naming the role it needed.

Upstream requests per call are counted twice: the requests the server sent (the recording proxy,
exact) and the access-log lines the services wrote meanwhile (the recipe's logs; these also hold
the services' own calls to each other, keystonemiddleware's token checks and periodic tasks). The
table goes to the report's `diagnosis requests` section (for BENCHMARKS.md). A tool the binary
does not offer is reported as missing, once, and its scenarios are skipped.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
import time
from typing import Any

from .accesslog import GUNICORN, UWSGI, AccessLogs
from .cloud import Account
from .ledger import Ledger
from .proxy import RecordingProxy
from .server import ServerProcess, connect

TOOLS = ("diagnose_instance", "diagnose_connectivity", "diagnose_volume", "diagnose_load_balancer", "diagnose_quota")
SEVERITY = {"error": 0, "warning": 1, "info": 2}
MAX_TEXT = 20_000
PHASE = "diagnose"


@dataclasses.dataclass
class Resource:
    """A resource as the cloud names it: the evidence must cite it by one of these."""
    kinds: tuple[str, ...]           # evidence `type` must contain one of these (normalized)
    ids: set[str]
    names: set[str]

    def cited_by(self, item: dict) -> bool:
        kind = _norm(item.get("type"))
        return any(_norm(k) in kind for k in self.kinds) and (
            str(item.get("id") or "") in self.ids or str(item.get("name") or "") in self.names)

    def __str__(self) -> str:
        return f"{'/'.join(self.kinds)} {sorted(self.names) or sorted(self.ids)}"


@dataclasses.dataclass
class Scenario:
    tool: str
    label: str
    args: dict
    code: str | None                 # the top finding's code; None: no finding of severity error
    cites: list[Resource] = dataclasses.field(default_factory=list)   # any one of them
    texts: list[str] = dataclasses.field(default_factory=list)        # each in some evidence field or value
    member: bool = False             # a member's call: admin-only checks under `unknown`
    needs_unknown: bool = False      # that call must report at least one admin-only check


def _norm(value: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", str(value or "").lower())


class Truth:
    """Plain REST reads of the seeded resources (the account's own view)."""

    def __init__(self, account: Account):
        self.account = account

    def one(self, service: str, path: str, key: str, name: str, params: dict | None = None) -> dict | None:
        answer = self.account.get(service, path, {**(params or {}), "name": name})
        items = answer.json.get(key, []) if answer.status == 200 and isinstance(answer.json, dict) else []
        return next((i for i in items if i.get("name") == name), None)

    def server(self, name: str) -> dict | None:
        scope = {"all_tenants": "True"} if self.account.is_admin else {}
        return self.one("compute", "/servers/detail", "servers", name, scope)

    def volume(self, name: str) -> dict | None:
        scope = {"all_tenants": "True"} if self.account.is_admin else {}
        return self.one("volume", "/volumes/detail", "volumes", name, scope)

    def balancer(self, name: str) -> dict | None:
        return self.one("load-balancer", "/lbaas/loadbalancers", "loadbalancers", name)

    def members(self, pool_name: str) -> list[dict]:
        pool = self.one("load-balancer", "/lbaas/pools", "pools", pool_name)
        if pool is None:
            return []
        answer = self.account.get("load-balancer", f"/lbaas/pools/{pool['id']}/members")
        return answer.json.get("members", []) if answer.status == 200 else []


def _res(kinds: tuple[str, ...], item: dict | None, name: str | None = None) -> Resource:
    item = item or {}
    return Resource(kinds, {item["id"]} if item.get("id") else set(), {n for n in (item.get("name"), name) if n})


def admin_scenarios(account: Account, ledger: Ledger, required: bool) -> list[Scenario]:
    truth = Truth(account)
    found: dict[str, Any] = {}

    def need(label: str, value: Any) -> Any:
        if not value:
            message = f"{account.label}: the seeded {label} is not in the cloud (scripts/real-openstack/seed_failures.py)"
            if required:
                ledger.fail(PHASE, message)
            else:
                ledger.note(message + ": its scenario is skipped")
        found[label] = value
        return value

    scenarios: list[Scenario] = []
    gpu = need("server diag-needs-gpu", truth.server("diag-needs-gpu"))
    flavor = truth.one("compute", "/flavors/detail", "flavors", "diag.gpu", {"is_public": "None"})
    if gpu and need("flavor diag.gpu", flavor):
        scenarios.append(Scenario("diagnose_instance", "diag-needs-gpu (NoValidHost)", {"server": gpu["id"]},
                                  "no_host_with_trait", [_res(("flavor",), flavor)], ["CUSTOM_GPU_A100"]))
    isolated = need("server diag-isolated", truth.server("diag-isolated"))
    subnet = truth.one("network", "/subnets", "subnets", "diag-isolated-subnet")
    network = truth.one("network", "/networks", "networks", "diag-isolated-net")
    if isolated and need("subnet diag-isolated-subnet", subnet):
        scenarios.append(Scenario("diagnose_connectivity", "diag-isolated to internet", {
            "server": isolated["id"], "to": "internet"}, "no_route_to_external",
            [_res(("subnet",), subnet), _res(("network",), network)]))
    web = need("server diag-web", truth.server("diag-web"))
    group = truth.one("network", "/security-groups", "security_groups", "diag-web-only")
    if web and need("security group diag-web-only", group):
        ports = account.get("network", "/ports", {"device_id": web["id"]}).json.get("ports", [])
        cites = [_res(("securitygroup",), group)] + [_res(("port",), p) for p in ports]
        scenarios.append(Scenario("diagnose_connectivity", "diag-web tcp/22 ingress", {
            "server": web["id"], "protocol": "tcp", "port": 22, "direction": "ingress"}, "security_group_blocks", cites))
        scenarios.append(Scenario("diagnose_connectivity", "diag-web tcp/80 ingress (admitted)", {
            "server": web["id"], "protocol": "tcp", "port": 80, "direction": "ingress"}, None))
    volume = need("volume diag-no-backend", truth.volume("diag-no-backend"))
    kind = next((t for t in account.get("volume", "/types").json.get("volume_types", []) if t.get("name") == "diag-fast"), None)
    if volume and need("volume type diag-fast", kind):
        scenarios.append(Scenario("diagnose_volume", "diag-no-backend (no weighted backend)", {"volume": volume["id"]},
                                  "volume_backend_missing", [_res(("volumetype", "type"), kind)], ["fast-nvme"]))
    lb = need("load balancer diag-lb", truth.balancer("diag-lb"))
    ghost = next((m for m in truth.members("diag-lb-pool") if m.get("name") == "diag-lb-ghost"), None)
    if lb and need("member diag-lb-ghost", ghost):
        scenarios.append(Scenario("diagnose_load_balancer", "diag-lb (member at 10.40.0.200, no port)",
                                  {"load_balancer": lb["id"]}, "member_address_unknown", [_res(("member",), ghost)]))
    projects = account.get("identity", "/projects", {"name": "diag-quota"}).json.get("projects", [])
    project = need("project diag-quota", projects[0] if projects else None)
    if project:
        # The evidence names the project and what uses most of the quota (the 6-GiB volume of 9).
        scenarios.append(Scenario("diagnose_quota", "diag-quota (gigabytes 9 of 10)", {"project": project["id"]},
                                  "quota_near_limit", [_res(("project",), project)], ["diag-quota-big"]))
    healthy = truth.server("vm1")
    if need("server vm1 (healthy)", healthy):
        scenarios.append(Scenario("diagnose_instance", "vm1 (healthy, ACTIVE)", {"server": healthy["id"]}, None))
        # IPv4 on private-subnet, which router1 (gateway on public) serves, and a floating IP: it has a
        # way out. (Its IPv6 SLAAC address on private-v6 has none; that alone is no error for the server.)
        scenarios.append(Scenario("diagnose_connectivity", "vm1 to internet (routed IPv4, floating IP)",
                                  {"server": healthy["id"], "to": "internet"}, None))
    return scenarios


def member_scenarios(account: Account, ledger: Ledger, required: bool) -> list[Scenario]:
    """The member's own resources (the demo project's in the recipe): every tool answers, admin checks unknown."""
    truth = Truth(account)
    scenarios: list[Scenario] = []
    servers = account.get("compute", "/servers/detail").json.get("servers", [])
    server = next((s for s in servers if s.get("status") == "ACTIVE"), None)
    volumes = account.get("volume", "/volumes/detail").json.get("volumes", [])
    volume = next((v for v in volumes if v.get("status") in ("available", "in-use")), None)
    balancers = account.get("load-balancer", "/lbaas/loadbalancers").json.get("loadbalancers", []) \
        if account.has_service("load-balancer") else []
    label = account.label
    if server:
        scenarios.append(Scenario("diagnose_instance", f"{server['name']} (healthy, as {label})", {"server": server["id"]},
                                  None, member=True, needs_unknown=True))
        scenarios.append(Scenario("diagnose_connectivity", f"{server['name']} to internet (as {label})",
                                  {"server": server["id"], "to": "internet"}, None, member=True, needs_unknown=True))
    if volume:
        scenarios.append(Scenario("diagnose_volume", f"{volume['name']} (as {label})", {"volume": volume["id"]},
                                  None, member=True, needs_unknown=True))
    if balancers:
        scenarios.append(Scenario("diagnose_load_balancer", f"{balancers[0]['name']} (as {label})",
                                  {"load_balancer": balancers[0]["id"]}, None, member=True, needs_unknown=True))
    scenarios.append(Scenario("diagnose_quota", f"own project (as {label})", {"project": account.project_id},
                              None, member=True))
    covered = {s.tool for s in scenarios}
    for tool in TOOLS:
        if tool not in covered:
            message = f"{label}: nothing of this account's to call {tool} on (no active server, volume or balancer)"
            if required:
                ledger.fail(PHASE, message)
            else:
                ledger.note(message)
    return scenarios


# -- checking one answer ------------------------------------------------------------------------

def check_shape(ledger: Ledger, tool: str, where: str, data: Any) -> bool:
    """The contract's shape; every violation is one failure."""
    ok = ledger.check(tool, isinstance(data, dict), f"{where}: no structuredContent object")
    if not ok:
        return False
    subject = data.get("subject")
    ok &= ledger.check(tool, isinstance(subject, dict) and bool(subject.get("type")) and bool(subject.get("id")),
                       f"{where}: subject {subject!r} lacks a type or an id")
    for key in ("cloud", "region"):
        ok &= ledger.check(tool, key in data, f"{where}: no `{key}`")
    findings, checked, unknown = data.get("findings"), data.get("checked"), data.get("unknown")
    for key, value in (("findings", findings), ("checked", checked), ("unknown", unknown)):
        ok &= ledger.check(tool, isinstance(value, list), f"{where}: `{key}` is not a list: {value!r}"[:300])
    if not ok:
        return False
    for finding in findings:
        ok &= ledger.check(tool, finding.get("severity") in SEVERITY, f"{where}: severity {finding.get('severity')!r}")
        for key in ("code", "summary", "next_step"):
            ok &= ledger.check(tool, isinstance(finding.get(key), str) and finding[key].strip() != "",
                               f"{where}: finding {finding.get('code')!r} has no {key}")
        evidence = finding.get("evidence")
        ok &= ledger.check(tool, isinstance(evidence, list), f"{where}: finding {finding.get('code')!r}: evidence is not a list")
        for item in evidence if isinstance(evidence, list) else []:
            # Absent is null (the project's convention); a resource needs its type and its ID or name.
            ok &= ledger.check(tool, isinstance(item, dict) and bool(item.get("type"))
                               and bool(item.get("id") or item.get("name")),
                               f"{where}: finding {finding.get('code')!r}: evidence item {json.dumps(item)[:200]} "
                               "lacks a type, or both id and name")
    ranks = [SEVERITY.get(f.get("severity"), 9) for f in findings]
    ok &= ledger.check(tool, ranks == sorted(ranks), f"{where}: findings not most severe first: "
                       f"{[(f.get('severity'), f.get('code')) for f in findings]}")
    for entry in checked:
        ok &= ledger.check(tool, isinstance(entry, dict) and bool(entry.get("check")) and "summary" in entry,
                           f"{where}: checked entry {entry!r} lacks check or summary"[:300])
    for entry in unknown:
        ok &= ledger.check(tool, isinstance(entry, dict) and bool(entry.get("check")) and bool(entry.get("reason")),
                           f"{where}: unknown entry {entry!r} lacks check or reason"[:300])
    return ok


def _brief(findings: list[dict]) -> str:
    return json.dumps([{k: f.get(k) for k in ("severity", "code", "summary")} for f in findings[:4]])[:700]


def check_answer(ledger: Ledger, scenario: Scenario, where: str, data: dict) -> None:
    tool, findings = scenario.tool, data.get("findings") or []
    errors = [f for f in findings if f.get("severity") == "error"]
    if scenario.code is None:
        ledger.check(tool, not errors, f"{where}: expected no error finding, got {_brief(errors)}")
        if not scenario.member:
            ledger.check(tool, bool(data.get("checked")), f"{where}: `checked` is empty")
    else:
        top = findings[0] if findings else {}
        if ledger.check(tool, top.get("code") == scenario.code,
                        f"{where}: top finding {top.get('code')!r}, expected {scenario.code!r}; findings: {_brief(findings)}"):
            evidence = [e for e in top.get("evidence") or [] if isinstance(e, dict)]
            if scenario.cites:
                ledger.check(tool, any(r.cited_by(e) for r in scenario.cites for e in evidence),
                             f"{where}: the top finding's evidence cites none of {[str(r) for r in scenario.cites]}: "
                             f"{json.dumps(evidence)[:600]}")
            for text in scenario.texts:
                ledger.check(tool, any(text in f"{e.get('field')} {e.get('value')} {e.get('name')}" for e in evidence),
                             f"{where}: the top finding's evidence does not name {text!r}: {json.dumps(evidence)[:600]}")
    if scenario.member:
        unknown = data.get("unknown") or []
        if scenario.needs_unknown:
            ledger.check(tool, bool(unknown), f"{where}: a member's answer lists no admin-only check under `unknown`")
        for entry in unknown:
            reason = str(entry.get("reason", "")).lower()
            ledger.check(tool, "admin" in reason or "role" in reason,
                         f"{where}: unknown {entry.get('check')!r} does not name the role it needed: {entry.get('reason')!r}")


# -- counting upstream requests ------------------------------------------------------------------

class LogTail:
    """Access-log lines the services write from now on (by file offset: exact, unlike time windows)."""

    def __init__(self, logs: AccessLogs | None):
        self.files = logs.files if logs else []
        self.offsets = {path: os.path.getsize(path) for path in self.files if os.path.exists(path)}

    def count(self) -> int:
        total = 0
        for path, offset in self.offsets.items():
            with open(path, encoding="utf-8", errors="replace") as handle:
                handle.seek(offset)
                total += sum(1 for line in handle if UWSGI.search(line) or GUNICORN.search(line))
        return total


@dataclasses.dataclass
class Measure:
    tool: str
    scenario: str
    account: str
    requests: int          # sent by our server (the proxy's records, token POSTs included)
    logged: int | None     # access-log lines the services wrote during the call
    seconds: float
    chars: int
    answer: Any = None     # structuredContent, or the text of an error (kept in diagnose.json)


async def _run_scenario(client, proxy: RecordingProxy, logs: AccessLogs | None, ledger: Ledger, label: str,
                        scenario: Scenario, measures: list[Measure]) -> None:
    tool = scenario.tool
    where = f"{label} {scenario.label}"
    schema = client.tools[tool].input_schema or {}
    properties = schema.get("properties") or {}
    unknown_args = [k for k in scenario.args if k not in properties]
    if not ledger.check(tool, not unknown_args, f"{where}: the schema has no argument {unknown_args} "
                        f"(it has {sorted(properties)})"):
        return
    before, tail, started = len(proxy.records), LogTail(logs), time.monotonic()
    try:
        answer = await client.call(tool, scenario.args)
    except Exception as error:  # noqa: BLE001 - a protocol error is one failure, the phase goes on
        ledger.fail(tool, f"{where}: the call failed: {type(error).__name__}: {str(error)[:300]}")
        return
    seconds = time.monotonic() - started
    time.sleep(0.3)  # the services write their access line as the answer goes out
    measures.append(Measure(tool, scenario.label, label, len(proxy.records) - before,
                            tail.count() if logs else None, seconds, len(answer.text),
                            answer.text if answer.is_error else answer.data))
    if not ledger.check(tool, not answer.is_error, f"{where}: isError: {answer.text[:400]}"):
        return
    ledger.check(tool, len(answer.text) < MAX_TEXT, f"{where}: the answer's text has {len(answer.text)} characters "
                 f"(at most {MAX_TEXT - 1})")
    if check_shape(ledger, tool, where, answer.data):
        check_answer(ledger, scenario, where, answer.data)


async def diagnose_account(account: Account, scenarios: list[Scenario], args, ledger: Ledger,
                           logs: AccessLogs | None, measures: list[Measure], missing: set[str], log) -> None:
    proxy = RecordingProxy(account.auth["auth_url"])
    auth_url = proxy.start()
    server = ServerProcess(args.binary, account.server_environment(auth_url),
                           os.path.join(args.work, f"diagnose-{account.label}.log"), extra_args=["--toolsets", "all"])
    started = time.time()
    server.start()
    try:
        async with connect(server.url) as client:
            for tool in TOOLS:
                if tool not in client.tools and tool not in missing:
                    missing.add(tool)
                    ledger.fail(tool, f"MISSING: the server ({args.binary}) does not offer {tool}; its scenarios are skipped")
            # A first read, so the token and the catalog are in place before anything is counted.
            if "get_flavors" in client.tools:
                await client.call("get_flavors", {"limit": 1})
            for scenario in scenarios:
                if scenario.tool in client.tools:
                    await _run_scenario(client, proxy, logs, ledger, account.label, scenario, measures)
            refused = [r for r in proxy.records if r.refused]
            ledger.check(PHASE, not refused, f"{account.label}: the proxy refused {[(r.method, r.path) for r in refused][:5]}")
            writes = [r for r in proxy.records if r.method not in ("GET", "HEAD") and not r.is_token_post]
            ledger.check(PHASE, not writes, f"{account.label}: the server sent {[(r.method, r.path) for r in writes][:5]}")
    finally:
        server.stop()
        proxy.stop()
    if logs:
        logs.check(ledger, since=started, account=account)
    log(f"diagnose: {account.label}: {len(scenarios)} scenarios in {time.time() - started:.0f} s")


def report(ledger: Ledger, measures: list[Measure], missing: set[str], work: str) -> None:
    lines = [f"{'tool':24} {'scenario':44} {'account':20} {'requests':>8} {'in logs':>8} {'ms':>6} {'chars':>6}"]
    for m in measures:
        logged = "-" if m.logged is None else str(m.logged)
        lines.append(f"{m.tool:24} {m.scenario[:44]:44} {m.account[:20]:20} {m.requests:8} {logged:>8} "
                     f"{m.seconds * 1000:6.0f} {m.chars:6}")
    lines.append("requests: what the server sent (recording proxy, exact); in logs: access-log lines all services "
                 "wrote during the call (adds their calls to each other, token checks, periodic tasks)")
    if missing:
        lines.append(f"MISSING tools (not on this binary): {', '.join(sorted(missing))}")
    ledger.sections["diagnosis requests"] = lines
    with open(os.path.join(work, "diagnose.json"), "w") as handle:
        json.dump([dataclasses.asdict(m) for m in measures], handle, indent=1)


async def run_diagnose(accounts: list[Account], args, ledger: Ledger, log) -> None:
    required = os.environ.get("IT_DIAGNOSE_REQUIRED", "0") == "1"
    logs = AccessLogs.find(args.service_logs)
    measures: list[Measure] = []
    missing: set[str] = set()
    for account in accounts:
        scenarios = admin_scenarios(account, ledger, required) if account.is_admin else \
            member_scenarios(account, ledger, required)
        try:
            await diagnose_account(account, scenarios, args, ledger, logs, measures, missing, log)
        except Exception as error:  # noqa: BLE001 - report it and go on with the next account
            leaf = error
            while isinstance(leaf, BaseExceptionGroup) and leaf.exceptions:
                leaf = leaf.exceptions[0]
            ledger.fail(PHASE, f"{account.label}: the phase stopped: {type(leaf).__name__}: {str(leaf)[:300]}")
    report(ledger, measures, missing, args.work)
