"""Call every tool of openstack-mcp-server once on the demo cloud and print one line per answer.

Usage: python scripts/tool_samples.py BIN [extra server flags...]
With `--os-cloud NAME` among the flags it asks that cloud (clouds.yaml) instead of the demo cloud.

It talks MCP over stdio through the official Python SDK. Show tools get the ID of the first item
of their list tool. The exit status is 1 when any tool answers with an error, so CI can use it as
a check that every tool in tools/list works end to end.
"""
import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

WIDTH = 220
# Show tools and tools that need a server: the list tool whose first item supplies the argument.
SOURCES = {
    "get_instance": "get_instances", "describe_instance": "get_instances",
    "get_instance_actions": "get_instances", "get_instance_interfaces": "get_instances",
    "get_flavor": "get_flavors", "get_hypervisor": "get_hypervisors", "get_network": "get_networks",
    "get_subnet": "get_subnets", "get_port": "get_ports", "get_router": "get_routers",
    "get_floating_ip": "get_floating_ips", "get_security_group": "get_security_groups",
    "get_volume": "get_volumes", "get_image": "get_images",
}


def field(obj, snake: str, camel: str):
    """Attribute by its mcp 2.x (snake_case) or 1.x (camelCase) name."""
    return getattr(obj, snake) if hasattr(obj, snake) else getattr(obj, camel)


def one_line(data: dict) -> str:
    if "items" in data:
        first = data["items"][0] if data["items"] else None
        more = ", more" if data.get("next_cursor") else ""
        text = f"{data['count']} item(s){more}; first: {json.dumps(first, separators=(',', ':'))}"
    else:
        text = json.dumps(data.get("item"), separators=(",", ":"))
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


async def run(binary: str, flags: list[str]) -> int:
    source = [] if "--os-cloud" in flags else ["--demo"]
    params = StdioServerParameters(
        command=binary, args=[*source, "--transport", "stdio", "--log-level", "warning", *flags], env=dict(os.environ))
    failures = 0
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            await session.initialize()
            tools = (await session.list_tools()).tools
            first_ids: dict[str, str] = {}
            for tool in sorted(tools, key=lambda t: (t.name in SOURCES, t.name)):
                properties = field(tool, "input_schema", "inputSchema").get("properties", {})
                arguments: dict = {}
                if "limit" in properties:
                    arguments["limit"] = 1
                if "all_projects" in properties:
                    arguments["all_projects"] = True
                if tool.name in SOURCES:
                    if SOURCES[tool.name] not in first_ids:
                        print(f"{tool.name}: skipped ({SOURCES[tool.name]} listed nothing to show)")
                        continue
                    key = "server" if "server" in properties else "id"
                    arguments = {key: first_ids[SOURCES[tool.name]]}
                result = await session.call_tool(tool.name, arguments)
                data = field(result, "structured_content", "structuredContent") or {}
                if field(result, "is_error", "isError"):
                    failures += 1
                    print(f"{tool.name}: ERROR {result.content[0].text[:WIDTH]}")
                    continue
                items = data.get("items") or []
                if items and isinstance(items[0], dict) and "id" in items[0]:
                    first_ids[tool.name] = items[0]["id"]
                print(f"{tool.name}({json.dumps(arguments, separators=(',', ':'))}): {one_line(data)}")
            print(f"tool samples: {len(tools)} tools, {failures} error(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(run(sys.argv[1], sys.argv[2:])))
