"""The generic checks: one declaration per tool (see tools.py) drives all of them.

For a list tool and one account, every variant (scope and server-side filters, built from the
data the cloud has) compares the IDs we return, over all our pages, with the IDs the cloud
lists for the same query; then the facts of every item. The first variant also checks the
three detail levels, `full` against the raw object, paging with a small limit, and `filter`.
"""
from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Any, Callable

from .cloud import Account, origin
from .ledger import Ledger, Unordered
from .proxy import RecordingProxy
from .server import MCPClient, ToolFailed


@dataclasses.dataclass
class Variant:
    label: str
    args: dict                          # tool arguments
    params: Any = None                  # the same query, as the API (and the CLI) spells it
    admin_only: bool = False            # a non-admin must get a clear error instead


@dataclasses.dataclass
class ListCheck:
    tool: str
    service: str                        # catalog type: compute, network, volume, image, identity
    path: str                           # under the versioned endpoint
    key: str                            # collection key in the answer
    variants: Callable[["Run"], list[Variant]]
    basic: Callable[["Run", dict], dict]      # expected `basic` fields from a raw item
    detailed: Callable[["Run", dict], dict]   # expected extra `detailed` fields
    ident: Callable[[dict], str] = lambda item: item["id"]
    search: Callable[[dict], list] = lambda item: [item.get("name")]
    in_scope: Callable[["Run", dict], bool] | None = None  # non-admin: may this item be seen?
    admin_only: bool = False
    volatile: set = dataclasses.field(default_factory=set)  # fields that change between two reads
    truth: Callable[["Run", Variant], list[dict]] | None = None
    full_truth: Callable[["Run", Variant], list[dict]] | None = None  # raw objects, when `full` shows more than the list


@dataclasses.dataclass
class ShowCheck:
    tool: str
    list_check: ListCheck              # whose items are shown one by one, with the same facts
    show_path: Callable[[str], str]
    singular: str
    sample: int = 25                    # at most this many items are shown (bounded time on big clouds)


class Run:
    """One account's view: its server (through the recording proxy), its truth session, the ledger."""

    def __init__(self, account: Account, client: MCPClient, proxy: RecordingProxy, ledger: Ledger):
        self.account, self.client, self.proxy, self.ledger = account, client, proxy, ledger
        self._cache: dict[str, Any] = {}

    @property
    def admin(self) -> bool:
        return self.account.is_admin

    def microversion(self, service: str) -> str | None:
        """The microversion our server sent to this service (as the proxy saw it)."""
        try:
            real = origin(self.account.endpoint(service))
        except Exception:
            return None
        for record in reversed(self.proxy.records):
            if record.origin == real and record.microversion:
                return record.microversion.split()[-1]
        return None

    def truth(self, service: str, path: str, key: str, params: Any = None) -> list[dict]:
        mv = self.microversion(service)
        cache_key = json.dumps([service, path, key, params, mv], sort_keys=True, default=str)
        if cache_key not in self._cache:
            self._cache[cache_key] = self.account.list_all(service, path, key, params, mv)
        return self._cache[cache_key]

    def lookup(self, name: str, compute: Callable[[], Any]) -> Any:
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]


async def run_list(check: ListCheck, run: Run) -> None:
    ledger, tool = run.ledger, check.tool
    if not ledger.check(tool, tool in run.client.tools, "the server does not offer this tool"):
        return
    label = run.account.label
    if check.admin_only and not run.admin:
        await _expect_refusal(check, run, Variant("default", {}))
        return
    for index, variant in enumerate(check.variants(run)):
        where = f"{label} {variant.label}"
        if variant.admin_only and not run.admin:
            await _expect_refusal(check, run, variant)
            continue
        try:
            ours, _ = await run.client.call_all(tool, {**variant.args, "limit": 1000, "detail_level": "detailed"})
        except ToolFailed as error:
            ledger.fail(tool, f"{where}: {error}")
            continue
        truth = check.truth(run, variant) if check.truth else run.truth(check.service, check.path, check.key, variant.params)
        compare_items(check, run, where, ours, truth, detailed=True)
        if index == 0:
            await _levels_paging_filter(check, run, variant, ours, truth)


def compare_items(check: ListCheck, run: Run, where: str, ours: list[dict], truth: list[dict], detailed: bool) -> None:
    ledger, tool = run.ledger, check.tool
    our_ids = [check.ident(item) for item in ours]
    ledger.check(tool, len(our_ids) == len(set(our_ids)), f"{where}: duplicate items {our_ids}")
    ledger.match(tool, f"{where} ids ({len(truth)} in the cloud)", Unordered(our_ids),
                 Unordered([check.ident(item) for item in truth]))
    by_id = {check.ident(item): item for item in ours}
    for raw in truth:
        mine = by_id.get(check.ident(raw))
        if mine is None:
            continue
        expected = check.basic(run, raw)
        if detailed:
            expected = {**expected, **check.detailed(run, raw)}
        ledger.match(tool, f"{where} {check.ident(raw)}", mine, expected)
        if check.in_scope and not run.admin:
            ledger.check(tool, check.in_scope(run, raw), f"{where}: {check.ident(raw)} is outside the project's scope")


async def _levels_paging_filter(check: ListCheck, run: Run, variant: Variant, detailed: list[dict], truth: list[dict]):
    ledger, tool, client = run.ledger, check.tool, run.client
    where = f"{run.account.label} {variant.label}"
    basic, _ = await client.call_all(tool, {**variant.args, "limit": 1000, "detail_level": "basic"})
    compare_items(check, run, f"{where} basic", basic, truth, detailed=False)
    by_id = {check.ident(item): item for item in detailed}
    for item in basic:
        extra = set(item) - set(by_id.get(check.ident(item), {}))
        ledger.check(tool, not extra, f"{where}: basic has fields that detailed lacks: {sorted(extra)}")

    full, _ = await client.call_all(tool, {**variant.args, "limit": 1000, "detail_level": "full"})
    raws = check.full_truth(run, variant) if check.full_truth else truth
    raw_by_id = {check.ident(item): item for item in raws}
    ledger.match(tool, f"{where} full ids", Unordered([check.ident(i) for i in full]), Unordered(list(raw_by_id)))
    for item in full:
        raw = raw_by_id.get(check.ident(item))
        if raw is not None:
            ledger.full(tool, f"{where} full {check.ident(item)}", item, raw, volatile=check.volatile)

    if len(detailed) >= 2:
        limit = max(1, len(detailed) // 3)
        pages, cursor, seen = 0, None, []
        while True:
            args = {**variant.args, "limit": limit, "detail_level": "basic"}
            if cursor:
                args["cursor"] = cursor
            answer = await client.call(tool, args)
            if not ledger.check(tool, not answer.is_error, f"{where} page {pages + 1}: {answer.text[:300]}"):
                break
            pages += 1
            ledger.check(tool, len(answer.items) <= limit, f"{where}: page of {len(answer.items)} > limit {limit}")
            seen += [check.ident(item) for item in answer.items]
            cursor = (answer.data or {}).get("next_cursor")
            if not cursor or pages > len(detailed) + 2:
                break
        ledger.check(tool, pages >= 2, f"{where}: limit {limit} for {len(detailed)} items gave {pages} page(s)")
        ledger.check(tool, seen == [check.ident(item) for item in detailed],
                     f"{where}: paging with limit {limit} gave {seen}, one call gave {[check.ident(i) for i in detailed]}")
        ledger.note(f"{tool} ({run.account.label}): {len(detailed)} items paged with limit {limit} in {pages} calls")

    named = [item for item in truth if any(check.search(item))]
    if named:
        sample = next(v for v in check.search(named[len(named) // 2]) if v)
        needle = sample[1:-1] if len(sample) > 3 else sample
        needle = needle.upper() if needle.islower() else needle.lower()
        expected = [check.ident(item) for item in truth
                    if needle.lower() in check.ident(item).lower()
                    or any(needle.lower() in (v or "").lower() for v in check.search(item))]
        found, _ = await client.call_all(tool, {**variant.args, "filter": needle, "limit": 1000, "detail_level": "basic"})
        ledger.match(tool, f"{where} filter={needle!r}", Unordered([check.ident(i) for i in found]), Unordered(expected))


async def _expect_refusal(check: ListCheck, run: Run, variant: Variant) -> None:
    answer = await run.client.call(check.tool, {**variant.args, "limit": 5})
    where = f"{run.account.label} {variant.label} (not admin)"
    if run.ledger.check(check.tool, answer.is_error, f"{where}: expected a clear error, got {len(answer.items)} items"):
        text = answer.text.lower()
        run.ledger.check(check.tool, "admin" in text, f"{where}: the error does not say the admin role is needed: {answer.text[:300]}")
        run.ledger.check(check.tool, "403" in text or "forbidden" in text or "policy" in text or "admin role" in text,
                         f"{where}: the error does not name the refusal: {answer.text[:300]}")


async def run_show(check: ShowCheck, run: Run) -> None:
    ledger, tool, base = run.ledger, check.tool, check.list_check
    if not ledger.check(tool, tool in run.client.tools, "the server does not offer this tool"):
        return
    variant = base.variants(run)[0]
    items = run.truth(base.service, base.path, base.key, variant.params)[: check.sample]
    names = [item.get("name") for item in items]
    for raw in items:
        ident = base.ident(raw)
        where = f"{run.account.label} {ident}"
        answer = await run.client.call(tool, {"id": ident})
        if not ledger.check(tool, not answer.is_error, f"{where}: {answer.text[:300]}"):
            continue
        item = (answer.data or {}).get("item", {})
        ledger.match(tool, where, item, {**base.basic(run, raw), **base.detailed(run, raw)})
        full = await run.client.call(tool, {"id": ident, "detail_level": "full"})
        one = run.account.get(base.service, check.show_path(ident), None, run.microversion(base.service))
        ledger.full(tool, f"{where} full", (full.data or {}).get("item"), one.json.get(check.singular), base.volatile)
        if raw.get("name") and names.count(raw.get("name")) == 1:
            by_name = await run.client.call(tool, {"id": raw["name"], "detail_level": "basic"})
            ledger.check(tool, not by_name.is_error and by_name.data["item"].get("id") == ident,
                         f"{where}: by name {raw['name']!r}: {by_name.text[:300]}")
    missing = await run.client.call(tool, {"id": "00000000-0000-4000-8000-00000000dead"})
    ledger.check(tool, missing.is_error and "00000000-0000-4000-8000-00000000dead" in missing.text,
                 f"{run.account.label}: an unknown ID should be a clear error: {missing.text[:300]}")


async def cli_or_fail(run: Run, cli: Any, tool: str, *argv: str) -> Any:
    """The CLI's answer to `argv`, or None with one failed fact for `tool` when the command fails."""
    try:
        return await asyncio.to_thread(cli, *argv)
    except Exception as error:  # noqa: BLE001 - one failed command is one failed fact
        run.ledger.fail(tool, f"{run.account.label} CLI {' '.join(argv)}: {error}")
        return None
