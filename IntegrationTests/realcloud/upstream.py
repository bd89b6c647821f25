"""What the server sent upstream: only GETs, token POSTs and console-output actions, one token reused, a revoked token recovered, no secret shown."""
from __future__ import annotations

import collections
import time

from .checks import Run
from .server import ServerProcess

READ_ONLY = "read-only (proxy)"
TOKEN = "token reuse and recovery"
SECRETS = "secrets"
SCOPE = "project scope"


def check_upstream(run: Run, server: ServerProcess, tool_calls: int) -> None:
    ledger, label = run.ledger, run.account.label
    records = run.proxy.records
    methods = collections.Counter(r.method for r in records)
    writes = [r for r in records if r.method not in ("GET", "HEAD") and not r.is_token_post and not r.console_action]
    ledger.check(READ_ONLY, not writes, f"{label}: the server sent {[(r.method, r.path) for r in writes]}")
    ledger.check(READ_ONLY, methods["GET"] > 0, f"{label}: no GET went through the proxy")
    ledger.note(f"{label}: {tool_calls} tool calls made {len(records)} upstream requests {dict(methods)}")
    if not run.admin:  # the admin run counts its tokens around the revocation instead
        posts = [r for r in records if r.is_token_post]
        ledger.check(TOKEN, len(posts) == 1, f"{label}: {tool_calls} tool calls sent {len(posts)} token requests; expected 1")
    versions = sorted({(r.origin, r.microversion) for r in records if r.microversion})
    ledger.note(f"{label}: microversions sent: {versions}")

    secrets = [t for t in run.proxy.tokens] + [s for s in run.account.secrets if len(s) >= 8]
    transcript = "\n".join(run.client.transcript)
    server_log = server.log()
    for secret in secrets:
        ledger.check(SECRETS, secret not in transcript, f"{label}: a secret appears in a tool answer")
        ledger.check(SECRETS, secret not in server_log, f"{label}: a secret appears in the server's log")
    short = [s for s in run.account.secrets if len(s) < 8]
    if short:
        ledger.note(f"{label}: password shorter than 8 characters: not searched for in the outputs (too common a string)")


async def check_token_recovery(run: Run) -> None:
    """Token reuse over the whole run, then `openstack token revoke` of the server's token and recovery."""
    ledger, label, client, proxy = run.ledger, run.account.label, run.client, run.proxy
    posts = [r for r in proxy.records if r.is_token_post]
    calls = len(client.transcript)
    ledger.check(TOKEN, len(posts) == 1, f"{label}: {calls} tool calls sent {len(posts)} token requests; expected 1")
    ledger.note(f"{label}: {calls} tool calls, {len(posts)} token request(s) before the revocation")
    if not proxy.tokens:
        ledger.fail(TOKEN, f"{label}: the proxy saw no token being issued")
        return
    token = proxy.tokens[-1]
    identity = run.account.endpoint("identity").rstrip("/")
    session = run.account.conn.session
    revoked = session.delete(f"{identity}/auth/tokens", headers={"X-Subject-Token": token}, raise_exc=False)
    ledger.check(TOKEN, revoked.status_code == 204, f"revoking the server's token: HTTP {revoked.status_code}")
    gone = session.get(f"{identity}/auth/tokens", headers={"X-Subject-Token": token}, raise_exc=False)
    ledger.check(TOKEN, gone.status_code == 404, f"the revoked token still validates: HTTP {gone.status_code}")
    # Keystone may go on accepting a revoked token for a moment (its caches): wait until it
    # refuses it on an ordinary call, so the server meets a real 401.
    started, refused = time.monotonic(), False
    while time.monotonic() - started < 60 and not refused:
        probe = session.get(f"{identity}/services", headers={"X-Auth-Token": token}, authenticated=False, raise_exc=False)
        refused = probe.status_code == 401
        if not refused:
            time.sleep(0.5)
    ledger.check(TOKEN, refused, "Keystone still accepted the revoked token after 60 s")
    ledger.note(f"{label}: Keystone refused the revoked token after {time.monotonic() - started:.1f} s")

    mark = proxy.mark()
    for tool in ("get_services", "get_instances", "get_networks", "get_volumes", "get_images", "get_compute_services"):
        answer = await client.call(tool, {"limit": 2})
        ledger.check(TOKEN, not answer.is_error, f"{label}: {tool} after the revocation: {answer.text[:300]}")
    after = proxy.since(mark)
    new_posts = [r for r in after if r.is_token_post]
    rejected = [r for r in after if r.status == 401]
    ledger.check(TOKEN, len(new_posts) == 1, f"{label}: {len(new_posts)} token requests after the revocation; expected 1")
    ledger.check(TOKEN, bool(rejected) and rejected[0].at <= new_posts[0].at if new_posts else False,
                 f"{label}: no 401 was seen before the new token (the revocation was not noticed)")
    ledger.note(f"{label}: after the revocation {len(rejected)} answer(s) were 401, then {len(new_posts)} new token; "
                f"first rejected by {rejected[0].origin}{rejected[0].path.split('?')[0] if rejected else ''}" if rejected
                else f"{label}: no 401 after the revocation")


async def extra_scope_checks(run: Run, admin_run: Run | None) -> None:
    """Non-admin: the catalog fallback says why, and other projects' servers stay hidden."""
    if run.admin:
        return
    ledger, label, client = run.ledger, run.account.label, run.client
    services = await client.call("get_services", {})
    notes = " ".join((services.data or {}).get("notes", []))
    ledger.check(SCOPE, not services.is_error and "admin" in notes.lower(),
                 f"{label}: get_services should fall back to the token's catalog and say so: {services.text[:300]}")
    if admin_run is None:
        return
    everyone = admin_run.truth("compute", "/servers/detail", "servers", {"all_tenants": "True"})
    others = [s for s in everyone if s.get("tenant_id") != run.account.project_id][:3]
    for server in others:
        answer = await client.call("get_instance", {"id": server["id"]})
        ledger.check(SCOPE, answer.is_error, f"{label}: get_instance showed {server['id']} of another project")
        listed = await client.call("get_instances", {"filter": server["id"]})
        ledger.check(SCOPE, not listed.is_error and not listed.items,
                     f"{label}: get_instances showed {server['id']} of another project: {listed.text[:200]}")
    volumes = admin_run.truth("volume", "/volumes/detail", "volumes", {"all_tenants": "True"})
    for project in sorted({v.get("os-vol-tenant-attr:tenant_id") for v in volumes} - {run.account.project_id, None})[:1]:
        answer = await client.call("get_volumes", {"project_id": project})
        ledger.check(SCOPE, answer.is_error and "admin" in answer.text.lower(),
                     f"{label}: get_volumes of another project should need admin: {answer.text[:300]}")
