"""Benchmark: latency, throughput and memory of openstack-mcp-server on the demo cloud.

Starts the built server with --demo (and --demo-servers N), then sends MCP tools/call requests
over one keep-alive HTTP connection (JSON answers) and prints numbers. Usage:

    swift build -c release
    python3 scripts/benchmark.py --binary .build/release/openstack-mcp-server --servers 2000 --calls 300
"""
import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import time


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def call(conn, ident, name, arguments):
    body = json.dumps({"jsonrpc": "2.0", "id": ident, "method": "tools/call",
                       "params": {"name": name, "arguments": arguments}})
    start = time.perf_counter()
    conn.request("POST", "/openstack", body, {"Content-Type": "application/json", "Accept": "application/json"})
    response = conn.getresponse()
    payload = response.read()
    elapsed = time.perf_counter() - start
    message = json.loads(payload)
    if response.status != 200 or message.get("result", {}).get("isError"):
        sys.exit(f"call failed: {response.status} {payload[:300]!r}")
    return elapsed, len(payload)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/openstack-mcp-server")
    parser.add_argument("--servers", type=int, default=2000)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--port", type=int, default=18777)
    args = parser.parse_args()

    server = subprocess.Popen(
        [args.binary, "--demo", "--demo-servers", str(args.servers), "--port", str(args.port), "--json-response",
         "--log-level", "warning"], stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            line = server.stderr.readline()
            if "listening on" in line:
                break
        else:
            sys.exit("server did not start")
        idle = rss_kib(server.pid)
        conn = http.client.HTTPConnection("127.0.0.1", args.port)
        cases = [
            ("get_instances limit=100 basic", "get_instances", {"all_projects": True, "limit": 100, "detail_level": "basic"}),
            ("get_instances limit=100 detailed", "get_instances", {"all_projects": True, "limit": 100}),
            ("get_instances filter limit=5", "get_instances", {"all_projects": True, "filter": "cache-01", "limit": 5}),
            ("get_networks detailed", "get_networks", {}),
        ]
        print(f"demo cloud: {args.servers} servers; {args.calls} sequential calls per case over one keep-alive connection")
        print(f"{'case':36} {'p50 ms':>8} {'p95 ms':>8} {'calls/s':>8} {'bytes':>8}")
        ident = 0
        for label, name, arguments in cases:
            for _ in range(5):  # warm-up: token, discovery, connection pool
                ident += 1
                call(conn, ident, name, arguments)
            samples = []
            size = 0
            started = time.perf_counter()
            for _ in range(args.calls):
                ident += 1
                elapsed, size = call(conn, ident, name, arguments)
                samples.append(elapsed * 1000)
            wall = time.perf_counter() - started
            samples.sort()
            p95 = samples[int(len(samples) * 0.95) - 1]
            print(f"{label:36} {statistics.median(samples):8.2f} {p95:8.2f} {args.calls / wall:8.0f} {size:8d}")
        print(f"server RSS: idle {idle / 1024:.1f} MiB, after {ident} calls {rss_kib(server.pid) / 1024:.1f} MiB "
              f"(includes the in-process demo cloud)")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
