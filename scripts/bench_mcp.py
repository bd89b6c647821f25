#!/usr/bin/env python3
"""Benchmark of the MCP protocol layer of openstack-mcp-server (Python 3.11 standard library only).

Usage:

    python3 scripts/bench_mcp.py --bin .build/release/openstack-mcp-server \
        --demo-bin .build/release/openstack-demo-cloud [--messages 100000] [--stdio-messages N]

Useful options: --servers (size of the demo cloud, 200), --requests (timed requests per case, 300),
--warmup (20), --throughput-requests (2000), --timeout (seconds per case, 120), --rss-timeout
(seconds per memory case, 1800), --only a,b,c,d (run some parts only), --server-arg FLAG (repeatable,
given to every server started, e.g. --server-arg=--toolsets --server-arg=all for all 57 tools).

The demo cloud runs as its own process (`openstack-demo-cloud --port 0 --servers 200`) and every
server is started on a free port (`--port 0`) with the OS_* variables the demo cloud prints, so the
CPU time (utime+stime of /proc/PID/stat) and the RSS (VmRSS of /proc/PID/status) are the server's
alone. Each case starts a fresh server and kills it afterwards. Parts:

  a. `ping` versus `tools/list`: sequential requests on one keep-alive HTTP connection to a server
     started with --json-response; median, p95 and server CPU per request, and their ratios.
  b. a small `tools/call` (get_instances, limit 3) in four modes: default SSE, --json-response,
     --stateful (initialize, Mcp-Session-Id, notifications/initialized) and stdio; server CPU per
     call and p50.
  c. stdio throughput: 2,000 `tools/list` written to stdin by a writer thread while the answers are
     read; requests/s, or "timeout" with the count answered within --timeout.
  d. RSS growth over a seeded (random.Random(7)) mix of valid and invalid messages on each
     transport (HTTP JSON, HTTP SSE, HTTP --stateful, stdio), measured after the first 5,000
     messages (a quarter of them if fewer than 20,000) and at the end. HTTP: a few keep-alive
     connections in flight; a request without a complete HTTP answer within 10 s counts as
     unanswered (its connection is then closed) without holding up the others. stdio: a writer
     thread and a reader; after the writer is done, answers are read until 10 s of silence and
     compared with the number of messages that should get one (all but notifications and
     responses).

Output: the Markdown tables, then one line of JSON beginning with {"bench_mcp": with every number.
CPU times come in clock ticks (1/CLK_TCK s, 10 ms here), so per-request figures are averages over
the whole case. Latencies include the client (Python), which shares the machine with the server.
"""
import argparse
import collections
import http.client
import io
import json
import math
import os
import queue
import random
import re
import selectors
import socket
import statistics
import subprocess
import sys
import threading
import time

PROTOCOL = "2025-06-18"
CLOCK_TICK = os.sysconf("SC_CLK_TCK")
ACCEPT = "application/json, text/event-stream"
ANSWER_TIMEOUT = 10.0  # seconds after which an HTTP request is "unanswered"; stdio silence window
PROCESSES = []  # every process started, killed at the end


class CaseTimeout(Exception):
    pass


# --- processes ------------------------------------------------------------------------------------

def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        data = stat.read()
    fields = data[data.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICK  # utime, stime


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class LineDrain:
    """Reads a text stream in a thread: keeps the last lines and lets a caller wait for a pattern."""

    def __init__(self, stream):
        self.lines = collections.deque(maxlen=200)
        self.count = 0
        self.condition = threading.Condition()
        self.closed = False
        threading.Thread(target=self._run, args=(stream,), daemon=True).start()

    def _run(self, stream):
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            with self.condition:
                self.lines.append(line)
                self.count += 1
                self.condition.notify_all()
        with self.condition:
            self.closed = True
            self.condition.notify_all()

    def wait_for(self, pattern, seconds):
        deadline = time.monotonic() + seconds
        with self.condition:
            while True:
                for line in self.lines:
                    match = re.search(pattern, line)
                    if match:
                        return match
                left = deadline - time.monotonic()
                if self.closed or left <= 0:
                    raise RuntimeError(f"did not see {pattern!r}; last output: {list(self.lines)[-10:]}")
                self.condition.wait(left)

    def tail(self, count=5):
        with self.condition:
            return list(self.lines)[-count:]


def start(command, env=None, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL):
    process = subprocess.Popen(command, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env, bufsize=0)
    PROCESSES.append(process)
    process.log = LineDrain(process.stderr)
    return process


def stop(process):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def start_cloud(args):
    cloud = subprocess.Popen([args.demo_bin, "--port", "0", "--servers", str(args.servers)],
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=0)
    PROCESSES.append(cloud)
    cloud.log = LineDrain(cloud.stdout)
    exports = cloud.log.wait_for(r"^export (.*)$", 60).group(1)
    env = dict(os.environ)
    for assignment in exports.split():
        key, _, value = assignment.partition("=")
        env[key] = value
    return cloud, env


def start_http(args, env, *flags):
    server = start([args.bin, "--port", "0", "--log-level", "warning", *args.server_arg, *flags], env=env)
    match = server.log.wait_for(r"listening on http://([0-9.]+):(\d+)/openstack", 60)
    server.port = int(match.group(2))
    return server


class StdioServer:
    """A server on --transport stdio; a reader thread queues (time, line) for each line of stdout."""

    def __init__(self, args, env):
        self.process = start([args.bin, "--transport", "stdio", "--log-level", "warning", *args.server_arg], env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.lines = queue.Queue()
        self.write_lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        self.send({"jsonrpc": "2.0", "id": "init", "method": "initialize", "params": initialize_params()})
        self.wait_id("init", 60)
        self.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

    def _read(self):
        # The pipe is unbuffered (bufsize=0): readline on it would read one byte per system call,
        # which made the client, not the server, the bottleneck for 100 KB answers.
        stdout = io.BufferedReader(self.process.stdout, buffer_size=1 << 20)
        for line in iter(stdout.readline, b""):
            self.lines.put((time.monotonic(), line))
        self.lines.put((time.monotonic(), None))

    def write(self, data):
        with self.write_lock:
            self.process.stdin.write(data)
            self.process.stdin.flush()

    def send(self, message):
        self.write(json.dumps(message).encode() + b"\n")

    def wait_id(self, ident, seconds):
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise CaseTimeout(f"no stdio answer to id {ident!r} within {seconds} s")
            try:
                _, line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                raise RuntimeError(f"server closed stdout (exit {self.process.poll()}): {self.process.log.tail()}")
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if isinstance(message, dict) and message.get("id") == ident and not isinstance(message.get("id"), bool):
                return message


def initialize_params():
    return {"protocolVersion": PROTOCOL, "capabilities": {}, "clientInfo": {"name": "bench_mcp", "version": "1"}}


# --- HTTP, one keep-alive connection --------------------------------------------------------------

def decode_answer(payload, content_type):
    """The JSON-RPC messages of a body: one JSON value, or the data of SSE events."""
    if "text/event-stream" in (content_type or ""):
        messages = []
        for line in payload.decode().splitlines():
            if line.startswith("data:") and line[5:].strip():
                messages.append(json.loads(line[5:]))
        return messages
    return [json.loads(payload)] if payload else []


class HTTPClient:
    def __init__(self, port, stateful=False):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=ANSWER_TIMEOUT)
        self.headers = {"Content-Type": "application/json", "Accept": ACCEPT}
        self.ident = 0
        if stateful:
            status, headers, _ = self.post({"jsonrpc": "2.0", "id": 0, "method": "initialize",
                                            "params": initialize_params()})
            session = headers.get("mcp-session-id")
            if status != 200 or not session:
                raise RuntimeError(f"initialize: HTTP {status}, no Mcp-Session-Id")
            self.headers["Mcp-Session-Id"] = session
            self.headers["MCP-Protocol-Version"] = PROTOCOL
            status, _, _ = self.post({"jsonrpc": "2.0", "method": "notifications/initialized"})
            if status != 202:
                raise RuntimeError(f"notifications/initialized: HTTP {status}")

    def post(self, message):
        self.connection.request("POST", "/openstack", json.dumps(message), self.headers)
        response = self.connection.getresponse()
        payload = response.read()
        headers = {name.lower(): value for name, value in response.getheaders()}
        return response.status, headers, decode_answer(payload, headers.get("content-type"))

    def rpc(self, method, params=None):
        self.ident += 1
        message = {"jsonrpc": "2.0", "id": self.ident, "method": method}
        if params is not None:
            message["params"] = params
        status, _, answers = self.post(message)
        answer = next((a for a in answers if isinstance(a, dict) and a.get("id") == self.ident), None)
        if status != 200 or answer is None or "result" not in answer:
            raise RuntimeError(f"{method}: HTTP {status}, answer {str(answers)[:300]}")
        return answer

    def close(self):
        self.connection.close()


def check_tool_answer(answer):
    if answer.get("result", {}).get("isError"):
        raise RuntimeError(f"tool error: {str(answer)[:300]}")


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(len(ordered) * fraction) - 1)]


def timed(pid, one, requests, warmup, seconds):
    """Runs one() warmup + requests times; latencies in ms and server CPU ms per request."""
    deadline = time.monotonic() + seconds
    for _ in range(warmup):
        one()
    samples = []
    cpu_before = cpu_seconds(pid)
    started = time.perf_counter()
    for _ in range(requests):
        if time.monotonic() > deadline:
            raise CaseTimeout(f"timeout after {len(samples)} of {requests} requests")
        begin = time.perf_counter()
        one()
        samples.append((time.perf_counter() - begin) * 1000)
    wall = time.perf_counter() - started
    cpu = cpu_seconds(pid) - cpu_before
    return {"requests": requests, "p50_ms": statistics.median(samples), "p95_ms": percentile(samples, 0.95),
            "cpu_ms_per_request": cpu * 1000 / requests, "cpu_s": cpu, "requests_per_s": requests / wall}


# --- part a ---------------------------------------------------------------------------------------

def part_a(args, env):
    server = start_http(args, env, "--json-response")
    try:
        client = HTTPClient(server.port)
        size = len(json.dumps(client.rpc("tools/list")["result"]))
        ping = timed(server.pid, lambda: client.rpc("ping"), args.requests, args.warmup, args.timeout)
        tools = timed(server.pid, lambda: client.rpc("tools/list"), args.requests, args.warmup, args.timeout)
        tools["answer_bytes"] = size
        client.close()
        ratio = {key: (tools[key] / ping[key] if ping[key] else None)
                 for key in ("p50_ms", "p95_ms", "cpu_ms_per_request")}
        return {"ping": ping, "tools_list": tools, "ratio": ratio}
    finally:
        stop(server)


# --- part b ---------------------------------------------------------------------------------------

CALL_PARAMS = {"name": "get_instances", "arguments": {"limit": 3}}


def part_b_http(args, env, flags, stateful=False):
    server = start_http(args, env, *flags)
    try:
        client = HTTPClient(server.port, stateful=stateful)
        result = timed(server.pid, lambda: check_tool_answer(client.rpc("tools/call", CALL_PARAMS)),
                       args.requests, args.warmup, args.timeout)
        client.close()
        return result
    finally:
        stop(server)


def part_b_stdio(args, env):
    server = StdioServer(args, env)
    try:
        counter = iter(range(1, 10**9))

        def one():
            ident = next(counter)
            server.send({"jsonrpc": "2.0", "id": ident, "method": "tools/call", "params": CALL_PARAMS})
            check_tool_answer(server.wait_id(ident, ANSWER_TIMEOUT))

        return timed(server.process.pid, one, args.requests, args.warmup, args.timeout)
    finally:
        stop(server.process)


# --- part c ---------------------------------------------------------------------------------------

# An answer's head in either key order: {"id":7,"jsonrpc":"2.0","result": or {"jsonrpc":"2.0","id":7,"result":
ANSWER_HEAD = re.compile(rb'^\{(?:"jsonrpc":"2\.0",)?"id":(\d+),(?:"jsonrpc":"2\.0",)?"result":')


def part_c(args, env):
    server = StdioServer(args, env)
    try:
        count = args.throughput_requests
        data = b"".join(json.dumps({"jsonrpc": "2.0", "id": n, "method": "tools/list"}).encode() + b"\n"
                        for n in range(1, count + 1))

        written = threading.Event()

        def writer():
            try:
                for offset in range(0, len(data), 65536):
                    server.write(data[offset:offset + 65536])
            except (BrokenPipeError, ValueError, OSError):
                pass
            written.set()

        cpu_before = cpu_seconds(server.process.pid)
        started = time.perf_counter()
        threading.Thread(target=writer, daemon=True).start()
        deadline = time.monotonic() + args.timeout
        answered = set()
        lines = received = not_json = 0
        stalled = False
        last_line = started
        while len(answered) < count:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            try:
                _, line = server.lines.get(timeout=min(left, ANSWER_TIMEOUT))
            except queue.Empty:
                if written.is_set():  # 10 s without a line after the last request: nothing more comes
                    stalled = True
                    break
                continue
            if line is None:
                break
            lines += 1
            received += len(line)
            last_line = time.perf_counter()
            # Parsing 100 KB of JSON per answer in Python is slower than the server writes it, so
            # the id comes from the head of the line and every 16th line is parsed in full.
            head = ANSWER_HEAD.search(line[:256])
            if lines % 16 == 0 or head is None or not line.endswith(b"}\n"):
                try:
                    message = json.loads(line)
                except ValueError:
                    not_json += 1
                    continue
                ident = message.get("id") if isinstance(message, dict) else None
                if isinstance(ident, int) and not isinstance(ident, bool) and "result" in message:
                    answered.add(ident)
            else:
                answered.add(int(head.group(1)))
        wall = (last_line if stalled else time.perf_counter()) - started  # to the last line if it stalled
        cpu = cpu_seconds(server.process.pid) - cpu_before
        result = {"requests": count, "answered": len(answered), "seconds": wall, "lines": lines,
                  "bytes": received, "not_json_lines": not_json,
                  "requests_per_s": len(answered) / wall, "cpu_ms_per_request": cpu * 1000 / count}
        if len(answered) < count:
            result["timeout"] = not stalled and server.process.poll() is None
            result["stalled"] = stalled
            result["exited"] = server.process.poll()
        return result
    finally:
        stop(server.process)


# --- part d: the message mix ----------------------------------------------------------------------

KINDS = ["ping", "invalid_json", "json_array", "no_jsonrpc", "unknown_method", "notification", "id_true",
         "response"]
NO_ANSWER = {"notification", "response"}


def message_mix(count, seed=7):
    """(kind, body bytes) for count messages; tools/list about 1 in 20, the other kinds evenly."""
    rng = random.Random(seed)
    messages = []
    for index in range(count):
        kind = "tools_list" if rng.random() < 0.05 else rng.choice(KINDS)
        ident = 1000 + index
        body = {
            "ping": lambda: {"jsonrpc": "2.0", "id": ident, "method": "ping"},
            "tools_list": lambda: {"jsonrpc": "2.0", "id": ident, "method": "tools/list"},
            "invalid_json": lambda: None,
            "json_array": lambda: [{"jsonrpc": "2.0", "id": ident, "method": "ping"}],
            "no_jsonrpc": lambda: {"id": 59, "method": "ping"},
            "unknown_method": lambda: {"jsonrpc": "2.0", "id": ident, "method": "bench/no_such_method"},
            "notification": lambda: {"jsonrpc": "2.0", "method": "notifications/roots/list_changed"},
            "id_true": lambda: {"jsonrpc": "2.0", "id": True, "method": "ping"},
            "response": lambda: {"jsonrpc": "2.0", "id": ident, "result": {}},
        }[kind]()
        data = b'{"jsonrpc":"2.0","id":' + str(ident).encode() + b',"method":"pi' if body is None \
            else json.dumps(body, separators=(",", ":")).encode()
        messages.append((kind, ident, data))
    return messages


def baseline_count(total):
    return 5000 if total >= 20000 else max(1, total // 4)


# --- part d: HTTP ---------------------------------------------------------------------------------

class Pending:
    __slots__ = ("sock", "kind", "data", "sent", "buffer", "head", "status", "length", "chunked", "reused",
                 "close_after", "young")


class HTTPFlood:
    """Sends messages over keep-alive sockets, at most `inflight` young requests at a time. A request
    older than `park_after` (50 ms, or 5 times the median of the last answers if more) no longer
    counts against that limit, so a request that is never answered does not hold up the others; one
    older than ANSWER_TIMEOUT is unanswered (its socket is closed)."""

    def __init__(self, port, extra_headers, inflight=4, park_after=0.05, max_open=4000):
        self.port = port
        head = f"POST /openstack HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n" \
               f"Accept: {ACCEPT}\r\n"
        for name, value in extra_headers.items():
            head += f"{name}: {value}\r\n"
        self.head = head
        self.inflight = inflight
        self.park_after = park_after
        self.min_park_after = park_after
        self.latencies = collections.deque(maxlen=200)
        self.max_open = max_open
        self.selector = selectors.DefaultSelector()
        self.idle = []
        self.pending = {}  # socket -> Pending
        self.young = collections.deque()  # (sent, Pending)
        self.order = collections.deque()  # (sent, Pending), for the answer timeout
        self.young_count = 0
        self.stats = collections.Counter()
        self.by_kind = collections.defaultdict(collections.Counter)
        self.sent = 0

    def _connect(self):
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=ANSWER_TIMEOUT)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.stats["connections"] += 1
        return sock, False

    def _send(self, kind, data, retry=False):
        sock, reused = (self.idle.pop(), True) if self.idle else self._connect()
        request = (self.head + f"Content-Length: {len(data)}\r\n\r\n").encode() + data
        try:
            sock.sendall(request)
        except OSError:
            sock.close()
            sock, reused = self._connect()
            sock.sendall(request)
        entry = Pending()
        entry.sock, entry.kind, entry.data, entry.sent = sock, kind, data, time.monotonic()
        entry.buffer, entry.head, entry.status, entry.length, entry.chunked = bytearray(), False, None, None, False
        entry.reused, entry.close_after, entry.young = reused, False, True
        self.pending[sock] = entry
        self.selector.register(sock, selectors.EVENT_READ, entry)
        self.young.append((entry.sent, entry))
        self.order.append((entry.sent, entry))
        self.young_count += 1
        if not retry:
            self.sent += 1

    def _finish(self, entry, outcome, keep):
        self.selector.unregister(entry.sock)
        del self.pending[entry.sock]
        self._unyoung(entry)
        self.stats[outcome] += 1
        self.by_kind[entry.kind][outcome] += 1
        if keep:
            self.idle.append(entry.sock)
        else:
            entry.sock.close()
        entry.sock = None

    def _complete(self, entry):
        """True once entry.buffer holds a whole response."""
        buffer = entry.buffer
        if not entry.head:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                return False
            lines = bytes(buffer[:end]).decode("latin-1").split("\r\n")
            entry.status = int(lines[0].split()[1])
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            entry.head = True
            entry.chunked = "chunked" in headers.get("transfer-encoding", "").lower()
            entry.length = int(headers["content-length"]) if "content-length" in headers else None
            entry.close_after = headers.get("connection", "").lower() == "close"
            del buffer[:end + 4]
        if entry.chunked:
            while True:
                line_end = buffer.find(b"\r\n")
                if line_end < 0:
                    return False
                size = int(bytes(buffer[:line_end]).split(b";")[0], 16)
                if size == 0:
                    if buffer.find(b"\r\n", line_end + 2) == line_end + 2 or buffer.find(b"\r\n\r\n", line_end) >= 0:
                        return True
                    return False
                if len(buffer) < line_end + 2 + size + 2:
                    return False
                del buffer[:line_end + 2 + size + 2]
        if entry.length is not None:
            return len(buffer) >= entry.length
        return entry.status in (204, 304) or (100 <= entry.status < 200)

    def _unyoung(self, entry):
        if entry.young:
            entry.young = False
            self.young_count -= 1

    def _age(self, now):
        while self.young and (not self.young[0][1].young or now - self.young[0][0] >= self.park_after):
            self._unyoung(self.young.popleft()[1])
        while self.order and (self.order[0][1].sock is None or now - self.order[0][0] >= ANSWER_TIMEOUT):
            _, entry = self.order.popleft()
            if entry.sock is not None:
                self._finish(entry, "unanswered_after_headers" if entry.head else "unanswered", keep=False)

    def run(self, messages, deadline):
        """Sends every message and waits until each is answered or unanswered. False on deadline."""
        index = 0
        while index < len(messages) or self.pending:
            now = time.monotonic()
            if now > deadline:
                return False
            self._age(now)
            while index < len(messages) and self.young_count < self.inflight and len(self.pending) < self.max_open:
                kind, _, data = messages[index]
                self._send(kind, data)
                index += 1
            for key, _ in self.selector.select(0.05):
                entry = key.data
                try:
                    chunk = entry.sock.recv(262144)
                except OSError:
                    chunk = b""
                if not chunk:
                    if not entry.head and not entry.buffer and entry.reused:
                        # A keep-alive socket the server had closed: send the message again.
                        kind, data = entry.kind, entry.data
                        self.selector.unregister(entry.sock)
                        del self.pending[entry.sock]
                        self._unyoung(entry)
                        entry.sock.close()
                        entry.sock = None
                        self.stats["resent"] += 1
                        self._send(kind, data, retry=True)
                    else:
                        self._finish(entry, "closed_without_answer", keep=False)
                    continue
                entry.buffer += chunk
                if self._complete(entry):
                    self.latencies.append(time.monotonic() - entry.sent)
                    if len(self.latencies) % 50 == 0:  # park later when every answer is slow
                        self.park_after = max(self.min_park_after, 5 * statistics.median(self.latencies))
                    self._finish(entry, f"http_{entry.status}", keep=not entry.close_after)
        return True

    def close(self):
        for sock in list(self.pending) + self.idle:
            try:
                sock.close()
            except OSError:
                pass
        self.pending.clear()
        self.idle.clear()


def rss_case_http(args, env, flags, stateful, total):
    server = start_http(args, env, *flags)
    flood = None
    try:
        extra = {}
        if stateful:
            client = HTTPClient(server.port, stateful=True)
            extra = {"Mcp-Session-Id": client.headers["Mcp-Session-Id"], "MCP-Protocol-Version": PROTOCOL}
            client.close()
        messages = message_mix(total)
        first = baseline_count(total)
        result = {"messages": total, "baseline_after": first, "rss_idle_mib": rss_mib(server.pid)}
        cpu_before = cpu_seconds(server.pid)
        started = time.monotonic()
        deadline = started + args.rss_timeout
        flood = HTTPFlood(server.port, extra, inflight=args.connections)
        finished = flood.run(messages[:first], deadline)
        result["rss_baseline_mib"] = rss_mib(server.pid)
        if finished:
            finished = flood.run(messages[first:], deadline)
        result["rss_end_mib"] = rss_mib(server.pid)
        result["growth_mib"] = result["rss_end_mib"] - result["rss_baseline_mib"]
        result["seconds"] = time.monotonic() - started
        result["cpu_s"] = cpu_seconds(server.pid) - cpu_before
        result["sent"] = flood.sent
        result["timeout"] = not finished
        stats = flood.stats
        result["unanswered"] = stats["unanswered"] + stats["unanswered_after_headers"] + stats["closed_without_answer"]
        if not finished:
            result["unanswered"] += len(flood.pending) + (total - flood.sent)
        result["outcomes"] = dict(stats)
        result["by_kind"] = {kind: dict(counter) for kind, counter in sorted(flood.by_kind.items())}
        result["server_alive"] = server.poll() is None
        return result
    finally:
        if flood:
            flood.close()
        stop(server)


# --- part d: stdio --------------------------------------------------------------------------------

def rss_case_stdio(args, env, total):
    server = StdioServer(args, env)
    try:
        messages = message_mix(total)
        first = baseline_count(total)
        kind_of = {ident: kind for kind, ident, _ in messages}
        expected_first = sum(1 for kind, _, _ in messages[:first] if kind not in NO_ANSWER)
        expected = sum(1 for kind, _, _ in messages if kind not in NO_ANSWER)
        result = {"messages": total, "baseline_after": first, "rss_idle_mib": rss_mib(server.process.pid),
                  "should_answer": expected}
        phase_two = threading.Event()
        written = [0]

        def writer():
            try:
                for number, part in enumerate((messages[:first], messages[first:])):
                    if number == 1:
                        phase_two.wait()
                    for offset in range(0, len(part), 200):
                        server.write(b"".join(data + b"\n" for _, _, data in part[offset:offset + 200]))
                        written[0] += len(part[offset:offset + 200])
            except (BrokenPipeError, ValueError, OSError):
                pass

        answers = collections.Counter()
        by_kind = collections.defaultdict(collections.Counter)
        last = [time.monotonic()]
        received = [0]
        target = [first]  # messages the writer must have written before silence counts
        samples = []

        def drain(until_count, silence, deadline):
            """Reads answers until `until_count` (then 1 s of quiet) or `silence` s without a line."""
            while True:
                now = time.monotonic()
                if now > deadline:
                    return False
                quiet = now - last[0]
                if received[0] >= until_count and quiet >= 1.0 and written[0] >= target[0]:
                    return True
                if quiet >= silence and written[0] >= target[0]:
                    return True
                try:
                    stamp, line = server.lines.get(timeout=0.2)
                except queue.Empty:
                    continue
                if line is None:
                    return True
                last[0] = stamp
                received[0] += 1
                try:
                    message = json.loads(line)
                except ValueError:
                    answers["not_json"] += 1
                    if len(samples) < 3:
                        samples.append(f"{len(line)} bytes: {line[:80]!r} ... {line[-60:]!r}")
                    continue
                if isinstance(message, list):
                    answers["batch"] += 1
                    by_kind["json_array"]["batch"] += 1
                    continue
                if not isinstance(message, dict):
                    answers["not_an_object"] += 1
                    continue
                shape = "error" if "error" in message else "result" if "result" in message else "other"
                answers[shape] += 1
                ident = message.get("id")
                if isinstance(ident, bool):
                    kind = "id_true"
                elif ident == 59:
                    kind = "no_jsonrpc"
                elif ident is None:
                    kind = "id_null"
                else:
                    kind = kind_of.get(ident, "other_id") if isinstance(ident, int) else "other_id"
                by_kind[kind][shape] += 1

        cpu_before = cpu_seconds(server.process.pid)
        started = time.monotonic()
        deadline = started + args.rss_timeout
        threading.Thread(target=writer, daemon=True).start()
        finished = drain(expected_first, ANSWER_TIMEOUT, deadline)
        result["rss_baseline_mib"] = rss_mib(server.process.pid)
        target[0] = total
        phase_two.set()
        if finished:
            last[0] = time.monotonic()
            finished = drain(expected + 10**9, ANSWER_TIMEOUT, deadline)  # always to 10 s of silence
        result["rss_end_mib"] = rss_mib(server.process.pid)
        result["growth_mib"] = result["rss_end_mib"] - result["rss_baseline_mib"]
        result["seconds"] = time.monotonic() - started
        result["cpu_s"] = cpu_seconds(server.process.pid) - cpu_before
        result["written"] = written[0]
        result["answers"] = received[0]
        result["unanswered"] = max(0, expected - received[0])
        result["timeout"] = not finished
        result["answer_shapes"] = dict(answers)
        result["not_json_samples"] = samples
        result["by_kind"] = {kind: dict(counter) for kind, counter in sorted(by_kind.items())}
        result["server_alive"] = server.process.poll() is None
        return result
    finally:
        stop(server.process)


# --- output ---------------------------------------------------------------------------------------

def fmt(value, digits=2):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def run_case(results, key, function, *arguments):
    print(f"# running {key} ...", file=sys.stderr, flush=True)
    began = time.monotonic()
    try:
        results[key] = function(*arguments)
    except CaseTimeout as error:
        results[key] = {"timeout": True, "error": str(error)}
    except Exception as error:  # noqa: BLE001 - a failed case is reported, the others still run
        results[key] = {"error": f"{type(error).__name__}: {error}"}
    print(f"# {key}: {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)


def latency_row(label, transport, result, notes=""):
    if "p50_ms" not in result:
        reason = "timeout" if result.get("timeout") else "error"
        return f"| {label} | {transport} | | | | | {reason}: {result.get('error', '')} |"
    return (f"| {label} | {transport} | {result['requests']} | {fmt(result['p50_ms'])} | {fmt(result['p95_ms'])} "
            f"| {fmt(result['cpu_ms_per_request'], 3)} | {notes} |")


def print_tables(args, results):
    print("| case | transport | requests | p50 ms | p95 ms | server CPU ms/req | notes |")
    print("|---|---|---:|---:|---:|---:|---|")
    a = results.get("a")
    if a:
        if "ping" in a:
            print(latency_row("a. ping", "HTTP --json-response, 1 keep-alive conn", a["ping"]))
            print(latency_row("a. tools/list", "HTTP --json-response, 1 keep-alive conn", a["tools_list"],
                              f"result {fmt(a['tools_list']['answer_bytes'])} bytes"))
            r = a["ratio"]
            print(f"| a. ratio tools/list ÷ ping | | | {fmt(r['p50_ms'])}× | {fmt(r['p95_ms'])}× "
                  f"| {fmt(r['cpu_ms_per_request'])}× | |")
        else:
            print(latency_row("a. ping / tools/list", "HTTP --json-response", a))
    for key, transport in (("b_sse", "HTTP SSE (default)"), ("b_json", "HTTP --json-response"),
                           ("b_stateful", "HTTP --stateful"), ("b_stdio", "stdio")):
        if key in results:
            print(latency_row("b. tools/call get_instances limit=3", transport, results[key]))
    c = results.get("c")
    if c:
        if "answered" in c:
            rate = f"{fmt(c['requests_per_s'], 1)} req/s"
            if c["answered"] < c["requests"]:
                state = ("timeout" if c.get("timeout") else "no more output for 10 s" if c.get("stalled")
                         else f"server exited ({c.get('exited')})")
                rate = (f"{state}: {c['answered']:,} of {c['requests']:,} answered in {c['seconds']:.0f} s "
                        f"({fmt(c['requests_per_s'], 1)} req/s)")
            if c.get("not_json_lines"):
                rate += f"; {c['not_json_lines']:,} of {c['lines']:,} lines read were not JSON"
            print(f"| c. tools/list pipelined | stdio | {c['requests']:,} | | "
                  f"| {fmt(c['cpu_ms_per_request'], 3)} | {rate} |")
        else:
            print(f"| c. tools/list pipelined | stdio | | | | | error: {c.get('error')} |")
    rss_keys = [(k, t) for k, t in (("d_http_json", "HTTP --json-response"), ("d_http_sse", "HTTP SSE"),
                                    ("d_http_stateful", "HTTP --stateful"), ("d_stdio", "stdio")) if k in results]
    if rss_keys:
        print()
        print("| d. mixed messages | messages | RSS idle MiB | RSS after first N MiB | RSS at end MiB "
              "| growth MiB | server CPU s | unanswered | notes |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
        for key, transport in rss_keys:
            d = results[key]
            if "rss_end_mib" not in d:
                print(f"| {transport} | | | | | | | | error: {d.get('error')} |")
                continue
            notes = []
            if d.get("timeout"):
                notes.append(f"TIMEOUT after {d['seconds']:.0f} s")
            if not d.get("server_alive", True):
                notes.append("server died")
            if key == "d_stdio":
                notes.append(f"{d['answers']:,} answers for {d['should_answer']:,} that should get one")
                shapes = d["answer_shapes"]
                if shapes.get("not_json"):
                    notes.append(f"{shapes['not_json']:,} lines not JSON")
                if d["by_kind"].get("other_id"):
                    notes.append(f"{sum(d['by_kind']['other_id'].values()):,} answers with an id never sent")
                silent = [k for k in KINDS + ["tools_list"] if k not in NO_ANSWER and k not in d["by_kind"]
                          and not (k in ("invalid_json", "json_array") and "id_null" in d["by_kind"])]
                if silent:
                    notes.append("no answer seen for: " + ", ".join(silent))
            else:
                lost = {kind: sum(v for o, v in c.items() if not o.startswith("http_"))
                        for kind, c in d["by_kind"].items()}
                lost = {kind: n for kind, n in lost.items() if n}
                if lost:
                    notes.append("unanswered by kind: " + ", ".join(f"{k} {n:,}" for k, n in sorted(lost.items())))
            notes.append(f"{d['seconds']:.0f} s")
            if d["messages"] != args.messages:
                notes.append(f"smaller N ({d['messages']:,}) by --stdio-messages")
            print(f"| {transport} | {d['messages']:,} | {fmt(d['rss_idle_mib'], 1)} "
                  f"| {fmt(d['rss_baseline_mib'], 1)} (N={d['baseline_after']:,}) | {fmt(d['rss_end_mib'], 1)} "
                  f"| {fmt(d['growth_mib'], 1)} | {fmt(d['cpu_s'], 2)} | {d['unanswered']:,} | {'; '.join(notes)} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="openstack-mcp-server binary")
    parser.add_argument("--demo-bin", required=True, help="openstack-demo-cloud binary")
    parser.add_argument("--servers", type=int, default=200, help="servers of the demo cloud")
    parser.add_argument("--requests", type=int, default=300, help="timed requests per case of a and b")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--throughput-requests", type=int, default=2000, help="tools/list requests of c")
    parser.add_argument("--messages", type=int, default=100_000, help="messages per transport in d")
    parser.add_argument("--stdio-messages", type=int, help="messages of the stdio case of d (default --messages)")
    parser.add_argument("--connections", type=int, default=4, help="HTTP requests in flight in d")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per case of a, b and c")
    parser.add_argument("--rss-timeout", type=float, default=1800, help="seconds per case of d")
    parser.add_argument("--only", default="a,b,c,d", help="parts to run, e.g. a,b")
    parser.add_argument("--server-arg", action="append", default=[],
                        help="extra server flag, repeatable; --server-arg=--toolsets --server-arg=all lists all 57 tools")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    stdio_messages = args.stdio_messages or args.messages

    results = {}
    cloud = None
    try:
        load = os.getloadavg()
        cloud, env = start_cloud(args)
        print("command: " + " ".join(sys.argv))
        print(f"bench_mcp: {args.bin}; demo cloud {args.servers} servers (own process); "
              f"{os.cpu_count()} CPUs, load average {load[0]:.2f} at start; "
              f"{args.requests} timed requests after {args.warmup} warm-up per case of a and b")
        if "a" in parts:
            run_case(results, "a", part_a, args, env)
        if "b" in parts:
            run_case(results, "b_sse", part_b_http, args, env, [])
            run_case(results, "b_json", part_b_http, args, env, ["--json-response"])
            run_case(results, "b_stateful", part_b_http, args, env, ["--stateful"], True)
            run_case(results, "b_stdio", part_b_stdio, args, env)
        if "c" in parts:
            run_case(results, "c", part_c, args, env)
        if "d" in parts:
            run_case(results, "d_http_json", rss_case_http, args, env, ["--json-response"], False, args.messages)
            run_case(results, "d_http_sse", rss_case_http, args, env, [], False, args.messages)
            run_case(results, "d_http_stateful", rss_case_http, args, env, ["--stateful"], True, args.messages)
            run_case(results, "d_stdio", rss_case_stdio, args, env, stdio_messages)
        print()
        print_tables(args, results)
        print()
        print(json.dumps({"bench_mcp": {"bin": args.bin, "servers": args.servers, "requests": args.requests,
                                        "warmup": args.warmup, "messages": args.messages,
                                        "stdio_messages": stdio_messages, "load_at_start": load[0],
                                        "clock_tick": CLOCK_TICK}, "results": results}))
    finally:
        for process in reversed(PROCESSES):
            try:
                stop(process)
            except Exception:  # noqa: BLE001
                process.kill()


if __name__ == "__main__":
    main()
