"""The callers phase's soak (callers.py): 20 federated principals against one server whose token cache
holds 5 (`--caller-cache-size 5`) and that lets one caller run one tool call at a time
(`--caller-max-calls 1`).

- Round 1: the 20 callers (sub soak01..soak20, group fed-alpha, project alpha) each call get_networks,
  all at once: every call answers with alpha's view, and the proxy sees at least 20 federation logins.
- Round 2: the same 20 again, one after the other: a cache bounded at 5 cannot hold the 20 tokens, so
  at least 15 callers must log in again (an unbounded cache would need none).
- The cap: soak01 sends 6 calls at once on one session: at least one is answered busy (retry), at least
  one answers.
"""
from __future__ import annotations

import asyncio
import os

from .callers_edges import CallerRun, describe, first_call, mcp_client
from .proxy import RecordingProxy
from .server import ServerProcess

PHASE = "callers"
PRINCIPALS, CACHE, BURST = 20, 5, 6


def federation_logins(proxy: RecordingProxy) -> int:
    return sum(1 for r in proxy.records if r.is_token_post and "/OS-FEDERATION/" in r.path and r.status in (200, 201))


async def run_soak(run: CallerRun, binary: str, work: str, server_args, mint, log) -> None:
    ledger, fed = run.ledger, run.settings["federation"]
    proxy = RecordingProxy(fed["auth_url"])
    auth_url = proxy.start()
    server = ServerProcess(binary, {}, os.path.join(work, "server-callers-soak.log"),
                           extra_args=[*server_args(fed, auth_url), "--caller-cache-size", str(CACHE),
                                       "--caller-max-calls", "1"])
    run.extra_logs.append(server)
    alpha = next((c.project_id for c in run.callers if c.project == "alpha" and c.project_id), None)
    subs = [f"soak{n:02d}" for n in range(1, PRINCIPALS + 1)]
    jwts = {sub: mint(fed, sub=sub, groups="fed-alpha", ttl=3600) for sub in subs}
    run.secrets.extend(jwts.values())
    headers = {sub: {"Authorization": f"Bearer {jwt}", "X-OpenStack-Project": "alpha"} for sub, jwt in jwts.items()}
    server.start()
    try:
        log(f"callers soak: {PRINCIPALS} principals, token cache {CACHE}, one call at a time each")
        first = await asyncio.gather(*(first_call(server.url, headers[sub], "get_networks", run) for sub in subs))
        failed = [(sub, words[:160]) for sub, (ok, words) in zip(subs, first) if not ok]
        ledger.check(PHASE, not failed, f"soak round 1: {len(failed)} of {PRINCIPALS} callers failed: {failed[:3]}")
        ledger.check(PHASE, all(alpha and alpha in words and "beta-net" not in words for ok, words in first if ok),
                     "soak round 1: an answer is not alpha's view")
        round1 = federation_logins(proxy)
        for sub in subs:
            ok, words = await first_call(server.url, headers[sub], "get_networks", run)
            ledger.check(PHASE, ok, f"soak round 2: {sub} failed: {words[:200]}")
        round2 = federation_logins(proxy) - round1
        # Each session sends two requests (server/discover, tools/call), each resolving its caller: with 20 at
        # once and room for 5, some log in twice.
        ledger.check(PHASE, round1 >= PRINCIPALS, f"soak round 1: {round1} federation logins for {PRINCIPALS} new callers")
        ledger.check(PHASE, round2 >= PRINCIPALS - CACHE,
                     f"soak round 2: {round2} logins again; a cache bounded at {CACHE} must drop at least {PRINCIPALS - CACHE}")
        async with mcp_client(server.url, headers[subs[0]]) as client:
            answers = await asyncio.gather(*(client.call_tool("get_networks", {}) for _ in range(BURST)),
                                           return_exceptions=True)
        texts = [describe(a) if isinstance(a, BaseException) else "".join(getattr(b, "text", "") for b in a.content)
                 for a in answers]
        run.transcripts.extend(texts)
        busy = [t for a, t in zip(answers, texts) if (isinstance(a, BaseException) or a.is_error) and "busy" in t.lower()]
        fine = [a for a in answers if not isinstance(a, BaseException) and not a.is_error]
        ledger.check(PHASE, busy and fine and len(busy) + len(fine) == BURST,
                     f"{BURST} calls at once by one caller with --caller-max-calls 1: {len(fine)} answered, {len(busy)} busy; "
                     f"others: {[t[:120] for t in texts if t not in busy][:2]}")
        ledger.note(f"callers soak: {PRINCIPALS} principals: {round1} federation logins, then {round2} again with a cache of "
                    f"{CACHE}; {BURST} calls at once by one caller: {len(fine)} answered, {len(busy)} busy "
                    f"({(busy or ['-'])[0][:120]})")
    finally:
        server.stop()
        proxy.stop()
