"""Counts the facts compared per tool and keeps every disagreement, so one run reports them all."""
from __future__ import annotations

import collections
import json
import re
from typing import Any

# Keys whose values must never be shown (DESIGN §3: passwords, tokens, adminPass, secrets,
# connection_info auth fields). Harmless look-alikes are listed apart.
SECRET_KEY = re.compile(r"pass(word|wd)|adminpass|token|secret|private_key|auth_username|api_?key", re.I)
HARMLESS_KEYS = {"password_expires_at", "token_expires_at", "secret_type"}
MASK = "***"
# Fields that hold a secret whatever their name says, by the tool that shows them (the server's own
# inventory, ResourceDeclaration.secretFields): Glance's backend locations, Swift's TempURL and sync
# keys (as headers, and as the metadata keys the tools show), iSCSI discovery credentials.
_SWIFT_KEYS = {"temp-url-key", "temp-url-key-2", "x-account-meta-temp-url-key", "x-account-meta-temp-url-key-2",
               "x-container-meta-temp-url-key", "x-container-meta-temp-url-key-2", "x-container-sync-key", "sync-key"}
INVENTORY: dict[str, set[str]] = {
    **dict.fromkeys(("get_images", "get_image"), {"direct_url", "locations"}),
    **dict.fromkeys(("get_object_store_account", "get_containers", "get_objects", "get_object"), _SWIFT_KEYS),
    "get_volume_attachments": {"discovery_auth_password", "discovery_auth_username"},
}
# Nova's user data (base64, often a cloud-config with passwords): shown as a note of its size, never its content.
USER_DATA = re.compile(r"^(user_?data|.*:user_data)$", re.I)


def is_secret_key(key: str, tool: str | None = None) -> bool:
    lower = key.lower()
    return lower not in HARMLESS_KEYS and (bool(SECRET_KEY.search(key)) or lower in INVENTORY.get(tool or "", ()))


def mask_userinfo(value: Any) -> Any:
    """A string as the server must show it: the userinfo of every URL in it (`scheme://user:pw@host`)
    replaced by MASK (the server's value rule; the authority ends at / ? # quotes <>, backslash or space)."""
    if not isinstance(value, str) or "://" not in value:
        return value
    out, copied, index = [], 0, 0
    while index + 2 < len(value):
        if value[index:index + 3] != "://":
            index += 1
            continue
        start = end = index + 3
        at = None
        while end < len(value) and value[end] not in "/?#\"'<>\\" and ord(value[end]) > 0x20:
            if value[end] == "@":
                at = end
            end += 1
        if at is not None and at > start:
            out += [value[copied:start], MASK]
            copied = at
        index = end
    return value if not copied else "".join(out) + value[copied:]


class Unordered(list):
    """An expected list whose order does not matter."""


class Whole(dict):
    """An expected object that must have exactly these keys."""


class Ledger:
    def __init__(self) -> None:
        self.facts: collections.Counter[str] = collections.Counter()
        self.failures: list[str] = []
        self.notes: list[str] = []
        self.sections: dict[str, list[str]] = {}  # a check's own summary lines (e.g. canary secrets)

    def check(self, tool: str, ok: bool, message: str) -> bool:
        self.facts[tool] += 1
        if not ok:
            self.failures.append(f"[{tool}] {message}")
        return ok

    def fail(self, tool: str, message: str) -> None:
        self.check(tool, False, message)

    def note(self, message: str) -> None:
        self.notes.append(message)

    def match(self, tool: str, where: str, ours: Any, expected: Any) -> None:
        """Compares `ours` with `expected`; an expected dict is compared key by key (absent = null)."""
        if isinstance(expected, dict):
            if isinstance(expected, Whole) and isinstance(ours, dict) and set(ours) != set(expected):
                self.fail(tool, f"{where}: keys {sorted(ours)} != cloud {sorted(expected)}")
            if not isinstance(ours, dict):
                self.fail(tool, f"{where}: expected an object, got {_short(ours)}")
                return
            for key, value in expected.items():
                self.match(tool, f"{where}.{key}", ours.get(key), value)
            return
        if isinstance(expected, Unordered):
            self.check(tool, _sorted(ours) == _sorted(expected), f"{where}: ours {_short(ours)} != cloud {_short(expected)}")
            return
        self.check(tool, _same(ours, expected), f"{where}: ours {_short(ours)} != cloud {_short(expected)}")

    def full(self, tool: str, where: str, ours: Any, truth: Any, volatile: set[str] = frozenset()) -> None:
        """`full` must be the whole upstream object: every key, every value, secrets masked."""
        if isinstance(truth, dict) and isinstance(ours, dict):
            self.check(tool, set(ours) == set(truth),
                       f"{where}: keys differ: missing {sorted(set(truth) - set(ours))}, extra {sorted(set(ours) - set(truth))}")
            for key in truth.keys() & ours.keys():
                value = truth[key]
                if USER_DATA.match(key) and value not in (None, ""):
                    self.check(tool, isinstance(ours[key], str) and (ours[key] == MASK or str(value) not in ours[key]),
                               f"{where}.{key}: user data is shown: {_short(ours[key])}")
                elif is_secret_key(key, tool) and value not in (None, "", MASK):
                    self.check(tool, ours[key] == MASK, f"{where}.{key}: a secret is not redacted")
                elif key in volatile:
                    continue
                elif ours[key] == MASK and value != MASK:
                    self.fail(tool, f"{where}.{key}: redacted although it is not a secret")
                else:
                    self.full(tool, f"{where}.{key}", ours[key], value, volatile=set())
            return
        if isinstance(truth, list) and isinstance(ours, list) and len(truth) == len(ours):
            for index, (mine, theirs) in enumerate(zip(ours, truth)):
                self.full(tool, f"{where}[{index}]", mine, theirs)
            return
        self.check(tool, ours == mask_userinfo(truth), f"{where}: ours {_short(ours)} != cloud {_short(truth)}")


def _same(ours: Any, expected: Any) -> bool:
    if expected is None:
        return ours is None or ours == "" or ours == []
    return ours == mask_userinfo(expected)


def _sorted(value: Any) -> list:
    if not isinstance(value, list):
        return [value]
    return sorted(json.dumps(item, sort_keys=True) for item in value)


def _short(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str)
    return text if len(text) < 200 else text[:200] + "…"
