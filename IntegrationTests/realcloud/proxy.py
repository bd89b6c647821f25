"""A recording reverse proxy between our server and the real cloud.

The server is given the proxy's address as its auth URL. The proxy forwards each request to
the real service unchanged and rewrites the service origins in answers (the token's catalog,
`*_links`, `Location`) to its own listeners, one per origin, so every later request of the
server also passes through it. That gives, on any cloud:
- the exact list of requests the server sent (method, path, microversion header), so the
  read-only rule and token reuse are proven without access to the services' logs;
- the tokens Keystone issued to the server, so one can be revoked to prove recovery.
A request that is neither a GET, a HEAD, a token POST (Keystone's /auth/tokens, or its
federation login .../OS-FEDERATION/identity_providers/IDP/protocols/PROTOCOL/auth) nor Nova's
console-output action (exactly `{"os-getConsoleOutput": {"length": N}}` on `/servers/{id}/action`)
is refused here (and recorded), so a faulty server can never write to the cloud under test. Each
record keeps the X-Auth-Token the request carried and the request IDs of the answer, so that a tool
call's log line (which names its request IDs) can be traced to the token it read with.
"""
from __future__ import annotations

import dataclasses
import http.client
import json
import re
import ssl
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

_FEDERATION_LOGIN = re.compile(r"/OS-FEDERATION/identity_providers/[^/]+/protocols/[^/]+/auth$")


def is_auth_post(method: str, path: str) -> bool:
    """A token request: password, token or application-credential login, or a federation login."""
    route = urllib.parse.urlsplit(path).path.rstrip("/")
    return method == "POST" and (route.endswith("/auth/tokens") or bool(_FEDERATION_LOGIN.search(route)))


_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade",
        "host", "accept-encoding", "content-length"}


@dataclasses.dataclass
class Record:
    method: str
    origin: str
    path: str
    status: int
    microversion: str | None
    at: float
    refused: bool = False
    token: str | None = None                 # the X-Auth-Token sent
    request_ids: tuple[str, ...] = ()        # the answer's x-openstack-request-id, x-compute-request-id...
    # A POST let through as Nova's console-output action (its body checked by is_console_action).
    console_action: bool = False

    @property
    def is_token_post(self) -> bool:
        return is_auth_post(self.method, self.path)


def is_console_action(method: str, path: str, body: bytes | None) -> bool:
    """POST /servers/{id}/action whose body is exactly {"os-getConsoleOutput": {"length": <int>}}."""
    parts = urllib.parse.urlsplit(path)
    segments = parts.path.rstrip("/").split("/")
    if method != "POST" or parts.query or len(segments) < 3 or segments[-3:][0] != "servers" or segments[-1] != "action" or not segments[-2]:
        return False
    try:
        document = json.loads(body or b"", object_pairs_hook=lambda pairs: dict(pairs) if len({k for k, _ in pairs}) == len(pairs) else None)
    except ValueError:
        return False
    action = document.get("os-getConsoleOutput") if isinstance(document, dict) and len(document) == 1 else None
    return isinstance(action, dict) and list(action) == ["length"] and type(action["length"]) is int


class RecordingProxy:
    def __init__(self, auth_url: str, ssl_context: ssl.SSLContext | None = None):
        self.auth_url = auth_url
        self.ssl_context = ssl_context
        self.records: list[Record] = []
        self.tokens: list[str] = []
        self._lock = threading.Lock()
        self._routes: dict[str, tuple[str, ThreadingHTTPServer]] = {}  # real origin -> (proxy origin, server)

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> str:
        """Starts the Keystone listener and returns the auth URL to give the server."""
        parts = urllib.parse.urlsplit(self.auth_url)
        proxied = self._listen(f"{parts.scheme}://{parts.netloc}")
        return proxied + parts.path

    def stop(self) -> None:
        for _, server in self._routes.values():
            server.shutdown()
            server.server_close()

    def _listen(self, real: str) -> str:
        with self._lock:
            if real in self._routes:
                return self._routes[real][0]
            proxy = self

            class Handler(_Handler):
                upstream = real
                owner = proxy

            server = _QuietServer(("127.0.0.1", 0), Handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            mine = f"http://127.0.0.1:{server.server_address[1]}"
            self._routes[real] = (mine, server)
            return mine

    # -- rewriting ------------------------------------------------------------------------

    def to_proxy(self, text: str) -> str:
        for real, (mine, _) in list(self._routes.items()):
            text = text.replace(real, mine)
        return text

    def to_real(self, text: str) -> str:
        """Maps proxy origins in our server's output back to the cloud's own URLs."""
        for real, (mine, _) in list(self._routes.items()):
            text = text.replace(mine, real)
        return text

    def learn_catalog(self, body: bytes) -> None:
        try:
            catalog = json.loads(body).get("token", {}).get("catalog") or []
        except ValueError:
            return
        for entry in catalog:
            for endpoint in entry.get("endpoints", []):
                parts = urllib.parse.urlsplit(endpoint.get("url", ""))
                if parts.scheme in ("http", "https") and parts.netloc:
                    self._listen(f"{parts.scheme}://{parts.netloc}")

    # -- what was seen --------------------------------------------------------------------

    def mark(self) -> int:
        with self._lock:
            return len(self.records)

    def since(self, mark: int) -> list[Record]:
        with self._lock:
            return list(self.records[mark:])

    def record(self, item: Record) -> None:
        with self._lock:
            self.records.append(item)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that hangs up early (the server's pool closing idle connections) is normal


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    upstream = ""
    owner: RecordingProxy

    def log_message(self, *args):  # the suite reports what matters itself
        pass

    def do_GET(self):
        self._forward()

    def do_POST(self):
        self._forward()

    def do_PUT(self):
        self._forward()

    def do_PATCH(self):
        self._forward()

    def do_DELETE(self):
        self._forward()

    def do_HEAD(self):
        self._forward()

    def _forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        microversion = self.headers.get("OpenStack-API-Version") or self.headers.get("X-OpenStack-Nova-API-Version")
        started = time.time()
        is_token_post = is_auth_post(self.command, self.path)
        sent_token = self.headers.get("X-Auth-Token")
        console = is_console_action(self.command, self.path, body)
        if self.command not in ("GET", "HEAD") and not is_token_post and not console:
            self.owner.record(Record(self.command, self.upstream, self.path, 405, microversion, started, refused=True))
            self._reply(405, [("Content-Type", "application/json")], b'{"error": "refused by the test proxy: not a GET or HEAD"}')
            return
        parts = urllib.parse.urlsplit(self.upstream)
        if parts.scheme == "https":
            conn = http.client.HTTPSConnection(parts.netloc, timeout=180, context=self.owner.ssl_context)
        else:
            conn = http.client.HTTPConnection(parts.netloc, timeout=180)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        try:
            conn.request(self.command, self.path, body=body, headers=headers)
            answer = conn.getresponse()
            data = answer.read()
        except OSError as error:
            self.owner.record(Record(self.command, self.upstream, self.path, 502, microversion, started))
            self._reply(502, [("Content-Type", "text/plain")], f"test proxy: upstream failed: {error}".encode())
            return
        finally:
            conn.close()
        if is_token_post and answer.status in (200, 201):
            token = answer.getheader("X-Subject-Token")
            if token:
                with self.owner._lock:
                    self.owner.tokens.append(token)
            self.owner.learn_catalog(data)
        request_ids = tuple(v for k, v in answer.getheaders() if k.lower().endswith("request-id"))
        self.owner.record(Record(self.command, self.upstream, self.path, answer.status, microversion, started,
                                 token=sent_token, request_ids=request_ids, console_action=console))
        data = self.owner.to_proxy(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
        out = [(k, self.owner.to_proxy(v)) for k, v in answer.getheaders() if k.lower() not in _HOP | {"content-encoding", "date", "server"}]
        if self.command == "HEAD":
            # A HEAD answer's length is the object's, which Swift's metadata tools read.
            out += [(k, v) for k, v in answer.getheaders() if k.lower() == "content-length"]
        self._reply(answer.status, out, data)

    def _reply(self, status: int, headers: list[tuple[str, str]], data: bytes):
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        if self.command != "HEAD" or not any(k.lower() == "content-length" for k, _ in headers):
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
