"""Drive openstack-mcp-server with the official Python MCP SDK and check the answers."""
import asyncio
import importlib.metadata
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
try:  # mcp 2.x
    from mcp.client.streamable_http import streamable_http_client as http_client
except ImportError:  # mcp 1.x
    from mcp.client.streamable_http import streamablehttp_client as http_client

EXPECTED_TOOLS = {
    "get_instances", "get_volumes", "get_networks", "get_images",
    "get_compute_services", "get_network_agents", "get_volume_services", "get_services",
}


def field(obj, snake: str, camel: str):
    """Attribute by its mcp 2.x (snake_case) or 1.x (camelCase) name."""
    return getattr(obj, snake) if hasattr(obj, snake) else getattr(obj, camel)


async def exercise(session: ClientSession, label: str) -> None:
    init = await session.initialize()
    info = field(init, "server_info", "serverInfo")
    assert info.name == "openstack-mcp-server", info
    version = field(init, "protocol_version", "protocolVersion")
    assert version < "2026", f"initialize negotiated {version}, not a handshake-era version"
    tools = await session.list_tools()
    names = {tool.name for tool in tools.tools}
    assert EXPECTED_TOOLS <= names, names
    for tool in tools.tools:
        assert tool.annotations and field(tool.annotations, "read_only_hint", "readOnlyHint"), tool.name
        assert field(tool, "output_schema", "outputSchema"), tool.name
    result = await session.call_tool("get_instances", {"limit": 5, "all_projects": True, "detail_level": "basic"})
    assert not field(result, "is_error", "isError"), result.content
    data = field(result, "structured_content", "structuredContent")
    assert data["count"] == 5 and len(data["items"]) == 5, data
    assert data["next_cursor"], data
    assert all({"id", "name", "status"} <= set(item) for item in data["items"]), data["items"]
    assert json.loads(result.content[0].text) == data
    page2 = await session.call_tool("get_instances", {"limit": 5, "all_projects": True, "cursor": data["next_cursor"]})
    ids = {item["id"] for item in data["items"]}
    assert not ids & {item["id"] for item in field(page2, "structured_content", "structuredContent")["items"]}
    bad = await session.call_tool("get_instances", {"limit": 0})
    assert field(bad, "is_error", "isError") and "limit" in bad.content[0].text
    print(f"interop {label}: ok (python mcp {importlib.metadata.version('mcp')}, protocol {version}, "
          f"{len(names)} tools, get_instances answered {data['count']} items)")


async def main() -> None:
    mode, target = sys.argv[1], sys.argv[2]
    if mode == "http":
        async with http_client(target) as streams:
            read, write = streams[0], streams[1]
            async with ClientSession(read, write) as session:
                await exercise(session, target)
    else:
        params = StdioServerParameters(command=target, args=["--demo", "--transport", "stdio", "--log-level", "warning"])
        async with stdio_client(params) as (read, write):
            async with ClientSession(read, write) as session:
                await exercise(session, "stdio")


asyncio.run(asyncio.wait_for(main(), 120))
