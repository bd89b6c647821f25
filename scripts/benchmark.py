"""Benchmark: latency, throughput and memory of openstack-mcp-server against the demo cloud.

Starts the standalone demo cloud (its own process, so the server's memory is measured alone) and
the server pointed at it through OS_* variables, then sends MCP tools/call requests over
keep-alive HTTP connections (JSON answers) and prints numbers. Usage:

    swift build -c release
    python3 scripts/benchmark.py --servers 2000 --calls 300

Results and how they were taken are kept in BENCHMARKS.md.
"""
import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
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
        sys.exit(f"{name} failed: {response.status} {payload[:300]!r}")
    return elapsed, len(payload)


def wait_for(stream, pattern, seconds=120):
    deadline = time.time() + seconds
    lines = []
    while time.time() < deadline:
        line = stream.readline()
        if not line:
            break
        lines.append(line)
        if re.search(pattern, line):
            return lines
    sys.exit(f"did not see {pattern!r} in: {''.join(lines)[-2000:]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/openstack-mcp-server")
    parser.add_argument("--demo-binary", default=".build/release/openstack-demo-cloud")
    parser.add_argument("--servers", type=int, default=2000)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--clients", type=int, default=8, help="parallel clients of the concurrent case")
    parser.add_argument("--port", type=int, default=18777)
    args = parser.parse_args()

    cloud = subprocess.Popen([args.demo_binary, "--port", str(args.port + 1), "--servers", str(args.servers)],
                             stdout=subprocess.PIPE, text=True)
    server = None
    try:
        facts = wait_for(cloud.stdout, r"^export ")
        environment = dict(os.environ)
        for assignment in facts[-1].split()[1:]:
            key, _, value = assignment.partition("=")
            environment[key] = value
        server = subprocess.Popen(
            [args.binary, "--port", str(args.port), "--json-response", "--log-level", "warning"],
            stderr=subprocess.PIPE, text=True, env=environment)
        wait_for(server.stderr, "listening on", 60)
        idle = rss_kib(server.pid)
        conn = http.client.HTTPConnection("127.0.0.1", args.port)
        # A server with a volume attached, by name, for describe_instance.
        conn.request("POST", "/openstack", json.dumps({
            "jsonrpc": "2.0", "id": 1, "method": "tools/call",
            "params": {"name": "get_instances", "arguments": {"all_projects": True, "limit": 200}}}),
            {"Content-Type": "application/json", "Accept": "application/json"})
        servers = json.loads(conn.getresponse().read())["result"]["structuredContent"]["items"]
        target = next(server for server in servers if server.get("volumes_attached"))["name"]
        cases = [
            ("get_instances limit=100 basic", "get_instances", {"all_projects": True, "limit": 100, "detail_level": "basic"}),
            ("get_instances limit=100 detailed", "get_instances", {"all_projects": True, "limit": 100}),
            ("get_instances filter limit=5", "get_instances", {"all_projects": True, "filter": "cache-01", "limit": 5}),
            ("get_instances status=ERROR limit=20", "get_instances", {"all_projects": True, "status": "ERROR", "limit": 20}),
            ("get_networks detailed", "get_networks", {}),
            ("describe_instance (by name)", "describe_instance", {"id": target}),
            ("cloud_overview", "cloud_overview", {}),
        ]
        print(f"demo cloud: {args.servers} servers (separate process); {args.calls} sequential calls per case "
              f"over one keep-alive connection")
        print(f"{'case':38} {'p50 ms':>8} {'p95 ms':>8} {'calls/s':>8} {'bytes':>8}")
        ident = 1
        for label, name, arguments in cases:
            calls = args.calls if name != "cloud_overview" else max(10, args.calls // 10)
            for _ in range(5):  # warm-up: token, discovery, connection pool
                ident += 1
                call(conn, ident, name, arguments)
            samples = []
            size = 0
            started = time.perf_counter()
            for _ in range(calls):
                ident += 1
                elapsed, size = call(conn, ident, name, arguments)
                samples.append(elapsed * 1000)
            wall = time.perf_counter() - started
            samples.sort()
            p95 = samples[max(0, int(len(samples) * 0.95) - 1)]
            print(f"{label:38} {statistics.median(samples):8.2f} {p95:8.2f} {calls / wall:8.0f} {size:8d}")

        # Concurrent: several clients, each on its own keep-alive connection.
        label, name, arguments = cases[0]
        per_client = max(1, args.calls // args.clients)
        latencies = []
        lock = threading.Lock()

        def client(number):
            own = http.client.HTTPConnection("127.0.0.1", args.port)
            mine = []
            for index in range(per_client):
                elapsed, _ = call(own, 100_000 * (number + 1) + index, name, arguments)
                mine.append(elapsed * 1000)
            with lock:
                latencies.extend(mine)

        threads = [threading.Thread(target=client, args=(number,)) for number in range(args.clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        latencies.sort()
        print(f"{label + f' x{args.clients} clients':38} {statistics.median(latencies):8.2f} "
              f"{latencies[max(0, int(len(latencies) * 0.95) - 1)]:8.2f} {len(latencies) / wall:8.0f}")
        print(f"server RSS: idle {idle / 1024:.1f} MiB, after {ident + len(latencies)} calls "
              f"{rss_kib(server.pid) / 1024:.1f} MiB (the demo cloud runs in its own process)")
    finally:
        for process in (server, cloud):
            if process:
                process.terminate()
                process.wait(timeout=10)


if __name__ == "__main__":
    main()
