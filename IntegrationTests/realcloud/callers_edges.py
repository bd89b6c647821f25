"""The callers phase's pieces (callers.py): the callers, the CLI as a caller, the log line and
token trace, the refusals, a deleted application credential, and the secrets sweep."""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import subprocess
import time
from typing import Any, AsyncIterator

from .cli import find_cli
from .cloud import Account
from .ledger import Ledger
from .proxy import RecordingProxy
from .server import MCPClient, ServerProcess

PHASE = "callers"
LATEST = "2025-06-18"


@dataclasses.dataclass
class Caller:
    label: str
    principal: str                    # what the tool-call log line must name
    project: str                      # the project name the caller reads
    user_names: set[str]              # Keystone user names or IDs it may be logged as
    headers: dict[str, str]
    cli_env: dict[str, str]
    secrets: list[str]
    project_id: str | None = None
    tools: set[str] = dataclasses.field(default_factory=set)
    instructions: str = ""
    discovered: bool = False
    answers: dict[str, set[str]] = dataclasses.field(default_factory=dict)
    errors: dict[str, str] = dataclasses.field(default_factory=dict)
    mcp: MCPClient | None = None


@dataclasses.dataclass
class CallerRun:
    admin: Account
    ledger: Ledger
    proxy: RecordingProxy
    server: ServerProcess
    settings: dict
    callers: list[Caller]
    spans: list[tuple[str, float, float]] = dataclasses.field(default_factory=list)
    transcripts: list[str] = dataclasses.field(default_factory=list)  # answers outside the callers' clients
    secrets: list[str] = dataclasses.field(default_factory=list)
    extra_logs: list[ServerProcess] = dataclasses.field(default_factory=list)  # other servers of the phase (the soak's)


@contextlib.asynccontextmanager
async def mcp_client(url: str, headers: dict[str, str]) -> AsyncIterator[Any]:
    """The official SDK's client (server/discover first) with these headers on every request."""
    from mcp import Client
    from mcp.client.streamable_http import streamable_http_client
    from mcp.shared._httpx_utils import create_mcp_http_client

    async with create_mcp_http_client(headers=headers) as http:
        async with Client(streamable_http_client(url, http_client=http), mode="auto", read_timeout_seconds=180) as client:
            yield client


def cli(argv: list[str], env: dict[str, str], output: bool = True) -> Any:
    """`openstack ARGV -f json` with only these OS_* variables (the caller's), parsed."""
    binary = find_cli()
    if not binary:
        raise RuntimeError("no openstack CLI (REALCLOUD_OPENSTACK_CLI, the recipe's venv or PATH)")
    base = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
    command = [binary, *argv, *(["-f", "json"] if output else [])]
    done = subprocess.run(command, env={**base, **env}, capture_output=True, text=True, timeout=180)
    if done.returncode != 0:
        raise RuntimeError(f"openstack {' '.join(argv)}: {done.stderr.strip()[-400:]}")
    return json.loads(done.stdout or "null") if output else None


def cli_ids(argv: list[str], env: dict[str, str]) -> set[str]:
    return {row["ID"] for row in cli(argv, env)}


# -- the log lines and the tokens behind them --------------------------------------------------------

def tool_lines(server: ServerProcess) -> list[dict]:
    lines = []
    for text in server.log().splitlines():
        try:
            line = json.loads(text)
        except ValueError:
            continue
        if isinstance(line, dict) and line.get("message") == "tool call":
            lines.append(line)
    return lines


class Tokens:
    """Who a Keystone token belongs to, as Keystone says (validated with the admin's session)."""

    def __init__(self, admin: Account):
        self.admin, self.known = admin, {}

    def owner(self, token: str) -> tuple[str, str, str, str] | None:
        if token not in self.known:
            identity = self.admin.endpoint("identity").rstrip("/")
            answer = self.admin.conn.session.get(f"{identity}/auth/tokens", headers={"X-Subject-Token": token},
                                                 raise_exc=False)
            body = answer.json().get("token", {}) if answer.status_code == 200 else {}
            user, project = body.get("user", {}), body.get("project") or {}
            self.known[token] = (user.get("id"), user.get("name"), project.get("id"), project.get("name")) if body else None
        return self.known[token]


def check_log_and_tokens(run: CallerRun) -> None:
    ledger, tokens = run.ledger, Tokens(run.admin)
    lines = tool_lines(run.server)
    by_request = {rid: record for record in run.proxy.records for rid in record.request_ids}
    mine: dict[str, set[str]] = {}
    for caller in run.callers:
        calls = len(caller.mcp.transcript) if caller.mcp else 0
        logged = [line for line in lines if line.get("principal") == caller.principal]
        ledger.check(PHASE, len(logged) == calls,
                     f"{caller.label}: {calls} tool calls, {len(logged)} log lines naming {caller.principal}")
        for line in logged:
            ledger.check(PHASE, line.get("keystone_project") in (caller.project, caller.project_id),
                         f"{caller.label}: a log line names project {line.get('keystone_project')!r}")
            ledger.check(PHASE, line.get("keystone_user") in caller.user_names,
                         f"{caller.label}: a log line names Keystone user {line.get('keystone_user')!r}")
            for rid in line.get("request_ids") or []:
                record = by_request.get(rid)
                if record is None:
                    ledger.fail(PHASE, f"{caller.label}: request {rid} of a {line.get('tool')} call is not in the proxy's records")
                    continue
                owner = tokens.owner(record.token) if record.token else None
                ok = owner is not None and owner[2] == caller.project_id and (owner[0] in caller.user_names or owner[1] in caller.user_names)
                ledger.check(PHASE, ok, f"{caller.label}: {line.get('tool')} sent {record.method} {record.path.split('?')[0]} "
                                        f"with a token of {owner} (expected {sorted(caller.user_names)} in {caller.project})")
                if record.token:
                    mine.setdefault(caller.principal, set()).add(record.token)
    strangers = {line.get("principal") for line in lines} - {c.principal for c in run.callers}
    ledger.check(PHASE, not strangers, f"tool calls logged for principals no caller was: {sorted(map(str, strangers))}")
    principals = sorted(mine)
    for index, first in enumerate(principals):
        for second in principals[index + 1:]:
            ledger.check(PHASE, not mine[first] & mine[second], f"{first} and {second} read with the same Keystone token")
    admin_id = run.admin.user_id
    sent = [r for r in run.proxy.records if r.token]
    by_admin = [r for r in sent if (tokens.owner(r.token) or (None,))[0] == admin_id]
    ledger.check(PHASE, not by_admin, f"{len(by_admin)} upstream requests carried the admin's token: {[r.path for r in by_admin[:3]]}")
    ledger.check(PHASE, bool(sent), "no upstream request carried a token (did the proxy see the calls?)")
    ledger.note(f"callers: {len(lines)} tool-call log lines; {len(sent)} upstream requests with a token, "
                f"{len({r.token for r in sent})} distinct tokens, each traced to its caller through the request IDs")


# -- refusals, a deleted application credential -----------------------------------------------------

async def raw_initialize(url: str, headers: dict[str, str]) -> tuple[int, str, str]:
    """A bare initialize POST: the HTTP status, WWW-Authenticate and body."""
    import httpx2

    body = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"protocolVersion": LATEST, "capabilities": {}, "clientInfo": {"name": "realcloud", "version": "1"}}}
    async with httpx2.AsyncClient(timeout=60) as http:
        answer = await http.post(url, json=body, headers={"Accept": "application/json, text/event-stream", **headers})
        return answer.status_code, answer.headers.get("www-authenticate", ""), answer.text


async def first_call(url: str, headers: dict[str, str], tool: str, run: CallerRun) -> tuple[bool, str]:
    """(succeeded, words) of one tool call on a fresh session: a refusal before or during the call is False."""
    try:
        async with mcp_client(url, headers) as client:
            result = await client.call_tool(tool, {"limit": 5})
            text = "".join(getattr(b, "text", "") for b in result.content)
            run.transcripts.append(text)
            return not result.is_error, text
    except Exception as error:  # noqa: BLE001 - the SDK raises for an HTTP 401/403 of the transport
        words = describe(error)
        run.transcripts.append(words)
        return False, words


def describe(error: BaseException) -> str:
    """An exception's words, with those of the exceptions inside its groups (anyio's TaskGroups)."""
    inner = getattr(error, "exceptions", None)
    if inner:
        return " | ".join(describe(e) for e in inner)
    return f"{type(error).__name__}: {error}"


async def check_edges(run: CallerRun, url: str, log) -> None:
    ledger, fed = run.ledger, run.settings["federation"]
    from .callers import mint

    status, challenge, body = await raw_initialize(url, {})
    run.transcripts.append(challenge + body)
    both = (challenge + " " + body).lower()
    ledger.check(PHASE, status == 401, f"no identity: HTTP {status} (expected 401)")
    ledger.check(PHASE, "bearer" in both and "x-openstack-application-credential-id" in both,
                 f"no identity: the 401 should name both ways (Bearer token, application-credential headers): {challenge} {body[:300]}")
    expired = mint(fed, kind="expired", sub="alice", groups="fed-alpha")
    run.secrets.append(expired)
    status, challenge, body = await raw_initialize(url, {"Authorization": f"Bearer {expired}", "X-OpenStack-Project": "alpha"})
    run.transcripts.append(challenge + body)
    ledger.check(PHASE, status == 401 and "invalid_token" in challenge,
                 f"expired access token: HTTP {status}, WWW-Authenticate {challenge!r} (expected 401, invalid_token)")
    alice = next(c for c in run.callers if c.principal == "oauth:alice")
    wrong = dict(alice.headers, **{"X-OpenStack-Project": "beta"})
    ok, words = await first_call(url, wrong, "get_networks", run)
    ledger.check(PHASE, not ok and "beta" in words, f"alice naming project beta was not refused by name: {words[:300]}")
    by_id = dict(alice.headers, **{"X-OpenStack-Project": alice.project_id or ""})
    ok, words = await first_call(url, by_id, "get_networks", run)
    ledger.check(PHASE, ok, f"alice naming alpha by ID ({alice.project_id}) failed: {words[:300]}")
    carol = mint(fed, sub="carol", groups="not-mapped")
    run.secrets.append(carol)
    ok, words = await first_call(url, {"Authorization": f"Bearer {carol}"}, "get_networks", run)
    ledger.check(PHASE, not ok and "project" in words.lower(),
                 f"a federated user the mapping gives no project should be told what to configure: {words[:300]}")
    ledger.note(f"callers: carol (no project from the mapping) was told: {words[:240]}")
    await check_revocation(run, url, log)


async def check_revocation(run: CallerRun, url: str, log) -> None:
    """A temporary application credential of alpha-user works, is deleted with the CLI, and stops working."""
    ledger = run.ledger
    clouds = os.path.join(os.environ.get("OSTACK_BASE", "/tmp/ostack"), "etc", "clouds-callers.yaml")
    env = {"OS_CLIENT_CONFIG_FILE": clouds, "OS_CLOUD": "ostack-alpha-user"}
    name = f"callers-temp-{int(time.time())}"
    made = cli(["application", "credential", "create", name, "--description", "realcloud callers phase; deleted at once"], env)
    run.secrets.append(made["Secret"])
    headers = {"X-OpenStack-Application-Credential-ID": made["ID"], "X-OpenStack-Application-Credential-Secret": made["Secret"]}
    try:
        ok, words = await first_call(url, headers, "get_networks", run)
        ledger.check(PHASE, ok, f"a new application credential of alpha-user did not work: {words[:300]}")
        async with mcp_client(url, headers) as client:
            first = await client.call_tool("get_networks", {"limit": 5})
            ledger.check(PHASE, not first.is_error, "the temporary credential's session failed before the deletion")
            cli(["application", "credential", "delete", name], env, output=False)
            deleted_at = time.monotonic()
            outcomes = []
            for tool in ("get_networks", "get_volumes"):
                try:
                    result = await client.call_tool(tool, {"limit": 5})
                    text = "".join(getattr(b, "text", "") for b in result.content)
                    run.transcripts.append(text)
                    outcomes.append((tool, not result.is_error, text))
                except Exception as error:  # noqa: BLE001 - a 401 of the transport
                    outcomes.append((tool, False, describe(error)))
                    run.transcripts.append(outcomes[-1][2])
        refused_before = False
        for tool, worked, text in outcomes:
            lower = text.lower()
            renew = "application credential" in lower and any(w in lower for w in ("create a new", "renew", "unauthorized"))
            # A service that caches token validations (Neutron's keystonemiddleware, ~5 min) may still
            # accept the deleted credential's token: Keystone has not refused it yet. Once a call was
            # refused, every later one must be, saying to renew the credential.
            ledger.check(PHASE, (not worked and renew) or (worked and not refused_before),
                         f"after the deletion, {tool} on the same session: {'answered' if worked else 'failed'}: {text[:300]}")
            refused_before = refused_before or not worked
        ledger.note(f"callers: deleted application credential, {time.monotonic() - deleted_at:.1f} s later: "
                    + "; ".join(f"{t} {'answered' if w else 'refused'}: {x[:120]}" for t, w, x in outcomes))
        status, challenge, body = await raw_initialize(url, headers)
        run.transcripts.append(challenge + body)
        ledger.check(PHASE, status == 401 and "application credential" in (challenge + body).lower(),
                     f"a new session with the deleted credential: HTTP {status}, {challenge!r} (expected 401 saying to renew it)")
        probe_revoked(run, f"appcred:{made['ID']}")
    finally:
        with contextlib.suppress(RuntimeError):  # deleted already, as it should be
            cli(["application", "credential", "delete", name], env, output=False)


def probe_revoked(run: CallerRun, principal: str) -> None:
    """How the cloud itself answers the deleted credential's token: Keystone, and a service that caches validations."""
    requests = {rid for line in tool_lines(run.server) if line.get("principal") == principal for rid in line.get("request_ids") or []}
    token = next((r.token for r in run.proxy.records if r.token and set(r.request_ids) & requests), None)
    if not token:
        run.ledger.note(f"callers: no upstream request of {principal} found to probe its token")
        return
    session, seen = run.admin.conn.session, []
    for service, path in (("identity", "/auth/projects"), ("network", "/v2.0/networks")):
        url = run.admin.endpoint(service).rstrip("/") + path
        answer = session.get(url, headers={"X-Auth-Token": token}, authenticated=False, raise_exc=False)
        seen.append(f"{service} GET {path} -> {answer.status_code}")
    run.ledger.note(f"callers: the deleted credential's Keystone token, asked directly: {'; '.join(seen)} "
                    "(Keystone refuses a revoked token with 404; keystonemiddleware in the services caches validations)")


def check_refusals(run: CallerRun, lines_before: int) -> None:
    """While the four callers ran at once, none of them may have been refused (a mixed-up caller shows so)."""
    refused = []
    for text in run.server.log().splitlines()[:lines_before]:
        try:
            line = json.loads(text)
        except ValueError:
            continue
        if isinstance(line, dict) and line.get("message") == "caller refused":
            refused.append(f"{line.get('principal')}: {str(line.get('reason'))[:200]}")
    run.ledger.check(PHASE, not refused, f"callers refused while the four ran at once: {refused[:4]}")


def check_secrets(run: CallerRun) -> None:
    secrets = {s for c in run.callers for s in c.secrets} | set(run.secrets) | set(run.proxy.tokens)
    secrets |= {r.token for r in run.proxy.records if r.token}
    secrets = {s for s in secrets if s and len(s) >= 16}
    texts = {"the server's log": run.server.log(), **{f"the log of {s.log_path}": s.log() for s in run.extra_logs},
             "tool answers": "\n".join([*run.transcripts, *(t for c in run.callers if c.mcp for t in c.mcp.transcript)])}
    for place, text in texts.items():
        hits = sum(1 for s in secrets if s in text)
        run.ledger.check(PHASE, hits == 0, f"{hits} of {len(secrets)} secrets (JWTs, credential secrets, Keystone tokens) appear in {place}")
    run.ledger.note(f"callers: {len(secrets)} secrets searched for in the server's log and every answer: "
                    f"{sum(1 for s in secrets if any(s in t for t in texts.values()))} found")
