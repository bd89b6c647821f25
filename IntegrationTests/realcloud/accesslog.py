"""The services' own access logs, where the suite can read them (a cloud on this machine).

While one account's server runs, the only requests that may change anything are Keystone's
token POSTs and the suite's own revocation of the server's token. uwsgi and gunicorn access
lines carry no client identity, so the check reads the time window of each run; a write by
another user of a shared cloud in that window is reported with its line.
"""
from __future__ import annotations

import calendar
import glob
import os
import re
import time

from .ledger import Ledger
from .proxy import is_auth_post

CHECK = "read-only (service logs)"
# uwsgi:    [pid: 1|app: 0|req: 5/9] 127.0.0.1 () {34 vars in 512 bytes} [Wed Nov 25 14:01:02 2026] GET /v3 => ...
UWSGI = re.compile(r"\] \S+ \(\S*\) \{[^}]*\} \[(?P<when>\w{3} \w{3} +\d+ [\d:]{8} \d{4})\] (?P<method>[A-Z]+) (?P<path>\S+) =>")
# gunicorn: 127.0.0.1 - - [25/Nov/2026:14:01:02 +0000] "GET /v2/images HTTP/1.1" 200 ...
CONSOLE_ACTION = re.compile(r"/servers/[^/]+/action$")
# The recipe's telemetry-feeder (seed_telemetry.py feed) plays Ceilometer: it posts a point a
# minute to Gnocchi, on this route only. Our server's own requests are checked at the proxy.
MEASURES_FEED = "/v1/batch/resources/metrics/measures"
GUNICORN = re.compile(r'\[(?P<when>\d+/\w{3}/\d{4}:[\d:]{8}) [+-]\d{4}\] "(?P<method>[A-Z]+) (?P<path>\S+) HTTP')


class AccessLogs:
    def __init__(self, files: list[str]):
        self.files = files

    @classmethod
    def find(cls, pattern: str) -> "AccessLogs | None":
        files = sorted(p for p in glob.glob(pattern) if os.path.isfile(p)) if pattern else []
        return cls(files) if files else None

    def lines(self, since: float, until: float):
        for path in self.files:
            with open(path, encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    found = UWSGI.search(line) or GUNICORN.search(line)
                    if not found:
                        continue
                    when = _parse(found.group("when"))
                    if when is not None and since - 1 <= when <= until + 1:
                        yield path, found.group("method"), found.group("path"), line.strip()

    def check(self, ledger: Ledger, since: float, account) -> None:
        until = time.time()
        seen = {"GET": 0, "token POST": 0, "console action": 0, "revocation": 0, "measures feed": 0}
        for path, method, url, line in self.lines(since, until):
            route = url.split("?")[0].rstrip("/")
            if method in ("GET", "HEAD"):
                seen["GET"] += 1
            elif is_auth_post(method, route):
                seen["token POST"] += 1
            elif method == "POST" and CONSOLE_ACTION.search(route):
                # Only os-getConsoleOutput passes the proxy (proxy.is_console_action checks the body).
                seen["console action"] += 1
            elif method == "POST" and route == MEASURES_FEED:
                seen["measures feed"] += 1
            elif method == "DELETE" and route.endswith("/auth/tokens") and account.is_admin and not seen["revocation"]:
                seen["revocation"] += 1  # the suite's own `token revoke` of the server's token
            else:
                ledger.fail(CHECK, f"{account.label}: a {method} reached a service: {path}: {line[:240]}")
        ledger.check(CHECK, seen["GET"] > 0, f"{account.label}: no GET found in {self.files} for this run's window")
        ledger.note(f"{account.label}: service logs in the run's window: {seen}")


def _parse(text: str) -> float | None:
    for fmt in ("%a %b %d %H:%M:%S %Y", "%d/%b/%Y:%H:%M:%S"):
        try:
            parsed = time.strptime(re.sub(r" +", " ", text), fmt)
        except ValueError:
            continue
        # uwsgi writes local time, gunicorn the offset it prints; this machine and CI run in UTC.
        return calendar.timegm(parsed) if time.timezone == 0 else time.mktime(parsed)
    return None
