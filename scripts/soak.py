#!/usr/bin/env python3
"""Load and soak benchmark: many MCP clients against the built server and its demo cloud.

Two phases, each against a fresh server (`--demo`, `--json-response`):
  stateless  N concurrent clients (2026-07-28 requests, no session), each calling tools in a loop
  stateful   N `--stateful` sessions (initialize, then calls with Mcp-Session-Id)
and, at the end of the stateful phase, a graceful shutdown under load: SIGTERM while every client
is calling; the server must stop accepting, finish the calls in flight and exit 0.

It prints calls/s, p50/p99 latency, errors, the server's RSS every --sample seconds, its open file
descriptors idle, under load and at the end, memory per session, and the shutdown outcome. The
exit status is 1 when a check fails: any error, RSS growth after warm-up over 10%, descriptors
not back to the idle count, or an unclean shutdown.

  python3 scripts/soak.py                       # 10 minutes per phase (BENCHMARKS.md)
  python3 scripts/soak.py --duration 60         # the CI variant
Only the standard library is used: the clients are asyncio streams speaking HTTP/1.1 keep-alive.
"""
import argparse
import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CALLS = [
    ("get_instances", {"limit": 10, "all_projects": True}),
    ("get_flavors", {"limit": 5}),
    ("get_networks", {"limit": 5}),
    ("get_volumes", {"limit": 5, "all_projects": True}),
    ("get_images", {"limit": 5}),
    ("get_compute_services", {}),
]
MODERN_META = {"io.modelcontextprotocol/protocolVersion": "2026-07-28",
               "io.modelcontextprotocol/clientCapabilities": {},
               "io.modelcontextprotocol/clientInfo": {"name": "soak", "version": "1"}}


def binary():
    for folder in (".build/release", ".build/debug"):
        path = os.path.join(ROOT, folder, "openstack-mcp-server")
        if os.access(path, os.X_OK):
            return path
    sys.exit("soak: build the server first (swift build -c release)")


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def fds(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def percentile(values, fraction):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Server:
    def __init__(self, extra, servers):
        self.log = open(os.path.join(ROOT, ".build", f"soak-server-{os.getpid()}.log"), "w+")
        self.process = subprocess.Popen(
            [binary(), "--demo", "--demo-servers", str(servers), "--port", "0", "--json-response",
             "--log-level", "warning", *extra], stderr=self.log, stdout=subprocess.DEVNULL)
        deadline = time.time() + 120
        while time.time() < deadline:
            self.log.seek(0)
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)/openstack", self.log.read())
            if found:
                self.port = int(found.group(1))
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.log.seek(0)
        sys.exit("soak: the server did not start:\n" + self.log.read()[-2000:])

    @property
    def pid(self):
        return self.process.pid


class Client:
    """One keep-alive HTTP/1.1 connection that POSTs JSON-RPC and reads Content-Length bodies."""

    def __init__(self, port):
        self.port = port
        self.reader = self.writer = None
        self.session = None

    async def post(self, message, headers=()):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        body = json.dumps(message).encode()
        lines = [f"POST /openstack HTTP/1.1", f"Host: 127.0.0.1:{self.port}", "Content-Type: application/json",
                 "Accept: application/json, text/event-stream", f"Content-Length: {len(body)}"]
        if self.session:
            lines.append(f"Mcp-Session-Id: {self.session}")
        lines += [f"{name}: {value}" for name, value in headers]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
        payload = await self.reader.readexactly(length) if length else b""
        found = re.search(rb"(?i)mcp-session-id: *([^\r\n]+)", head)
        if found:
            self.session = found.group(1).decode()
        return status, payload

    def close(self):
        if self.writer:
            self.writer.close()
            self.writer = None


class Stats:
    def __init__(self):
        self.latencies = []
        self.errors = []
        self.calls = 0

    def error(self, text):
        if len(self.errors) < 20:
            self.errors.append(text)
        self.calls += 0


async def call_loop(client, index, stop, stats, modern, started_before):
    step = index
    while not stop.is_set():
        name, arguments = CALLS[step % len(CALLS)]
        step += 1
        params = {"name": name, "arguments": arguments}
        headers = ()
        if modern:
            params["_meta"] = MODERN_META
            headers = (("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/call"), ("Mcp-Name", name))
        begun = time.monotonic()
        try:
            status, payload = await client.post({"jsonrpc": "2.0", "id": step, "method": "tools/call", "params": params},
                                                headers)
        except (OSError, asyncio.IncompleteReadError) as error:
            client.close()
            if started_before(begun):
                stats.error(f"{name}: {type(error).__name__} {error}")
                stats.errors_count = getattr(stats, "errors_count", 0) + 1
            else:  # sent after SIGTERM: refusing it is what a stopping server does
                stats.refused = getattr(stats, "refused", 0) + 1
            return
        stats.latencies.append(time.monotonic() - begun)
        stats.calls += 1
        answer = json.loads(payload) if payload else {}
        if status != 200 or "error" in answer or answer.get("result", {}).get("isError"):
            stats.error(f"{name}: HTTP {status} {payload[:200]!r}")
            stats.errors_count = getattr(stats, "errors_count", 0) + 1


async def phase(name, args, stateful):
    extra = ["--stateful", "--max-sessions", str(args.clients + 50)] if stateful else []
    server = Server(extra, args.servers)
    report = {"phase": name, "clients": args.clients, "duration_s": args.duration}
    warm = Client(server.port)
    for tool, arguments in CALLS:  # discovery and the token, before the idle readings
        await warm.post({"jsonrpc": "2.0", "id": 1, "method": "tools/call",
                         "params": {"name": tool, "arguments": arguments, "_meta": MODERN_META}},
                        (("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/call"), ("Mcp-Name", tool)))
    warm.close()
    await asyncio.sleep(1)
    report["fds_idle"] = fds(server.pid)
    report["rss_idle_mib"] = round(rss_mib(server.pid), 1)
    clients = [Client(server.port) for _ in range(args.clients)]
    if stateful:
        init = {"jsonrpc": "2.0", "id": 0, "method": "initialize",
                "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "soak", "version": "1"}}}
        for client in clients:
            status, _ = await client.post(init)
            assert status == 200 and client.session, f"initialize: HTTP {status}"
            await client.post({"jsonrpc": "2.0", "method": "notifications/initialized"})
        await asyncio.sleep(1)
        opened = rss_mib(server.pid)
        report["rss_with_sessions_mib"] = round(opened, 1)
        report["kib_per_session"] = round((opened - report["rss_idle_mib"]) * 1024 / args.clients, 1)
    print(f"== {name}: {args.clients} {'sessions' if stateful else 'stateless clients'}, {args.duration} s, "
          f"server pid {server.pid}, idle RSS {report['rss_idle_mib']} MiB, {report['fds_idle']} fds", flush=True)
    if stateful:
        print(f"   {args.clients} sessions open: RSS {report['rss_with_sessions_mib']} MiB "
              f"= {report['kib_per_session']} KiB per session", flush=True)

    stats = Stats()
    stop = asyncio.Event()
    sigterm_at = [None]
    started_before = lambda begun: sigterm_at[0] is None or begun < sigterm_at[0]
    tasks = [asyncio.create_task(call_loop(c, i, stop, stats, not stateful, started_before)) for i, c in enumerate(clients)]
    begin = time.monotonic()
    samples = []
    last_calls = 0
    fds_load = 0
    while time.monotonic() - begin < args.duration:
        await asyncio.sleep(min(args.sample, args.duration - (time.monotonic() - begin)))
        elapsed = time.monotonic() - begin
        rss = rss_mib(server.pid)
        fds_load = max(fds_load, fds(server.pid))
        samples.append((round(elapsed), round(rss, 1)))
        rate = (stats.calls - last_calls) / args.sample
        last_calls = stats.calls
        print(f"   t={elapsed:5.0f}s  RSS {rss:6.1f} MiB  calls {stats.calls:7d}  ({rate:6.1f}/s)  "
              f"errors {getattr(stats, 'errors_count', 0)}  fds {fds(server.pid)}", flush=True)
    duration = time.monotonic() - begin
    report.update(calls=stats.calls, calls_per_s=round(stats.calls / duration, 1),
                  p50_ms=round(percentile(stats.latencies, 0.5) * 1000, 1),
                  p99_ms=round(percentile(stats.latencies, 0.99) * 1000, 1),
                  errors=getattr(stats, "errors_count", 0), error_samples=stats.errors[:5], rss_samples=samples,
                  fds_under_load=fds_load)
    warmup = max(args.sample, min(60, args.duration // 5))
    after = [rss for at, rss in samples if at >= warmup]
    baseline = after[0] if after else samples[-1][1]
    report["rss_after_warmup_mib"] = baseline
    report["rss_growth_pct"] = round((max(after or [baseline]) - baseline) / baseline * 100, 1)

    if stateful:
        # Graceful shutdown under load: SIGTERM while every client is calling.
        sigterm_at[0] = time.monotonic()
        calls_before = stats.calls
        in_flight = len(clients)  # every client has a call out at any moment
        server.process.send_signal(signal.SIGTERM)
        status = "killed after 30 s"
        while time.monotonic() - sigterm_at[0] < 30:  # the clients keep running meanwhile
            if server.process.poll() is not None:
                status = server.process.returncode
                break
            await asyncio.sleep(0.05)
        else:
            server.process.kill()
        exited = time.monotonic() - sigterm_at[0]
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
        report["errors"] = getattr(stats, "errors_count", 0)
        report["shutdown"] = {"exit_status": status, "seconds": round(exited, 2), "in_flight_at_sigterm": in_flight,
                              "answered_after_sigterm": stats.calls - calls_before,
                              "refused_after_sigterm": getattr(stats, "refused", 0)}
        print(f"   SIGTERM under load: exit {status} after {exited:.2f} s; of {in_flight} calls in flight, "
              f"{report['errors']} failed; {report['shutdown']['answered_after_sigterm']} answered after SIGTERM, "
              f"{report['shutdown']['refused_after_sigterm']} sent after it refused", flush=True)
    else:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)
    for client in clients:
        client.close()
    if not stateful:
        # The clients' connections close at once; the pooled connections to the cloud after the
        # pool's 60 s idle timeout. Wait for both, up to 75 s.
        quiet = time.monotonic()
        while fds(server.pid) > report["fds_idle"] + 2 and time.monotonic() - quiet < 75:
            await asyncio.sleep(1)
        report["fds_end"] = fds(server.pid)
        report["fds_back_after_s"] = round(time.monotonic() - quiet)
        server.process.send_signal(signal.SIGTERM)
        server.process.wait(timeout=30)
    else:
        report["fds_end"] = "n/a (server stopped)"
    print(f"   {report['calls']} calls = {report['calls_per_s']}/s; p50 {report['p50_ms']} ms, p99 {report['p99_ms']} ms; "
          f"errors {report['errors']}; RSS after warm-up {baseline} MiB, growth {report['rss_growth_pct']}%; "
          f"fds idle {report['fds_idle']}, under load {fds_load}, at end {report['fds_end']}"
          + (f" ({report['fds_back_after_s']} s after the load)" if not stateful else ""), flush=True)
    for sample in stats.errors[:5]:
        print(f"   error: {sample}", flush=True)
    return report


def check(report, stateful):
    problems = []
    if report["errors"]:
        problems.append(f"{report['errors']} errors")
    if report["rss_growth_pct"] > 10:
        problems.append(f"RSS grew {report['rss_growth_pct']}% after warm-up")
    if not stateful and report["fds_end"] > report["fds_idle"] + 2:
        problems.append(f"fds {report['fds_end']} at the end, {report['fds_idle']} idle")
    if stateful and report["shutdown"]["exit_status"] != 0:
        problems.append(f"shutdown: exit {report['shutdown']['exit_status']}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=600, help="seconds per phase")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--servers", type=int, default=500, help="servers in the demo cloud")
    parser.add_argument("--sample", type=int, default=30, help="seconds between RSS readings")
    parser.add_argument("--phase", choices=["stateless", "stateful", "both"], default="both")
    args = parser.parse_args()
    reports, problems = [], []
    for name, stateful in (("stateless", False), ("stateful", True)):
        if args.phase in (name, "both"):
            report = asyncio.run(phase(name, args, stateful))
            reports.append(report)
            problems += [f"{name}: {p}" for p in check(report, stateful)]
    os.makedirs(os.path.join(ROOT, ".build"), exist_ok=True)
    with open(os.path.join(ROOT, ".build", "soak-report.json"), "w") as out:
        json.dump(reports, out, indent=2)
    if problems:
        print("soak: FAILED: " + "; ".join(problems))
        sys.exit(1)
    print("soak: passed (report in .build/soak-report.json)")


if __name__ == "__main__":
    main()
