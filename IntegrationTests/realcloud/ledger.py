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


def is_secret_key(key: str) -> bool:
    return key.lower() not in HARMLESS_KEYS and bool(SECRET_KEY.search(key))


class Unordered(list):
    """An expected list whose order does not matter."""


class Whole(dict):
    """An expected object that must have exactly these keys."""


class Ledger:
    def __init__(self) -> None:
        self.facts: collections.Counter[str] = collections.Counter()
        self.failures: list[str] = []
        self.notes: list[str] = []

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
                if is_secret_key(key) and value not in (None, "", MASK):
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
        self.check(tool, ours == truth, f"{where}: ours {_short(ours)} != cloud {_short(truth)}")


def _same(ours: Any, expected: Any) -> bool:
    if expected is None:
        return ours is None or ours == "" or ours == []
    return ours == expected


def _sorted(value: Any) -> list:
    if not isinstance(value, list):
        return [value]
    return sorted(json.dumps(item, sort_keys=True) for item in value)


def _short(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str)
    return text if len(text) < 200 else text[:200] + "…"
