"""Our built server, run as a process against the cloud, and an MCP client (the official Python SDK) for it."""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import subprocess
import time
from typing import Any, AsyncIterator

from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client


@dataclasses.dataclass
class ToolAnswer:
    is_error: bool
    data: dict | None
    text: str

    @property
    def items(self) -> list[dict]:
        return (self.data or {}).get("items", [])


class ServerProcess:
    """`openstack-mcp-server --port 0` with the given OS_* variables; stderr goes to `log_path`."""

    def __init__(self, binary: str, env: dict[str, str], log_path: str, extra_args: list[str] | None = None):
        self.binary = binary
        self.log_path = log_path
        base = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
        self.env = {**base, **env}
        self.args = extra_args or []
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self, timeout: float = 120) -> str:
        log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [self.binary, "--port", "0", "--log-level", "debug", *self.args],
            env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            text = self.log()
            # text: "... listening on http://…/openstack (…)"; json: {"message":"listening on the MCP endpoint",…,"url":"…"}
            found = (re.search(r"listening on (http://\S+/openstack)", text)
                     or re.search(r'"url":"(http://[^"]+/openstack)"', text))
            if found:
                self.url = found.group(1)
                return self.url
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited ({self.process.returncode}):\n{text}")
            time.sleep(0.1)
        raise RuntimeError(f"the server did not start within {timeout}s:\n{self.log()}")

    def log(self) -> str:
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as handle:
                return handle.read()
        except FileNotFoundError:
            return ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class MCPClient:
    """Calls tools over Streamable HTTP and returns their structured answers."""

    def __init__(self, session: ClientSession):
        self.session = session
        self.transcript: list[str] = []
        self.calls: list[tuple[str, dict]] = []  # (tool, arguments) of each transcript entry
        self.tools: dict[str, Any] = {}
        # Maps addresses in answers back to the cloud's own (the suite's proxy sits in between).
        self.rewrite = lambda text: text

    async def call(self, tool: str, arguments: dict[str, Any] | None = None) -> ToolAnswer:
        result = await self.session.call_tool(tool, arguments or {})
        text = "".join(getattr(block, "text", "") for block in result.content)
        self.transcript.append(text)
        self.calls.append((tool, dict(arguments or {})))
        text = self.rewrite(text)
        data = result.structured_content
        if data is not None:
            data = json.loads(self.rewrite(json.dumps(data)))
        elif not result.is_error and text.startswith("{"):
            data = json.loads(text)
        return ToolAnswer(bool(result.is_error), data, text)

    async def call_all(self, tool: str, arguments: dict[str, Any], max_pages: int = 500) -> tuple[list[dict], int]:
        """Every item, following `next_cursor`; returns the items and the number of calls."""
        items: list[dict] = []
        cursor = None
        for calls in range(1, max_pages + 1):
            args = dict(arguments)
            if cursor:
                args["cursor"] = cursor
            answer = await self.call(tool, args)
            if answer.is_error:
                raise ToolFailed(tool, args, answer.text)
            items += answer.items
            cursor = (answer.data or {}).get("next_cursor")
            if not cursor:
                return items, calls
        raise ToolFailed(tool, arguments, f"more than {max_pages} pages")


class ToolFailed(AssertionError):
    def __init__(self, tool: str, arguments: dict, text: str):
        super().__init__(f"{tool}({json.dumps(arguments, sort_keys=True)}) failed: {text[:600]}")


@contextlib.asynccontextmanager
async def connect(url: str) -> AsyncIterator[MCPClient]:
    async with streamable_http_client(url) as streams:
        async with ClientSession(streams[0], streams[1]) as session:
            await session.initialize()
            client = MCPClient(session)
            listed = await session.list_tools()
            client.tools = {tool.name: tool for tool in listed.tools}
            yield client
