"""Token cost of the tool surface, per toolset, counted with o200k_base (bpe-openai, offline).

Usage: python scripts/token_budget.py BIN [--check] [--json]

For each toolset it starts `BIN --demo --transport stdio --toolsets NAME`, asks tools/list and
counts the tokens of the JSON of {name, description, inputSchema} of each tool (the part a model
reads on every turn). With --check it exits 1 when a budget is exceeded: `default` at most 25
tools and 4,000 tokens (what every client pays on every turn), every toolset under 40 tools
(Cursor's cut), and every tool of `all` a median of at most 200 tokens. Totals of `core` (the
core services' groups, issue 10's 12,000) and `all` are reported, not capped: issues 21 and 23
add the diagnosis tools and the reads operators reach for in the same services, all outside
`default`, so a client that does not ask for them pays nothing, and what each costs is held by
the median.
"""
import json
import statistics
import subprocess
import sys

from bpe_openai import get_encoding

TOOLSETS = [
    "default", "compute", "network", "storage", "image", "identity", "placement", "overview",
    "orchestration", "load-balancer", "object-store", "dns", "key-manager", "baremetal", "diagnose", "console",
    "shared-file-system", "metric", "alarming",
    "core", "all",
]
# `core` is not a toolset of the server: it is the issue-10 surface, the core six services' groups.
CORE = "compute,network,storage,image,identity,placement,overview"
BUDGETS = {"default": (25, 4000), "core": (None, None), "all": (None, None)}


def tools_of(binary: str, toolset: str) -> list[dict]:
    args = [binary, "--demo", "--transport", "stdio", "--log-level", "error"]
    if toolset:
        args += ["--toolsets", CORE if toolset == "core" else toolset]
    request = {"jsonrpc": "2.0", "id": 1, "method": "tools/list"}
    run = subprocess.run(args, input=json.dumps(request) + "\n", capture_output=True, text=True, timeout=60)
    for line in run.stdout.splitlines():
        message = json.loads(line)
        if message.get("id") == 1:
            if "error" in message:
                raise SystemExit(f"{toolset}: {message['error']}")
            return message["result"]["tools"]
    raise SystemExit(f"{toolset}: no tools/list answer; stderr: {run.stderr[-500:]}")


def main() -> int:
    binary = sys.argv[1]
    check = "--check" in sys.argv
    encoding = get_encoding("o200k_base")
    rows, problems = [], []
    for toolset in TOOLSETS:
        tools = tools_of(binary, toolset)
        costs = [
            len(encoding.encode(json.dumps(
                {"name": t["name"], "description": t.get("description", ""), "inputSchema": t["inputSchema"]})))
            for t in tools
        ]
        total = sum(costs)
        median = statistics.median(costs) if costs else 0
        rows.append((toolset, len(tools), total, median, max(costs) if costs else 0))
        most_tools, most_tokens = BUDGETS.get(toolset, (39, None))
        if most_tools is not None and len(tools) > most_tools:
            problems.append(f"{toolset}: {len(tools)} tools, budget {most_tools}")
        if most_tokens is not None and total > most_tokens:
            problems.append(f"{toolset}: {total} tokens, budget {most_tokens}")
        if toolset == "all" and median > 200:
            problems.append(f"all: median {median} tokens per tool, budget 200")
    print("| toolset | tools | tokens | median per tool | largest tool |")
    print("|---|---:|---:|---:|---:|")
    for name, count, total, median, largest in rows:
        print(f"| {name} | {count} | {total:,} | {median:g} | {largest} |")
    if "--json" in sys.argv:
        print(json.dumps({name: {"tools": count, "tokens": total} for name, count, total, _, _ in rows}))
    for problem in problems:
        print("over budget:", problem, file=sys.stderr)
    return 1 if check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
