"""Per-caller identity (issue 22): one server in `--identity caller` mode, four callers at once.

The recipe's `seed_callers.py` makes projects alpha and beta, users alpha-user and beta-user with an
application credential each, and Keystone federation for the tests' OAuth issuer (Apache with
mod_auth_openidc on :5001, `federation.sh`); it writes what the callers need to
$OSTACK_BASE/etc/callers.json. The phase starts our server with `--identity caller --auth-url
<recording proxy in front of :5001> --oauth-issuer ... --federation-idp ... --log-format json` and no
OpenStack credentials of its own, then, concurrently (asyncio, the official MCP SDK, headers on its
HTTP client):

- alice (an access token with groups=[fed-alpha], X-OpenStack-Project: alpha) and bob (fed-beta, beta)
  through OAuth and Keystone federation; alpha-user's and beta-user's application credentials
  through the X-OpenStack-Application-Credential-ID/-Secret headers.

Facts, per caller: get_networks, get_volumes, get_instances and get_projects give exactly the IDs
the `openstack` CLI gives as that caller, and none of the other project's resources; admin-only
tools are missing from tools/list and server/discover's instructions name how many and why; each
tool-call log line names the caller's principal and Keystone project; every upstream request of
the call (its request IDs in the log line, matched in the proxy's records) carried a token that
Keystone says is that caller's in that project, never another caller's or an admin's. Then
callers_edges.py: refusals (no identity, an expired token, another project, a mapping without a
project) and a deleted application credential; callers_soak.py: 20 principals against a token cache
of 5 and one call at a time per caller; and no secret (JWTs, application-credential secrets,
Keystone tokens) in any answer or log line.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import json
import os
import time
import urllib.request

from .callers_edges import (Caller, CallerRun, check_edges, check_log_and_tokens, check_refusals, check_secrets,
                            cli_ids, mcp_client)
from .callers_soak import run_soak
from .cloud import Account
from .ledger import Ledger
from .proxy import RecordingProxy
from .server import MCPClient, ServerProcess, connect

PHASE = "callers"
LISTS = {  # our tool -> the CLI listing of the same thing, as that caller
    "get_networks": ["network", "list"],
    "get_volumes": ["volume", "list"],
    "get_instances": ["server", "list"],
    "get_projects": ["federation", "project", "list"],  # GET /v3/auth/projects: the caller's own projects
}
ADMIN_TOOLS = ("get_compute_services", "get_hypervisors")


def load_settings() -> dict | None:
    path = os.environ.get("IT_CALLERS_FILE") or os.path.join(os.environ.get("OSTACK_BASE", "/tmp/ostack"), "etc", "callers.json")
    try:
        with open(path) as handle:
            return json.load(handle)
    except FileNotFoundError:
        return None


def mint(federation: dict, **claims) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"aud": federation["audience"], **claims}.items())
    with urllib.request.urlopen(f"{federation['issuer']}/token?{query}", timeout=10) as answer:
        return answer.read().decode()


def make_callers(settings: dict, admin: Account) -> list[Caller]:
    fed = settings["federation"]
    region = admin.region.get_region_name() or "RegionOne"
    callers = []
    for sub, want in fed["callers"].items():
        jwt = mint(fed, sub=sub, groups=",".join(want["groups"]), ttl=3600)
        callers.append(Caller(
            label=f"{sub} (OAuth, {want['project']})", principal=f"oauth:{sub}", project=want["project"],
            user_names={sub}, headers={"Authorization": f"Bearer {jwt}", "X-OpenStack-Project": want["project"]},
            cli_env={"OS_AUTH_TYPE": "v3oidcaccesstoken", "OS_AUTH_URL": fed["auth_url"], "OS_ACCESS_TOKEN": jwt,
                     "OS_IDENTITY_PROVIDER": fed["identity_provider"], "OS_PROTOCOL": fed["protocol"],
                     "OS_PROJECT_NAME": want["project"], "OS_PROJECT_DOMAIN_NAME": "Default", "OS_REGION_NAME": region},
            secrets=[jwt]))
    for user, cred in settings["application_credentials"].items():
        callers.append(Caller(
            label=f"{user} (application credential)", principal=f"appcred:{cred['id']}", project=cred["project"],
            user_names={user, cred["user_id"]}, project_id=cred["project_id"],
            headers={"X-OpenStack-Application-Credential-ID": cred["id"],
                     "X-OpenStack-Application-Credential-Secret": cred["secret"]},
            cli_env={"OS_AUTH_TYPE": "v3applicationcredential", "OS_AUTH_URL": admin.auth["auth_url"],
                     "OS_APPLICATION_CREDENTIAL_ID": cred["id"], "OS_APPLICATION_CREDENTIAL_SECRET": cred["secret"],
                     "OS_REGION_NAME": region},
            secrets=[cred["secret"]]))
    return callers


def server_args(fed: dict, auth_url: str) -> list[str]:
    return ["--identity", "caller", "--auth-url", auth_url, "--oauth-issuer", fed["issuer"],
            "--oauth-audience", fed["audience"], "--federation-idp", fed["identity_provider"],
            "--federation-protocol", fed["protocol"], "--log-format", "json", "--toolsets", "all"]


async def admin_tool_names(admin: Account, binary: str, work: str) -> set[str]:
    """tools/list of the same toolsets read as the admin (`--identity server`): what a caller may lose."""
    server = ServerProcess(binary, admin.server_environment(), os.path.join(work, "callers-admin.log"),
                           extra_args=["--toolsets", "all"])
    server.start()
    try:
        async with connect(server.url) as client:
            return set(client.tools)
    finally:
        server.stop()


async def drive(caller: Caller, url: str, run: CallerRun) -> None:
    """One caller's session: discover, tools/list, then each list tool twice (the callers overlap)."""
    async with mcp_client(url, caller.headers) as client:
        caller.instructions = client.instructions or ""
        caller.discovered = client.session.discover_result is not None
        cursor = None
        while True:
            page = await client.list_tools(cursor=cursor)
            caller.tools.update(t.name for t in page.tools)
            cursor = page.next_cursor
            if not cursor:
                break
        mcp = MCPClient(client)
        caller.mcp = mcp
        for _ in range(2):
            for tool in LISTS:
                if tool not in caller.tools:
                    continue
                started = time.monotonic()
                try:
                    items, _ = await mcp.call_all(tool, {"limit": 50})
                    caller.answers[tool] = {item["id"] for item in items}
                except AssertionError as error:
                    caller.errors[tool] = str(error)
                run.spans.append((caller.principal, started, time.monotonic()))


def other_projects(admin: Account, callers: list[Caller]) -> dict[str, set[str]]:
    """Per project name: the IDs of its own networks, volumes and servers (admin's view)."""
    conn = admin.conn
    owned: dict[str, set[str]] = {}
    for caller in callers:
        if caller.project in owned:
            continue
        project = conn.identity.find_project(caller.project, domain_id="default")
        if project is None:
            owned[caller.project] = set()
            continue
        caller.project_id = caller.project_id or project.id
        ids = {n.id for n in conn.network.networks(project_id=project.id)}
        ids |= {v.id for v in conn.block_storage.volumes(all_projects=True, project_id=project.id)}
        ids |= {s.id for s in conn.compute.servers(all_projects=True, project_id=project.id)}
        owned[caller.project] = ids
    for caller in callers:
        caller.project_id = caller.project_id or next(
            (c.project_id for c in callers if c.project == caller.project and c.project_id), None)
    return owned


async def run_callers(admin: Account, args, ledger: Ledger, log) -> None:
    settings = load_settings()
    if settings is None:
        message = "no callers.json: run the recipe's up.sh (seed_callers.py) or set IT_CALLERS_FILE"
        if os.environ.get("IT_CALLERS_REQUIRED") == "1":
            ledger.fail(PHASE, message)
        else:
            ledger.note(f"callers: skipped ({message})")
        return
    fed = settings["federation"]
    try:
        urllib.request.urlopen(fed["auth_url"], timeout=10).close()
        urllib.request.urlopen(fed["issuer"] + "/jwks", timeout=10).close()
    except OSError as error:
        ledger.fail(PHASE, f"the recipe's federation does not answer ({fed['auth_url']}, {fed['issuer']}: {error}); "
                           "run up.sh with OSTACK_FEDERATION=1 (federation.sh)")
        return
    callers = make_callers(settings, admin)
    owned = other_projects(admin, callers)
    hidden_expected = await admin_tool_names(admin, args.binary, args.work)
    proxy = RecordingProxy(fed["auth_url"])
    auth_url = proxy.start()
    log_path = os.path.join(args.work, "server-callers.log")
    server = ServerProcess(args.binary, {}, log_path, extra_args=server_args(fed, auth_url))
    run = CallerRun(admin=admin, ledger=ledger, proxy=proxy, server=server, settings=settings, callers=callers)
    server.start()
    try:
        log(f"callers: {len(callers)} callers at once against {server.url}")
        results = await asyncio.gather(*(drive(c, server.url, run) for c in callers), return_exceptions=True)
        log(f"callers: the four sessions ended; comparing with the CLI as each caller")
        for caller, result in zip(callers, results):
            if isinstance(result, BaseException):
                ledger.fail(PHASE, f"{caller.label}: the session failed: {type(result).__name__}: {result}"[:600])
        check_refusals(run, len(server.log().splitlines()))
        check_overlap(run)
        truths = cli_truths(callers)
        log("callers: refusals and a deleted application credential")
        for caller in callers:
            check_caller(caller, run, owned, hidden_expected, truths)
        check_log_and_tokens(run)
        await check_edges(run, server.url, log)
    finally:
        server.stop()
        proxy.stop()
    await run_soak(run, args.binary, args.work, server_args, mint, log)
    check_secrets(run)


def cli_truths(callers: list[Caller]) -> dict[tuple[str, str], set[str] | str]:
    """The CLI's IDs per (caller, tool), or the CLI's error; run a few at a time (each takes seconds)."""
    jobs = [(c, tool, argv) for c in callers for tool, argv in LISTS.items() if tool in c.tools]

    def one(job):
        caller, tool, argv = job
        try:
            return (caller.principal, tool), cli_ids(argv, caller.cli_env)
        except RuntimeError as error:
            return (caller.principal, tool), str(error)
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        return dict(pool.map(one, jobs))


def check_overlap(run: CallerRun) -> None:
    overlaps = sum(1 for a in run.spans for b in run.spans
                   if a[0] < b[0] and a[1] < b[2] and b[1] < a[2])
    run.ledger.check(PHASE, overlaps > 0, "no two callers' tool calls overlapped in time: the callers did not run at once")
    run.ledger.note(f"callers: {len(run.spans)} list calls, {overlaps} pairs of different callers' calls overlapped in time")


def check_caller(caller: Caller, run: CallerRun, owned: dict[str, set[str]], admin_tools: set[str],
                 truths: dict[tuple[str, str], set[str] | str]) -> None:
    ledger, label = run.ledger, caller.label
    if not caller.tools:
        return  # the session failed: reported already
    for tool in ADMIN_TOOLS:
        ledger.check(PHASE, tool in admin_tools, f"the admin's tools/list lacks {tool}: cannot show it hidden")
        ledger.check(PHASE, tool not in caller.tools, f"{label}: admin-only {tool} is in this member's tools/list")
    hidden = sorted(admin_tools - caller.tools)
    words = caller.instructions
    ledger.check(PHASE, caller.discovered, f"{label}: the client fell back to initialize; server/discover was not used")
    ledger.check(PHASE, f"{len(hidden)} tools are hidden" in words and "admin" in words,
                 f"{label}: the instructions should say {len(hidden)} tools are hidden and why: {words[-600:]}")
    missing = [name for name in hidden if name not in words]
    ledger.check(PHASE, not missing, f"{label}: hidden tools not named in the instructions: {missing[:8]}")
    ledger.note(f"{label}: {len(caller.tools)} tools listed, {len(hidden)} hidden ({', '.join(hidden)})")
    others = set().union(*(ids for project, ids in owned.items() if project != caller.project))
    for tool, argv in LISTS.items():
        if tool not in caller.tools:
            ledger.note(f"{label}: {tool} is not offered to this caller; nothing to compare")
            continue
        if tool in caller.errors:
            hint = (" (offered to a member, but Keystone's identity:list_projects is admin-only: hide it without the "
                    "admin role, or answer from GET /v3/auth/projects, which `openstack federation project list` reads)"
                    if tool == "get_projects" and "list_projects" in caller.errors[tool] else "")
            ledger.fail(PHASE, f"{label}: {caller.errors[tool][:400]}{hint}")
            continue
        ours = caller.answers.get(tool, set())
        theirs = truths.get((caller.principal, tool), "not run")
        if isinstance(theirs, str):
            ledger.fail(PHASE, f"{label}: the CLI as this caller failed: {theirs}")
            continue
        ledger.check(PHASE, ours == theirs, f"{label}: {tool} gave {sorted(ours)}, `openstack {' '.join(argv)}` "
                                            f"as this caller {sorted(theirs)}")
        leaked = ours & others
        ledger.check(PHASE, not leaked, f"{label}: {tool} shows another project's {sorted(leaked)}")
        if tool == "get_projects":
            ledger.check(PHASE, ours == {caller.project_id}, f"{label}: get_projects {sorted(ours)}; "
                                                              f"expected only {caller.project} ({caller.project_id})")
    own = owned.get(caller.project, set())
    seen = set().union(*caller.answers.values()) if caller.answers else set()
    ledger.check(PHASE, bool(own) and own <= seen,
                 f"{label}: its own project's network, volume and server {sorted(own - seen)} are missing from the answers")
