"""Call every tool of openstack-mcp-server once on the demo cloud and print one line per answer.

Usage: python scripts/tool_samples.py BIN [extra server flags...]
With `--os-cloud NAME` among the flags it asks that cloud (clouds.yaml) instead of the demo cloud.

It talks MCP over stdio through the official Python SDK. Show tools get the ID of the first item
of their list tool (SOURCES says which). The exit status is 1 when any tool answers with an error,
so CI can use it as a check that every tool in tools/list works end to end.
"""
import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

WIDTH = 220
# Tools that need an argument taken from another tool's answer: the tool whose first item supplies
# it, and for each argument the field of that item (or "@name": the argument that tool was called with).
SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    **{name: ("get_instances", {"id": "id"}) for name in ("get_instance", "describe_instance")},
    **{name: ("get_instances", {"server": "id"}) for name in ("get_instance_actions", "get_instance_interfaces")},
    **{f"get_{kind}": (f"get_{kind}s", {"id": "id"}) for kind in (
        "flavor", "hypervisor", "network", "subnet", "port", "router", "floating_ip", "security_group",
        "volume", "image", "stack", "load_balancer", "snapshot", "backup", "secret", "baremetal_node", "zone")},
    "describe_stack": ("get_stacks", {"id": "id"}),
    "get_stack_resources": ("get_stacks", {"stack": "id"}),
    "get_stack_events": ("get_stacks", {"stack": "id"}),
    "get_stack_template": ("get_stacks", {"stack": "id"}),
    "get_volume_type": ("get_volume_types", {"type": "id"}),
    "get_pool_members": ("get_pools", {"pool": "id"}),
    "get_objects": ("get_containers", {"container": "name"}),
    "get_object": ("get_objects", {"container": "@container", "object": "name"}),
    **{name: ("get_instances", {"server": "id"}) for name in ("diagnose_instance", "diagnose_connectivity", "get_allocations")},
    "diagnose_volume": ("get_volumes", {"volume": "id"}),
    "get_group_members": ("get_groups", {"group": "id"}),
    "get_port_forwardings": ("get_floating_ips", {"floating_ip": "id"}),
    "diagnose_load_balancer": ("get_load_balancers", {"load_balancer": "id"}),
    "get_load_balancer_stats": ("get_load_balancers", {"load_balancer": "id"}),
    "get_l7_rules": ("get_l7_policies", {"l7policy": "id"}),
    "get_alarm_history": ("get_alarms", {"alarm": "id"}),
    "get_measures": ("get_metrics", {"metric": "id"}),
    "find_dns_records": ("get_zones", {"query": "name"}),
    **{f"get_resource_provider_{part}": ("get_resource_providers", {"provider": "uuid"}) for part in (
        "traits", "aggregates", "inventories", "usages")},
}
# Tools whose source must be asked with arguments of its own (a private flavor, not the first one).
SOURCE_CALLS: dict[str, tuple[str, dict, dict[str, str]]] = {
    "get_flavor_access": ("get_flavors", {"is_public": "false", "limit": 1}, {"flavor": "id"}),
    # A shared image: Glance keeps members for those only.
    "get_image_members": ("get_images", {"visibility": "shared", "limit": 1}, {"image": "id"}),
    # A running server: one never placed on a host has no console.
    "get_instance_console_log": ("get_instances", {"status": "ACTIVE", "limit": 1}, {"server": "id"}),
    # The demo's shares belong to the demo and alt projects, not the admin's.
    "get_share": ("get_shares", {"all_projects": True, "limit": 1}, {"id": "id"}),
}
# Required arguments that no other tool supplies: a fixed, valid value.
FIXED: dict[str, dict] = {
    "get_allocation_candidates": {"resources": "VCPU:1,MEMORY_MB:512"},
}


def depth(name: str) -> int:
    """How many tools must answer before this one can be called."""
    return 0 if name not in SOURCES else 1 + depth(SOURCES[name][0])


def call_order(tools: list) -> list:
    """Tools sorted so that each one comes after the tool that supplies its arguments."""
    return sorted(tools, key=lambda t: (depth(t.name), t.name))


def sample_arguments(name: str, properties: dict, seen: dict[str, tuple[dict, dict]]) -> dict | None:
    """The arguments to call `name` with; None when its source tool gave no first item.

    `seen` maps each tool already called to (its arguments, the first item of its answer)."""
    if name in SOURCES:
        source, wanted = SOURCES[name]
        if source not in seen:
            return None
        called_with, first = seen[source]
        picked = {arg: called_with.get(key[1:]) if key.startswith("@") else first.get(key)
                  for arg, key in wanted.items()}
        return picked if all(value is not None for value in picked.values()) else None
    arguments: dict = dict(FIXED.get(name, {}))
    if "limit" in properties:
        arguments["limit"] = 1
    if "all_projects" in properties:
        arguments["all_projects"] = True
    return arguments


async def source_call(session, name: str) -> dict | None:
    """The arguments for `name`, from its own call of its source tool (SOURCE_CALLS)."""
    source, source_arguments, wanted = SOURCE_CALLS[name]
    answer = await session.call_tool(source, source_arguments)
    items = (field(answer, "structured_content", "structuredContent") or {}).get("items") or []
    if not items:
        return None
    picked = {arg: items[0].get(key) for arg, key in wanted.items()}
    return picked if all(value is not None for value in picked.values()) else None


def remember(seen: dict, name: str, arguments: dict, structured: dict | None) -> None:
    """Keep the first item of a list answer, for the tools that take their arguments from it."""
    items = (structured or {}).get("items") or []
    if items and isinstance(items[0], dict):
        seen[name] = (arguments, items[0])


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
            seen: dict[str, tuple[dict, dict]] = {}
            for tool in call_order(tools):
                properties = field(tool, "input_schema", "inputSchema").get("properties", {})
                arguments = await source_call(session, tool.name) if tool.name in SOURCE_CALLS \
                    else sample_arguments(tool.name, properties, seen)
                if arguments is None:
                    source = (SOURCE_CALLS.get(tool.name) or SOURCES[tool.name])[0]
                    print(f"{tool.name}: skipped ({source} listed nothing to show)")
                    continue
                result = await session.call_tool(tool.name, arguments)
                data = field(result, "structured_content", "structuredContent") or {}
                if field(result, "is_error", "isError"):
                    failures += 1
                    print(f"{tool.name}: ERROR {result.content[0].text[:WIDTH]}")
                    continue
                remember(seen, tool.name, arguments, data)
                print(f"{tool.name}({json.dumps(arguments, separators=(',', ':'))}): {one_line(data)}")
            print(f"tool samples: {len(tools)} tools, {failures} error(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(run(sys.argv[1], sys.argv[2:])))
