"""Heat, Octavia and Swift tools that take a stack, a balancer, a pool or a container: each answer
compared with what the service itself says for the same thing, fact by fact.

The list tools of these services are ListChecks in extras.py; this file covers the rest:
get_stack, get_stack_resources, get_stack_events, describe_stack, get_load_balancer,
get_pool_members, get_object_store_account, get_objects and get_object.
"""
from __future__ import annotations

import urllib.parse

from .checks import Run
from .cloud import PROXIES
from .extras import global_stacks_allowed
from .ledger import MASK, Unordered, is_secret_key

NESTED_DEPTH = 2  # the tools' default depth (StackTools.defaultDepth)


def _quote(segment: str) -> str:
    return urllib.parse.quote(segment, safe="")


def _offered(run: Run, tool: str) -> bool:
    return run.ledger.check(tool, tool in run.client.tools, "the server does not offer this tool")


async def check_stacks(run: Run) -> None:
    if run.admin and not global_stacks_allowed(run) and _offered(run, "get_stacks"):
        answer = await run.client.call("get_stacks", {"all_projects": True})
        run.ledger.check("get_stacks", answer.is_error and "global_index" in answer.text,
                         f"{run.account.label} all_projects: Heat refuses the global list; the error should say why: "
                         f"{answer.text[:300]}")
    stacks = run.truth("orchestration", "/stacks", "stacks", None)
    for raw in stacks:
        where = f"{run.account.label} {raw['stack_name']}"
        base = f"/stacks/{_quote(raw['stack_name'])}/{raw['id']}"
        shown = run.account.get("orchestration", base).json.get("stack", {})
        if _offered(run, "get_stack"):
            for key in (raw["id"], raw["stack_name"]):
                answer = await run.client.call("get_stack", {"id": key})
                if run.ledger.check("get_stack", not answer.is_error, f"{where} by {key}: {answer.text[:300]}"):
                    item = answer.data["item"]
                    run.ledger.match("get_stack", f"{where} by {key}", item, {
                        "id": shown["id"], "stack_name": shown["stack_name"], "stack_status": shown.get("stack_status"),
                        "stack_status_reason": shown.get("stack_status_reason"), "creation_time": shown.get("creation_time"),
                        "parent": shown.get("parent"), "timeout_mins": shown.get("timeout_mins"),
                        # Heat masks hidden parameters itself; we mask by name on top (MASK).
                        "parameters": {k: MASK if is_secret_key(k) and v else v
                                       for k, v in (shown.get("parameters") or {}).items()}})
                    run.ledger.match("get_stack", f"{where} output keys", Unordered(
                        [o.get("output_key") for o in item.get("outputs") or []]),
                        Unordered([o.get("output_key") for o in shown.get("outputs") or []]))
        resources = run.account.get("orchestration", f"{base}/resources", {"nested_depth": NESTED_DEPTH}).json.get("resources", [])
        if _offered(run, "get_stack_resources"):
            ours, _ = await run.client.call_all("get_stack_resources", {"stack": raw["id"], "limit": 1000, "detail_level": "detailed"})
            key = lambda r: f"{r.get('stack_name') or ''}/{r['resource_name']}"  # noqa: E731
            truth_by = {key({**r, "stack_name": _stack_of(r)}): r for r in resources}
            run.ledger.match("get_stack_resources", f"{where} resources (depth {NESTED_DEPTH})",
                             Unordered([key(r) for r in ours]), Unordered(list(truth_by)))
            for mine in ours:
                theirs = truth_by.get(key(mine))
                if theirs:
                    run.ledger.match("get_stack_resources", f"{where} {key(mine)}", mine, {
                        "resource_type": theirs.get("resource_type"), "resource_status": theirs.get("resource_status"),
                        "resource_status_reason": theirs.get("resource_status_reason"),
                        "physical_resource_id": theirs.get("physical_resource_id") or None,
                        "parent_resource": theirs.get("parent_resource")})
            statuses = [str(r.get("resource_status", "")).endswith("_FAILED") for r in ours]
            run.ledger.check("get_stack_resources", statuses == sorted(statuses, reverse=True),
                             f"{where}: failed resources are not listed first")
        events = run.account.get("orchestration", f"{base}/events", {"sort_dir": "desc"}).json.get("events", [])
        if _offered(run, "get_stack_events"):
            ours, _ = await run.client.call_all("get_stack_events", {"stack": raw["stack_name"], "limit": 1000, "detail_level": "detailed"})
            run.ledger.match("get_stack_events", f"{where} event ids, newest first", [e.get("id") for e in ours],
                             [e["id"] for e in events])
            for mine, theirs in zip(ours, events):
                run.ledger.match("get_stack_events", f"{where} event {theirs['id']}", mine, {
                    "event_time": theirs.get("event_time"), "resource_name": theirs.get("resource_name"),
                    "resource_status": theirs.get("resource_status"),
                    "resource_status_reason": theirs.get("resource_status_reason")})
        if _offered(run, "describe_stack"):
            await _check_describe(run, where, raw, shown, resources)


def _stack_of(resource: dict) -> str | None:
    """The owning stack's name, from the `stack` link (…/stacks/{name}/{id})."""
    for link in resource.get("links") or []:
        if link.get("rel") == "stack":
            parts = urllib.parse.urlsplit(link["href"]).path.split("/")
            if "stacks" in parts and parts.index("stacks") + 1 < len(parts):
                return urllib.parse.unquote(parts[parts.index("stacks") + 1])
    return None


async def _check_describe(run: Run, where: str, raw: dict, shown: dict, resources: list[dict]) -> None:
    answer = await run.client.call("describe_stack", {"id": raw["id"]})
    if not run.ledger.check("describe_stack", not answer.is_error, f"{where}: {answer.text[:300]}"):
        return
    item = answer.data["item"]
    failed = [r for r in resources if str(r.get("resource_status", "")).endswith("_FAILED")]
    parents = {r.get("parent_resource") for r in failed}
    roots = [r["resource_name"] for r in failed if r["resource_name"] not in parents]
    run.ledger.match("describe_stack", where, item, {
        "stack_status": shown.get("stack_status"), "resources_total": len(resources), "resources_failed": len(failed)})
    run.ledger.match("describe_stack", f"{where} root causes", Unordered(
        [r.get("resource_name") for r in item.get("root_causes") or []]), Unordered(roots))
    if roots:
        first = next(r for r in failed if r["resource_name"] == item["root_causes"][0]["resource_name"])
        run.ledger.check("describe_stack", first.get("resource_status_reason", "") in item.get("summary", ""),
                         f"{where}: the summary does not give the root cause's reason: {item.get('summary')!r}")


async def check_load_balancers(run: Run) -> None:
    balancers = run.truth("load-balancer", "/lbaas/loadbalancers", "loadbalancers")
    pools = run.truth("load-balancer", "/lbaas/pools", "pools")
    members = {p["id"]: run.truth("load-balancer", f"/lbaas/pools/{p['id']}/members", "members") for p in pools}
    if _offered(run, "get_pool_members"):
        for pool in pools:
            where = f"{run.account.label} pool {pool.get('name') or pool['id']}"
            ours, _ = await run.client.call_all("get_pool_members", {"pool": pool["id"], "limit": 1000, "detail_level": "detailed"})
            truth = {m["id"]: m for m in members[pool["id"]]}
            run.ledger.match("get_pool_members", f"{where} ids", Unordered([m.get("id") for m in ours]), Unordered(list(truth)))
            for mine in ours:
                theirs = truth.get(mine.get("id"), {})
                run.ledger.match("get_pool_members", f"{where} {mine.get('id')}", mine, {
                    "name": theirs.get("name"), "address": theirs.get("address"), "protocol_port": theirs.get("protocol_port"),
                    "operating_status": theirs.get("operating_status"), "weight": theirs.get("weight"),
                    "provisioning_status": theirs.get("provisioning_status"), "subnet_id": theirs.get("subnet_id")})
    if not _offered(run, "get_load_balancer"):
        return
    down_states = {"OFFLINE", "ERROR", "DEGRADED"}
    for lb in balancers:
        where = f"{run.account.label} {lb.get('name') or lb['id']}"
        answer = await run.client.call("get_load_balancer", {"id": lb["id"]})
        if not run.ledger.check("get_load_balancer", not answer.is_error, f"{where}: {answer.text[:300]}"):
            continue
        item = answer.data["item"]
        mine_pools = {p["id"]: p for lis in item.get("listeners") or [] for p in lis.get("pools") or []}
        mine_pools.update({p["id"]: p for p in item.get("pools_without_listener") or []})
        theirs_pools = [p for p in pools if lb["id"] in [r["id"] for r in p.get("loadbalancers") or []]]
        all_members = [m for p in theirs_pools for m in members[p["id"]]]
        run.ledger.match("get_load_balancer", where, item, {
            "name": lb.get("name"), "vip_address": lb.get("vip_address"),
            "provisioning_status": lb.get("provisioning_status"), "operating_status": lb.get("operating_status"),
            "members_total": len(all_members),
            "members_down": sum(1 for m in all_members if m.get("operating_status") in down_states)})
        run.ledger.match("get_load_balancer", f"{where} listeners", Unordered(
            [lis.get("id") for lis in item.get("listeners") or []]), Unordered([r["id"] for r in lb.get("listeners") or []]))
        run.ledger.match("get_load_balancer", f"{where} pools", Unordered(list(mine_pools)), Unordered([p["id"] for p in theirs_pools]))
        for pool in theirs_pools:
            node = mine_pools.get(pool["id"], {})
            run.ledger.match("get_load_balancer", f"{where} pool {pool['id']} members", Unordered(
                [(m.get("id"), m.get("operating_status")) for m in node.get("members") or []]),
                Unordered([(m["id"], m.get("operating_status")) for m in members[pool["id"]]]))
            run.ledger.match("get_load_balancer", f"{where} pool {pool['id']} monitor",
                             (node.get("health_monitor") or {}).get("id"), pool.get("healthmonitor_id"))


def _head(run: Run, path: str) -> dict[str, str]:
    adapter = getattr(run.account.conn, PROXIES["object-store"])
    answer = adapter.head(path, raise_exc=False)
    return {k.lower(): v for k, v in answer.headers.items()}


def _meta(headers: dict[str, str], prefix: str, skip: set[str] = frozenset(), tool: str | None = None) -> dict:
    """Metadata as the tool must show it: secrets (by name, or the tool's inventory: TempURL keys) masked."""
    meta = {k[len(prefix):]: v for k, v in headers.items() if k.startswith(prefix) and k[len(prefix):] not in skip}
    return {k: MASK if v and (is_secret_key(k, tool) or is_secret_key(prefix + k, tool)) else v for k, v in meta.items()}


async def check_object_store(run: Run) -> None:
    account = _head(run, "")
    if _offered(run, "get_object_store_account"):
        answer = await run.client.call("get_object_store_account", {})
        if run.ledger.check("get_object_store_account", not answer.is_error, f"{run.account.label}: {answer.text[:300]}"):
            number = lambda h: int(account[h]) if h in account else None  # noqa: E731
            run.ledger.match("get_object_store_account", run.account.label, answer.data["item"], {
                "containers": number("x-account-container-count"), "objects": number("x-account-object-count"),
                "bytes_used": number("x-account-bytes-used"), "quota_bytes": number("x-account-meta-quota-bytes"),
                "metadata": _meta(account, "x-account-meta-", {"quota-bytes"}, "get_object_store_account")})
    listing = run.account.get("object-store", "", {"format": "json"})
    containers = listing.json if isinstance(listing.json, list) else []
    for container in containers:
        name = container["name"]
        where = f"{run.account.label} {name}"
        objects = run.account.get("object-store", _quote(name), {"format": "json"})
        objects = objects.json if isinstance(objects.json, list) else []
        if _offered(run, "get_objects"):
            ours, _ = await run.client.call_all("get_objects", {"container": name, "limit": 1000, "detail_level": "detailed"})
            truth = {o["name"]: o for o in objects}
            run.ledger.match("get_objects", f"{where} names", [o.get("name") for o in ours], list(truth))
            for mine in ours:
                theirs = truth.get(mine.get("name"), {})
                run.ledger.match("get_objects", f"{where} {mine.get('name')}", mine, {
                    "bytes": theirs.get("bytes"), "content_type": theirs.get("content_type"),
                    "last_modified": theirs.get("last_modified"), "etag": theirs.get("hash")})
            folders = run.account.get("object-store", _quote(name), {"format": "json", "delimiter": "/"}).json or []
            ours, _ = await run.client.call_all("get_objects", {"container": name, "delimiter": "/", "limit": 1000})
            run.ledger.match("get_objects", f"{where} delimiter=/", [o.get("name") for o in ours],
                             [f.get("name") or f.get("subdir") for f in folders])
            paged, calls = await run.client.call_all("get_objects", {"container": name, "limit": 2})
            run.ledger.match("get_objects", f"{where} limit=2 over {calls} call(s)", [o.get("name") for o in paged], list(truth))
        if _offered(run, "get_object"):
            for obj in objects[:5]:
                headers = _head(run, f"{_quote(name)}/{_quote(obj['name'])}")
                answer = await run.client.call("get_object", {"container": name, "object": obj["name"]})
                if run.ledger.check("get_object", not answer.is_error, f"{where}/{obj['name']}: {answer.text[:300]}"):
                    run.ledger.match("get_object", f"{where}/{obj['name']}", answer.data["item"], {
                        "content_type": headers.get("content-type"), "bytes": int(headers.get("content-length", -1)),
                        "etag": headers.get("etag", "").strip('"'), "last_modified": headers.get("last-modified"),
                        "metadata": _meta(headers, "x-object-meta-", tool="get_object")})
    if _offered(run, "get_objects"):
        missing = await run.client.call("get_objects", {"container": "no-such-container-42"})
        run.ledger.check("get_objects", missing.is_error and "no-such-container-42" in missing.text,
                         f"{run.account.label}: a missing container should be a clear error: {missing.text[:300]}")


async def run_extra_shows(run: Run) -> None:
    """Each service's part, when the account's catalog has it."""
    for service, check in (("orchestration", check_stacks), ("load-balancer", check_load_balancers),
                           ("object-store", check_object_store)):
        if run.account.has_service(service):
            await check(run)
