"""Drive openstack-mcp-server in both MCP protocol eras with the official Python SDK (mcp 2.x).

Usage:
  python scripts/interop_eras.py [--label NAME] http URL
  python scripts/interop_eras.py [--label NAME] stdio BIN [server flags...]

For each client mode in MODES it connects with `mcp.Client(server, mode=...)`, checks which era the
connection landed on, lists the tools, checks pagination of get_instances and calls every tool once
(show tools get the ID of the first item of their list tool, as in scripts/tool_samples.py). Every
JSON-RPC message is recorded by a wrapper around the transport, so the checks see the wire: that
`initialize` never went out on a modern connection, that modern results carry `resultType`, that
`tools/list` carries `ttlMs`/`cacheScope`. One summary line per mode; exit status 1 on any failure.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from typing import Any

from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError
from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tool_samples import SOURCE_CALLS, SOURCES, call_order, remember, sample_arguments, source_call  # noqa: E402

MODERN = "2026-07-28"
MODES = [MODERN, "legacy", "auto"]
MIN_TOOLS = 50
GLOBAL_TIMEOUT = 300
READ_TIMEOUT = 60
SERVER_NAME = "openstack-mcp-server"
HANDSHAKE_METHODS = {"initialize", "notifications/initialized"}


def short(value: Any, width: int = 600) -> str:
    text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"), default=str)
    return text if len(text) <= width else text[: width - 1] + "…"


class Wire:
    """Every JSON-RPC message of one connection, as plain dicts, in order."""

    def __init__(self) -> None:
        self.sent: list[dict] = []
        self.received: list[dict] = []
        self.methods_by_id: dict[Any, str] = {}

    @staticmethod
    def dump(message: Any) -> dict:
        return message.model_dump(by_alias=True, mode="json", exclude_none=True)

    def on_send(self, item: Any) -> None:
        data = self.dump(item.message)
        self.sent.append(data)
        if "method" in data and "id" in data:
            self.methods_by_id[data["id"]] = data["method"]

    def on_receive(self, item: Any) -> None:
        if isinstance(item, Exception):
            self.received.append({"transport_exception": repr(item)})
        else:
            self.received.append(self.dump(item.message))

    def sent_methods(self) -> list[str]:
        return [m["method"] for m in self.sent if "method" in m]

    def answer_to(self, request_id: Any) -> dict | None:
        return next((m for m in self.received if m.get("id") == request_id and "method" not in m), None)

    def responses(self, method: str) -> list[tuple[dict, dict | None]]:
        return [(m, self.answer_to(m["id"])) for m in self.sent if m.get("method") == method and "id" in m]

    def last_exchange(self) -> str:
        requests = [m for m in self.sent if "id" in m and "method" in m]
        if not requests:
            return "no request was sent"
        request = requests[-1]
        return f"request {short(request)} -> server answered {short(self.answer_to(request['id']) or 'nothing')}"


class _RecordingStream:
    def __init__(self, inner: Any, record: Any) -> None:
        self._inner, self._record = inner, record

    def __getattr__(self, name: str) -> Any:  # last_context, statistics, ...
        return getattr(self._inner, name)

    async def send(self, item: Any) -> None:
        self._record(item)
        await self._inner.send(item)

    async def receive(self) -> Any:
        item = await self._inner.receive()
        self._record(item)
        return item

    def __aiter__(self) -> _RecordingStream:
        return self

    async def __anext__(self) -> Any:
        item = await self._inner.__anext__()
        self._record(item)
        return item

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def __aenter__(self) -> _RecordingStream:
        await self._inner.__aenter__()
        return self

    async def __aexit__(self, *exc: Any) -> Any:
        return await self._inner.__aexit__(*exc)


class RecordingTransport:
    """A `mcp.client.Transport` that wraps another one and records both directions into a Wire."""

    def __init__(self, inner: Any, wire: Wire) -> None:
        self._inner, self._wire = inner, wire

    async def __aenter__(self) -> tuple[Any, Any]:
        read, write = await self._inner.__aenter__()
        return _RecordingStream(read, self._wire.on_receive), _RecordingStream(write, self._wire.on_send)

    async def __aexit__(self, *exc: Any) -> Any:
        return await self._inner.__aexit__(*exc)


class Check:
    def __init__(self) -> None:
        self.failures: list[str] = []
        self.warnings: list[str] = []

    def expect(self, ok: Any, message: str) -> bool:
        if not ok:
            self.failures.append(message)
        return bool(ok)


def check_era(client: Client, mode: str, wire: Wire, check: Check) -> None:
    session = client.session
    methods = wire.sent_methods()
    if mode == "legacy":
        check.expect(session.initialize_result is not None, "legacy: no InitializeResult on the session")
        check.expect(client.protocol_version in HANDSHAKE_PROTOCOL_VERSIONS,
                     f"legacy: negotiated {client.protocol_version!r}, not a handshake-era version")
        check.expect("initialize" in methods, f"legacy: initialize was not sent (sent {methods})")
        check.expect("server/discover" not in methods, f"legacy: server/discover was sent (sent {methods})")
        info = session.server_info
        check.expect(info is not None and info.name == SERVER_NAME, f"legacy: serverInfo is {info!r}")
        return
    # Modern: pinned (adopts a synthesized discover result, no probe) or auto (probes server/discover).
    sent_handshake = [m for m in methods if m in HANDSHAKE_METHODS]
    if mode == "auto" and (sent_handshake or session.initialize_result is not None):
        probes = wire.responses("server/discover")
        answer = probes[0][1] if probes else None
        check.expect(False, "auto fell back to initialize instead of landing on 2026-07-28: server/discover "
                            f"{'was never sent' if not probes else 'answered ' + short(answer)}"
                            f"; then sent {sent_handshake}, negotiated {client.protocol_version!r}")
        return
    check.expect(not sent_handshake, f"{mode}: {sent_handshake} went out on a modern connection")
    check.expect(session.initialize_result is None, f"{mode}: session has an InitializeResult")
    check.expect(session.discover_result is not None, f"{mode}: session has no DiscoverResult")
    check.expect(client.protocol_version == MODERN, f"{mode}: negotiated {client.protocol_version!r}, not {MODERN}")
    if mode == "auto":
        check.expect(methods[:1] == ["server/discover"], f"auto: first message was {methods[:1]}, not server/discover")
        result = session.discover_result
        check.expect(MODERN in result.supported_versions, f"auto: supportedVersions {result.supported_versions}")
        if not any(v in HANDSHAKE_PROTOCOL_VERSIONS for v in result.supported_versions):
            check.warnings.append(f"discover lists no legacy version (dual-era server?): {result.supported_versions}")
        if session.server_info is None or session.server_info.name != SERVER_NAME:
            check.warnings.append(f"discover result _meta serverInfo is {session.server_info!r} (SHOULD name the server)")


async def check_discover_raw(client: Client, check: Check) -> None:
    """Pinned mode never probes; ask server/discover directly, and once at an unsupported version."""
    try:
        raw = await client.session.send_discover(MODERN)
    except Exception as error:  # noqa: BLE001
        check.expect(False, f"server/discover at {MODERN} raised {error!r}")
        return
    check.expect(raw.get("resultType") == "complete", f"server/discover: resultType is {raw.get('resultType')!r}")
    check.expect(MODERN in raw.get("supportedVersions", []), f"server/discover: supportedVersions {raw.get('supportedVersions')}")
    check.expect(isinstance(raw.get("ttlMs"), int) and raw.get("cacheScope") in ("public", "private"),
                 f"server/discover: ttlMs={raw.get('ttlMs')!r} cacheScope={raw.get('cacheScope')!r}")
    try:
        await client.session.send_discover("1900-01-01")
        check.expect(False, "server/discover at 1900-01-01 succeeded; expected -32022 UnsupportedProtocolVersion")
    except MCPError as error:
        supported = (error.error.data or {}).get("supported") if isinstance(error.error.data, dict) else None
        check.expect(error.code == -32022 and supported and MODERN in supported,
                     f"server/discover at 1900-01-01: code {error.code}, data {short(error.error.data)}; "
                     f"expected -32022 with data.supported listing {MODERN}")


def check_modern_wire(wire: Wire, check: Check) -> None:
    """Every request carries the version in _meta; every result carries resultType; list results cache hints."""
    for request in wire.sent:
        if "method" not in request or request["method"].startswith("notifications/"):
            continue
        version = ((request.get("params") or {}).get("_meta") or {}).get("io.modelcontextprotocol/protocolVersion")
        if request["method"] == "server/discover" and version != MODERN:
            continue  # the deliberate unsupported-version probe
        check.expect(version == MODERN, f"request {request['method']} went out without _meta protocolVersion: {short(request)}")
    bad = []
    for answer in wire.received:
        if "result" in answer and answer["result"].get("resultType") != "complete":
            bad.append(f"{wire.methods_by_id.get(answer.get('id'))}: {short(answer, 200)}")
    check.expect(not bad, f"{len(bad)} modern result(s) without resultType 'complete', e.g. {bad[:2]}")
    for request, answer in wire.responses("tools/list"):
        result = (answer or {}).get("result", {})
        check.expect(isinstance(result.get("ttlMs"), int) and result["ttlMs"] >= 0
                     and result.get("cacheScope") in ("public", "private"),
                     f"tools/list result lacks ttlMs/cacheScope: ttlMs={result.get('ttlMs')!r} "
                     f"cacheScope={result.get('cacheScope')!r}")
        meta = result.get("_meta") or {}
        if "io.modelcontextprotocol/serverInfo" not in meta:
            check.warnings.append("tools/list result _meta has no io.modelcontextprotocol/serverInfo (SHOULD)")


async def list_all_tools(client: Client, check: Check, modern: bool) -> list:
    tools, cursor, pages = [], None, 0
    while True:
        page = await client.list_tools(cursor=cursor)
        pages += 1
        if modern and pages == 1:
            check.expect(page.ttl_ms is not None and page.cache_scope is not None,
                         f"ListToolsResult ttl_ms={page.ttl_ms!r} cache_scope={page.cache_scope!r}")
        tools.extend(page.tools)
        cursor = page.next_cursor
        if cursor is None or pages > 20:
            return tools


async def check_pagination(client: Client, check: Check) -> None:
    first = await client.call_tool("get_instances", {"limit": 5, "all_projects": True, "detail_level": "basic"})
    if not check.expect(not first.is_error, f"get_instances limit=5 is an error: {short(first.content[0].text if first.content else first)}"):
        return
    data = first.structured_content or {}
    check.expect(data.get("count") == 5 and len(data.get("items", [])) == 5, f"get_instances limit=5: count {data.get('count')}")
    if not check.expect(data.get("next_cursor"), f"get_instances limit=5 has no next_cursor: {short(data)}"):
        return
    check.expect(json.loads(first.content[0].text) == data, "get_instances: text content differs from structuredContent")
    second = await client.call_tool("get_instances", {"limit": 5, "all_projects": True, "cursor": data["next_cursor"]})
    if not check.expect(not second.is_error, f"get_instances page 2 is an error: {short(second.content[0].text if second.content else second)}"):
        return
    ids = {item["id"] for item in data["items"]}
    ids2 = {item["id"] for item in (second.structured_content or {}).get("items", [])}
    check.expect(ids2 and not ids & ids2, f"get_instances page 2 ids {sorted(ids2)} overlap page 1 {sorted(ids)}")
    bad = await client.call_tool("get_instances", {"limit": 0})
    check.expect(bad.is_error and "limit" in bad.content[0].text, f"get_instances limit=0: not a tool error: {short(bad.content)}")


async def exercise(make_transport: Any, label: str, mode: str) -> bool:
    wire, check = Wire(), Check()
    called = errors = 0
    try:
        async with Client(RecordingTransport(make_transport(), wire), mode=mode, read_timeout_seconds=READ_TIMEOUT) as client:
            check_era(client, mode, wire, check)
            modern = client.protocol_version == MODERN
            if mode == MODERN:
                await check_discover_raw(client, check)
            tools = await list_all_tools(client, check, modern)
            check.expect(len(tools) >= MIN_TOOLS, f"tools/list: {len(tools)} tools, expected at least {MIN_TOOLS}")
            for tool in tools:
                check.expect(tool.annotations and tool.annotations.read_only_hint, f"{tool.name}: no readOnlyHint")
                check.expect(tool.output_schema, f"{tool.name}: no outputSchema")
            await check_pagination(client, check)
            seen: dict[str, tuple[dict, dict]] = {}
            for tool in call_order(tools):
                arguments = await source_call(client, tool.name) if tool.name in SOURCE_CALLS \
                    else sample_arguments(tool.name, tool.input_schema.get("properties", {}), seen)
                if arguments is None:
                    source = (SOURCE_CALLS.get(tool.name) or SOURCES[tool.name])[0]
                    check.expect(False, f"{tool.name}: {source} listed nothing to show")
                    continue
                called += 1
                try:
                    result = await client.call_tool(tool.name, arguments)
                except Exception as error:  # noqa: BLE001  MCPError, pydantic ValidationError, ...
                    errors += 1
                    check.expect(False, f"{tool.name}({short(arguments)}) raised {type(error).__name__}: "
                                        f"{short(str(error), 300)}; {wire.last_exchange()}")
                    continue
                if result.is_error:
                    errors += 1
                    check.expect(False, f"{tool.name}({short(arguments)}) isError: {short(result.content[0].text if result.content else '')}")
                    continue
                remember(seen, tool.name, arguments, result.structured_content)
            if modern:
                check_modern_wire(wire, check)
    except Exception as error:  # noqa: BLE001
        leaf = error
        while isinstance(leaf, BaseExceptionGroup) and leaf.exceptions:
            leaf = leaf.exceptions[0]
        check.expect(False, f"connection failed: {type(leaf).__name__}: {short(' '.join(str(leaf).split()), 400)}; "
                            f"{wire.last_exchange()}")
    status = "ok" if not check.failures else f"FAIL ({len(check.failures)} check(s))"
    print(f"interop {label} {mode}: {status}, {called} tools called, {errors} errors", flush=True)
    for failure in check.failures:
        print(f"  FAIL {failure}", flush=True)
    for warning in dict.fromkeys(check.warnings):
        print(f"  warn {warning}", flush=True)
    return not check.failures


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--label", help="name of the transport in the summary lines (default: http or stdio)")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated client modes (default {','.join(MODES)})")
    parser.add_argument("transport", choices=["http", "stdio"])
    parser.add_argument("target", help="URL (http) or server binary (stdio)")
    parser.add_argument("flags", nargs=argparse.REMAINDER, help="extra server flags (stdio)")
    args = parser.parse_args()
    label = args.label or args.transport
    if args.transport == "http":
        make_transport = lambda: streamable_http_client(args.target)  # noqa: E731
    else:
        source = [] if "--os-cloud" in args.flags else ["--demo"]
        params = StdioServerParameters(command=args.target, env=dict(os.environ),
                                       args=[*source, "--transport", "stdio", "--log-level", "warning", *args.flags])
        make_transport = lambda: stdio_client(params)  # noqa: E731
    ok = True
    for mode in args.modes.split(","):
        ok &= await exercise(make_transport, label, mode)
    return 0 if ok else 1


if __name__ == "__main__":
    try:
        sys.exit(asyncio.run(asyncio.wait_for(main(), GLOBAL_TIMEOUT)))
    except asyncio.TimeoutError:
        print(f"interop: timed out after {GLOBAL_TIMEOUT} s", file=sys.stderr)
        sys.exit(2)
