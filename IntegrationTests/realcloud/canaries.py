"""Canary secrets: strings planted in the cloud wherever a service stores a secret must never show.

The recipe (scripts/real-openstack, seed.py and seed_extras.py) plants them: Swift TempURL keys
(account and container) and a container sync key, a server's user_data, a Heat hidden parameter,
URLs with userinfo in Glance, Nova, Cinder and Swift metadata, and a Keystone EC2 secret. Each
starts with `osmcpcanary-` (lowercase letters, digits and hyphens), so one pattern finds them all.

The check, per account, starts its own server (`--toolsets all --log-level debug`, once with
`--log-format text` and once with `json`) and, through the recording proxy (so it stays
read-only), in one MCP protocol era per server (2026-07-28 with the text log, legacy with the json
log; IT_CANARY_SWEEPS changes the pairs):
- calls every tool the server offers, at every detail level, with the arguments the suite derives
  (the declarations' variants and every call the comparisons made, cursor and limit dropped) and,
  for the tools that take an ID, every item of their list tool (at most CANARY_SHOWS);
- reads every resource, every resource template filled with every cloud and every ID of its kind,
  and gets every prompt with every cloud and server;
- then reads the server's log, line by line.
The comparisons' own answers and logs (legacy era, text log) are scanned too. A canary counts when
it appears plainly, percent-encoded (any character as %XX, also %25XX), or base64 (standard or
URL alphabet) at any alignment inside a longer string, also inside percent-decoded text and one
level of base64 within base64. Every place is one failure; the summary gives the counts.
"""
from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import os
import re
import time
import urllib.parse
from typing import Any, Iterable

from .checks import Run, Variant
from .cloud import Account
from .ledger import Ledger
from .proxy import RecordingProxy
from .server import ServerProcess

CHECK = "canary secrets"
PREFIX = "osmcpcanary-"
# The recipe's canaries (keep in step with CANARIES in scripts/real-openstack/seed.py). Any other
# string with the prefix is found too; these are the ones whose three base64 alignments are searched
# for by name, and whose presence in the cloud is confirmed before the sweep.
KNOWN = {
    "osmcpcanary-account-tempurl-1": "Swift account X-Account-Meta-Temp-URL-Key (admin and demo accounts)",
    "osmcpcanary-account-tempurl-2": "Swift account X-Account-Meta-Temp-URL-Key-2 (admin and demo accounts)",
    "osmcpcanary-container-tempurl": "Swift X-Container-Meta-Temp-URL-Key on backups (admin) and assets (demo)",
    "osmcpcanary-container-synckey": "Swift X-Container-Sync-Key on backups (admin) and assets (demo)",
    "osmcpcanary-userdata-password": "Nova user_data of canary-vm (base64 in the API, admin at >= 2.3)",
    "osmcpcanary-heat-hidden": "Heat hidden parameter db_password of canary-stack (admin) and demo-canary (demo)",
    "osmcpcanary-url-userinfo": "URL userinfo: Glance canary-image source_url, Nova canary-vm and Cinder canary-vol "
                                "metadata source_url, Swift backups/web/mirror.txt X-Object-Meta-Mirror-Url",
    "osmcpcanary-keystone-ec2-secret": "Keystone EC2 credential blob of admin",
    "osmcpcanary-cinder-chap-password": "Cinder attachment connection_info auth_password (canary-vol on canary-vm; "
                                        "the recipe's fake driver gives CHAP credentials)",
}
for extra in filter(None, os.environ.get("IT_CANARIES", "").split(",")):
    KNOWN.setdefault(extra.strip(), "IT_CANARIES")

CANARY = re.compile(r"osmcpcanary-[a-z0-9-]*[a-z0-9]")
B64_STD = re.compile(r"[A-Za-z0-9+/]{12,}={0,2}")
B64_URL = re.compile(r"[A-Za-z0-9_-]{12,}={0,2}")
JSON_ESCAPE = re.compile(r"\\u00([0-7][0-9a-fA-F])|\\/")

SHOWS = int(os.environ.get("CANARY_SHOWS", "40"))   # items shown per show tool and level
MAX_PAGES = 10
SWEEPS = [tuple(pair.split(":", 1)) for pair in os.environ.get(
    "IT_CANARY_SWEEPS", "text:2026-07-28,json:legacy").split(",") if ":" in pair]

# Tools that take an argument from another tool's items: (list tool, {argument: item key or "@argument"}).
SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    **{name: ("get_instances", {"id": "id"}) for name in ("get_instance", "describe_instance")},
    **{name: ("get_instances", {"server": "id"}) for name in ("get_instance_actions", "get_instance_interfaces")},
    **{f"get_{kind}": (f"get_{kind}s", {"id": "id"}) for kind in (
        "flavor", "hypervisor", "network", "subnet", "port", "router", "floating_ip", "security_group",
        "volume", "image", "stack", "load_balancer")},
    "describe_stack": ("get_stacks", {"id": "id"}),
    "get_stack_resources": ("get_stacks", {"stack": "id"}),
    "get_stack_events": ("get_stacks", {"stack": "id"}),
    "get_pool_members": ("get_pools", {"pool": "id"}),
    "get_group_members": ("get_groups", {"group": "id"}),
    "get_objects": ("get_containers", {"container": "name"}),
    "get_object": ("get_objects", {"container": "@container", "object": "name"}),
}
# Resource template kinds ({cloud}/<kind>/{id}) and the list tool whose IDs fill them.
TEMPLATE_SOURCES = {"server": "get_instances"}
PROMPT_SOURCES = {"server": "get_instances", "stack": "get_stacks", "id": "get_instances"}


# -- finding canaries in text -------------------------------------------------------------------

def b64_needles(secret: str) -> list[str]:
    """The part of base64(k filler bytes + secret) that does not depend on the neighbours, k = 0, 1, 2.

    For k > 0 the first group mixes filler and secret and is dropped; a last partial group (or one
    with padding) depends on what follows and is dropped too. Both alphabets."""
    needles = []
    raw = secret.encode()
    for k in range(3):
        encoded = base64.b64encode(b"\0" * k + raw).decode()
        start = 4 if k else 0
        whole = (k + len(raw)) // 3 * 4
        core = encoded[start:whole]
        if len(core) >= 8:
            needles += [core, core.replace("+", "-").replace("/", "_")]
    return list(dict.fromkeys(needles))


NEEDLES: dict[str, str] = {}          # needle -> the secret it stands for (PREFIX: any canary)
for _secret in [PREFIX, *KNOWN]:
    for _needle in b64_needles(_secret):
        NEEDLES.setdefault(_needle, _secret)


def _percent_pattern() -> re.Pattern:
    """The prefix with any of its characters as %XX (or %25XX, encoded twice), then the rest likewise."""
    def char(c: str) -> str:
        code = "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in f"{ord(c):02x}")
        return f"(?:{re.escape(c)}|%(?:25)*{code})"
    tail = "(?:[a-z0-9-]|%(?:25)*(?:2[dD]|3[0-9]|6[1-9a-fA-F]|7[0-9aA]))*"
    return re.compile("".join(char(c) for c in PREFIX) + tail)


PERCENT = _percent_pattern()


@dataclasses.dataclass(frozen=True)
class Hit:
    canary: str
    encoding: str   # plain | percent-encoded | base64 | base64url | base64 (after percent-decoding) | base64 of base64


def _unescape_json(text: str) -> str:
    return JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)) if m.group(1) else "/", text)


def _decode_runs(text: str, pattern: re.Pattern, altchars: bytes | None) -> Iterable[str]:
    """Every base64-looking run, decoded at each of the four alignments (as Latin-1 text)."""
    for match in pattern.finditer(text):
        run = match.group().rstrip("=")
        for offset in range(4):
            part = run[offset:]
            if len(part) % 4 == 1:  # a lone last character decodes to nothing
                part = part[:-1]
            if len(part) < 8:
                continue
            part += "=" * (-len(part) % 4)
            try:
                yield base64.b64decode(part, altchars=altchars).decode("latin-1")
            except (binascii.Error, ValueError):
                continue


# base64 of base64: the needles of each needle (the inner text's own alignments, then the outer's).
NESTED = {outer for inner in NEEDLES for outer in b64_needles(inner)}


def _canaries_in_base64(text: str, nested: bool) -> set[tuple[str, str]]:
    """Canaries in the base64 runs of `text`; decoded only where a needle shows one is there."""
    needles = [n for n in NEEDLES if n in text]
    deeper = nested and any(n in text for n in NESTED)
    found: set[tuple[str, str]] = set()
    if not needles and not deeper:
        return found
    for pattern, altchars, label in ((B64_STD, None, "base64"), (B64_URL, b"-_", "base64url")):
        known = {c for c, _ in found}  # the URL alphabet only for what the standard one did not decode
        for decoded in _decode_runs(text, pattern, altchars):
            for match in CANARY.finditer(decoded):
                if match.group() not in known:
                    found.add((match.group(), label))
            if deeper:
                found |= {(c, f"{label} of {inner}") for c, inner in _canaries_in_base64(decoded, nested=False)}
    # A needle with no decodable run around it (cut short, split by escapes): still a hit.
    named = {c for c, _ in found}
    for needle in needles:
        secret = NEEDLES[needle]
        if secret == PREFIX and not named:
            found.add((PREFIX + "...", "base64 fragment"))
        elif secret != PREFIX and secret not in named:
            found.add((secret, "base64 fragment"))
    return found


def find_canaries(text: str) -> set[Hit]:
    """Every canary in `text`, with how it was encoded."""
    if not text:
        return set()
    hits: set[Hit] = set()
    for match in CANARY.finditer(text):
        hits.add(Hit(match.group(), "plain"))
    for match in PERCENT.finditer(text):
        if "%" in match.group():
            decoded = match.group()
            while "%" in decoded:
                again = urllib.parse.unquote(decoded)
                if again == decoded:
                    break
                decoded = again
            canary = CANARY.match(decoded)
            hits.add(Hit(canary.group() if canary else decoded, "percent-encoded"))
    plain = _unescape_json(text)
    hits |= {Hit(c, how) for c, how in _canaries_in_base64(plain, nested=True)}
    if "%" in plain:
        unquoted = urllib.parse.unquote(urllib.parse.unquote(plain))
        if unquoted != plain:
            seen = {(h.canary, h.encoding) for h in hits}
            for c, how in _canaries_in_base64(unquoted, nested=False):
                if (c, how) not in seen:
                    hits.add(Hit(c, f"{how} (after percent-decoding)"))
    return hits


def self_test() -> None:
    """The encodings the check must see, each inside unrelated text."""
    secret = "osmcpcanary-userdata-password"
    for k in range(3):
        for filler in (b"#cloud-config\npassword: ", b"x" * k, b"ab" + b"y" * k):
            blob = base64.b64encode(filler + secret.encode() + b"\nmore\n").decode()
            assert Hit(secret, "base64") in find_canaries(f'{{"user_data": "{blob}"}}'), (k, filler)
            url = base64.urlsafe_b64encode(filler + secret.encode()).decode()
            assert {h.canary for h in find_canaries(f"token={url}&x=1") if h.encoding.startswith("base64")} == {secret}
            escaped = json.dumps({"u": blob}).replace("/", "\\/")
            assert any(h.canary == secret for h in find_canaries(escaped)), escaped
    assert Hit("osmcpcanary-url-userinfo", "percent-encoded") in find_canaries(
        "u=https%3A%2F%2Fbuilder%3A%6Fsmcpcanary%2Durl-userinfo%40images")
    assert Hit("osmcpcanary-url-userinfo", "percent-encoded") in find_canaries(
        "".join(f"%{b:02X}" for b in b"osmcpcanary-url-userinfo") + "%40x")
    assert Hit("osmcpcanary-heat-hidden", "plain") in find_canaries('{"db_password": "osmcpcanary-heat-hidden"}')
    double = base64.b64encode(base64.b64encode(b"pw: osmcpcanary-heat-hidden")).decode()
    assert any(h.canary == "osmcpcanary-heat-hidden" for h in find_canaries(double)), double
    quoted = urllib.parse.quote(base64.b64encode(b"??>" + b"osmcpcanary-container-synckey").decode(), safe="")
    assert any(h.canary == "osmcpcanary-container-synckey" for h in find_canaries(quoted)), quoted
    for clean in ("******", "osmcpcanary", "b3NtY3BjYW5hcnk=", json.dumps({"id": "8f2e" * 8, "x": "QUJD" * 20})):
        assert not find_canaries(clean), (clean, find_canaries(clean))


# -- the places -----------------------------------------------------------------------------------

@dataclasses.dataclass
class Findings:
    """Every place a canary showed, and what was looked at."""
    places: dict[str, set[Hit]] = dataclasses.field(default_factory=dict)
    kinds: dict[str, str] = dataclasses.field(default_factory=dict)   # place -> tool NAME | resource | prompt | log
    counts: dict[str, int] = dataclasses.field(default_factory=lambda: {
        "tool calls": 0, "tool errors": 0, "resource reads": 0, "prompt gets": 0, "log lines": 0, "suite answers": 0})
    planted: dict[str, list[str]] = dataclasses.field(default_factory=dict)  # canary -> accounts that hold it
    seconds: dict[str, float] = dataclasses.field(default_factory=dict)
    notes: list[str] = dataclasses.field(default_factory=list)
    per_tool: dict[str, int] = dataclasses.field(default_factory=dict)
    errors: dict[str, list] = dataclasses.field(default_factory=dict)   # tool -> [count, first error text]

    def error(self, tool: str, text: str) -> None:
        self.counts["tool errors"] += 1
        entry = self.errors.setdefault(tool, [0, " ".join(text.split())[:160]])
        entry[0] += 1

    def scan(self, place: str, text: str, kind: str) -> None:
        hits = find_canaries(text)
        if hits:
            self.places.setdefault(place, set()).update(hits)
            self.kinds[place] = kind


def _short(arguments: dict) -> str:
    return json.dumps(arguments, sort_keys=True, separators=(",", ":"))


def _dump(result: Any) -> str:
    """An MCP result as the text to search: every content block, structuredContent, and the whole dump."""
    parts = []
    for block in getattr(result, "content", None) or getattr(result, "contents", None) or []:
        parts += [str(getattr(block, name)) for name in ("text", "blob") if getattr(block, name, None)]
        inner = getattr(block, "resource", None)
        if inner is not None:
            parts += [str(getattr(inner, name)) for name in ("text", "blob") if getattr(inner, name, None)]
    for message in getattr(result, "messages", None) or []:
        parts.append(_dump_content(message.content))
    structured = getattr(result, "structured_content", None)
    if structured is not None:
        parts.append(json.dumps(structured))
    try:
        parts.append(result.model_dump_json(by_alias=True))
    except Exception:  # noqa: BLE001
        parts.append(repr(result))
    return "\n".join(parts)


def _dump_content(content: Any) -> str:
    inner = getattr(content, "resource", None)
    return "\n".join(str(getattr(x, n)) for x in (content, inner) if x is not None
                     for n in ("text", "blob") if getattr(x, n, None))


# -- arguments ------------------------------------------------------------------------------------

_VOLATILE_ARGS = {"cursor", "detail_level"}


def _normalize(tool: Any, arguments: dict) -> dict:
    properties = (tool.input_schema or {}).get("properties", {})
    args = {k: v for k, v in arguments.items() if k not in _VOLATILE_ARGS and k in properties}
    if "limit" in properties:
        args["limit"] = 1000
    return args


def declared_arguments(run: Run) -> dict[str, list[dict]]:
    """The arguments the comparisons derive from the cloud (ListCheck variants), per tool."""
    from .extras import EXTRA_CHECKS
    from .tools import CHECKS
    result: dict[str, list[dict]] = {}
    for check in [*CHECKS, *EXTRA_CHECKS]:
        if check in EXTRA_CHECKS and not run.account.has_service(check.service):
            continue
        try:
            variants = check.variants(run)
        except Exception:  # noqa: BLE001 - a variant source the account may not read
            variants = [Variant("default", {})]
        result.setdefault(check.tool, []).extend(v.args for v in variants if run.admin or not v.admin_only)
    return result


def _levels(tool: Any) -> list[str | None]:
    prop = (tool.input_schema or {}).get("properties", {}).get("detail_level")
    if not prop:
        return [None]
    return list(prop.get("enum") or ["basic", "detailed", "full"])


def _required(tool: Any) -> set[str]:
    return set((tool.input_schema or {}).get("required", [])) - {"cloud", "region"}


class Sweep:
    """One server, one client in one protocol era: every tool, resource and prompt, scanned."""

    def __init__(self, client: Any, label: str, findings: Findings, admin: bool):
        self.client, self.label, self.findings, self.admin = client, label, findings, admin
        self.items: dict[str, list[tuple[dict, dict]]] = {}   # list tool -> [(arguments, item)]

    async def call(self, tool: Any, arguments: dict) -> list[dict]:
        """Calls at every detail level, following next_cursor; returns the items of the first level."""
        first_items: list[dict] = []
        for level in _levels(tool):
            args = dict(arguments, **({"detail_level": level} if level else {}))
            cursor, page = None, 0
            while page < MAX_PAGES:
                page += 1
                call_args = dict(args, **({"cursor": cursor} if cursor else {}))
                place = f"{self.label} {tool.name}({_short(call_args)})"
                self.findings.counts["tool calls"] += 1
                self.findings.per_tool[tool.name] = self.findings.per_tool.get(tool.name, 0) + 1
                try:
                    result = await self.client.call_tool(tool.name, call_args)
                except Exception as error:  # noqa: BLE001 - an error's words are scanned too
                    self.findings.error(tool.name, f"{type(error).__name__}: {error}")
                    self.findings.scan(place + " [raised]", f"{type(error).__name__}: {error}", f"tool {tool.name}")
                    break
                self.findings.scan(place, _dump(result), f"tool {tool.name}")
                if result.is_error:
                    self.findings.error(tool.name, _dump_content(result.content[0]) if result.content else "")
                    break
                data = result.structured_content or {}
                if level == _levels(tool)[0]:
                    first_items += [i for i in data.get("items") or [] if isinstance(i, dict)]
                cursor = data.get("next_cursor")
                if not cursor:
                    break
        return first_items

    async def run(self, tools: dict[str, Any], argument_sets: dict[str, list[dict]]) -> None:
        # Tools without required arguments first (their items feed the others), then by dependency depth.
        def depth(name: str) -> int:
            return 0 if name not in SOURCES else 1 + depth(SOURCES[name][0])
        for name in sorted(tools, key=lambda n: (depth(n), n)):
            tool = tools[name]
            sets = [_normalize(tool, a) for a in argument_sets.get(name, [])]
            required = _required(tool)
            if name in SOURCES:
                source, wanted = SOURCES[name]
                for called_with, item in self.items.get(source, [])[:SHOWS]:
                    picked = {arg: called_with.get(key[1:]) if key.startswith("@") else item.get(key)
                              for arg, key in wanted.items()}
                    if all(v not in (None, "") for v in picked.values()):
                        sets.append(_normalize(tool, picked))
            if not required:
                base: dict = {}
                if self.admin and "all_projects" in (tool.input_schema or {}).get("properties", {}):
                    sets.append(_normalize(tool, {"all_projects": True}))
                sets.append(_normalize(tool, base))
            sets = [s for s in sets if required <= set(s)]
            unique = list({_short(s): s for s in sets}.values())
            if not unique:
                self.findings.notes.append(f"{self.label}: {name} not called (no value for {sorted(required)})")
            for arguments in unique:
                items = await self.call(tool, arguments)
                self.items.setdefault(name, []).extend((arguments, i) for i in items)
            self._dedupe_items(name)

    def _dedupe_items(self, name: str) -> None:
        seen, kept = set(), []
        for arguments, item in self.items.get(name, []):
            key = json.dumps([item.get("id") or item.get("name"), arguments.get("container")], default=str)
            if key not in seen:
                seen.add(key)
                kept.append((arguments, item))
        self.items[name] = kept

    async def resources(self) -> None:
        client, clouds = self.client, set()
        resources, cursor = [], None
        for _ in range(MAX_PAGES):
            page = await client.list_resources(cursor=cursor)
            resources += page.resources
            cursor = page.next_cursor
            if not cursor:
                break
        for resource in resources:
            uri = str(resource.uri)
            found = re.match(r"openstack://([^/]+)/", uri)
            if found:
                clouds.add(found.group(1))
            await self._read(uri)
        for item in [i for _, i in self.items.get("get_clouds", [])]:
            if item.get("name"):
                clouds.add(item["name"])
        templates = (await client.list_resource_templates()).resource_templates
        for template in templates:
            pattern = str(template.uri_template)
            kinds = re.findall(r"/([a-z_]+)/\{id\}", pattern)
            source = TEMPLATE_SOURCES.get(kinds[0], f"get_{kinds[0]}s") if kinds else None
            ids = [str(i.get("id")) for _, i in self.items.get(source, []) if i.get("id")][:SHOWS] if source else []
            if not ids:
                self.findings.notes.append(f"{self.label}: no IDs for the resource template {pattern} (read with a bogus ID)")
            for cloud in sorted(clouds) or [""]:
                for ident in ids or ["00000000-0000-4000-8000-00000000dead"]:
                    await self._read(pattern.replace("{cloud}", cloud).replace("{id}", ident))

    async def _read(self, uri: str) -> None:
        self.findings.counts["resource reads"] += 1
        place = f"{self.label} resources/read {uri}"
        try:
            self.findings.scan(place, _dump(await self.client.read_resource(uri)), "resource")
        except Exception as error:  # noqa: BLE001
            self.findings.scan(place + " [raised]", f"{type(error).__name__}: {error}", "resource")

    async def prompts(self) -> None:
        listed = (await self.client.list_prompts()).prompts
        clouds = [i.get("name") for _, i in self.items.get("get_clouds", []) if i.get("name")]
        for prompt in listed:
            choices: list[dict[str, str]] = [{}]
            for argument in prompt.arguments or []:
                if argument.name == "cloud":
                    values = clouds or []
                else:
                    source = PROMPT_SOURCES.get(argument.name, "get_instances")
                    values = [str(i.get("id") or i.get("name")) for _, i in self.items.get(source, [])][:SHOWS] or ["x"]
                if argument.required:
                    choices = [dict(c, **{argument.name: v}) for c in choices for v in values]
                else:
                    choices += [dict(c, **{argument.name: v}) for c in choices for v in values]
            for arguments in list({_short(c): c for c in choices}.values()):
                self.findings.counts["prompt gets"] += 1
                place = f"{self.label} prompts/get {prompt.name}({_short(arguments)})"
                try:
                    self.findings.scan(place, _dump(await self.client.get_prompt(prompt.name, arguments)), "prompt")
                except Exception as error:  # noqa: BLE001
                    self.findings.scan(place + " [raised]", f"{type(error).__name__}: {error}", "prompt")


def scan_log(findings: Findings, label: str, path: str) -> None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                findings.counts["log lines"] += 1
                findings.scan(f"{label} log {os.path.basename(path)}:{number}: {line.strip()[:140]}", line, "log")
    except FileNotFoundError:
        findings.notes.append(f"{label}: no log at {path}")


def scan_suite_run(findings: Findings, run: Run, log_path: str) -> None:
    """The comparisons' own answers (legacy era) and their server's log (text)."""
    label = f"{run.account.label} [comparisons]"
    for (tool, arguments), text in zip(run.client.calls, run.client.transcript):
        findings.counts["suite answers"] += 1
        findings.scan(f"{label} {tool}({_short(arguments)})", text, f"tool {tool}")
    scan_log(findings, label, log_path)


# -- what the cloud holds ---------------------------------------------------------------------------

def planted(account: Account) -> set[str]:
    """The known canaries this account can read straight from the APIs (any encoding)."""
    texts = []

    def get(service: str, path: str, params=None, microversion=None):
        try:  # a service the catalog lacks (or names otherwise: volumev3, block-storage) fails here
            answer = account.get(service, path, params, microversion)
            texts.append(json.dumps(answer.json) + json.dumps(answer.headers))
        except Exception:  # noqa: BLE001
            pass

    def head(path: str):
        if not account.has_service("object-store"):
            return
        adapter = account.conn.object_store
        answer = adapter.head(path, raise_exc=False)
        texts.append(json.dumps(dict(answer.headers)))
    get("compute", "/servers/detail", {"all_tenants": "True"} if account.is_admin else None, "2.3")
    get("image", "/images", {"limit": 1000})
    get("volume", "/volumes/detail", {"all_tenants": "True"} if account.is_admin else None)
    get("identity", "/credentials")
    get("volume", "/attachments/detail", {"all_tenants": "True"} if account.is_admin else None, "3.27")
    if account.has_service("object-store"):
        head("")
        listing = account.get("object-store", "", {"format": "json"})
        for container in listing.json if isinstance(listing.json, list) else []:
            name = urllib.parse.quote(container["name"], safe="")
            head(name)
            objects = account.get("object-store", name, {"format": "json"})
            for obj in (objects.json if isinstance(objects.json, list) else [])[:50]:
                head(f"{name}/{urllib.parse.quote(obj['name'], safe='')}")
    seen = {h.canary for t in texts for h in find_canaries(t)}
    # Heat never shows a hidden parameter: a stack with one counts as holding it.
    if account.has_service("orchestration"):
        stacks = account.get("orchestration", "/stacks")
        for stack in (stacks.json or {}).get("stacks", []) if isinstance(stacks.json, dict) else []:
            if stack.get("stack_name") in ("canary-stack", "demo-canary"):
                shown = account.get("orchestration", f"/stacks/{stack['stack_name']}/{stack['id']}").json
                params = (shown or {}).get("stack", {}).get("parameters", {})
                if params.get("db_password") == "******":
                    seen.add("osmcpcanary-heat-hidden")
    return seen


# -- the check ------------------------------------------------------------------------------------------

async def sweep_account(account: Account, binary: str, work: str, findings: Findings,
                        suite_calls: list[tuple[str, dict]], log) -> None:
    from mcp import Client

    sets_declared = declared_arguments(Run(account, None, RecordingProxy(account.auth["auth_url"]), Ledger()))
    for log_format, mode in SWEEPS:
        started = time.monotonic()
        proxy = RecordingProxy(account.auth["auth_url"])
        auth_url = proxy.start()
        log_path = os.path.join(work, f"canary-{account.label}-{log_format}.log")
        server = ServerProcess(binary, account.server_environment(auth_url), log_path,
                               extra_args=["--toolsets", "all", "--log-format", log_format])
        server.start()
        label = f"{account.label} [{mode}, log {log_format}]"
        before = dict(findings.counts)
        try:
            async with Client(server.url, mode=mode, read_timeout_seconds=180) as client:
                tools, cursor = {}, None
                for _ in range(MAX_PAGES):
                    page = await client.list_tools(cursor=cursor)
                    tools.update({t.name: t for t in page.tools})
                    cursor = page.next_cursor
                    if not cursor:
                        break
                sets = {tool: list(arguments) for tool, arguments in sets_declared.items()}
                for tool, arguments in suite_calls:
                    sets.setdefault(tool, []).append(arguments)
                sweep = Sweep(client, label, findings, account.is_admin)
                await sweep.run(tools, sets)
                await sweep.resources()
                await sweep.prompts()
                refused = [r for r in proxy.records if r.refused]
                if refused:
                    findings.notes.append(f"{label}: the proxy refused {[(r.method, r.path) for r in refused][:5]}")
        finally:
            server.stop()
            proxy.stop()
        scan_log(findings, label, log_path)
        seconds = time.monotonic() - started
        findings.seconds[label] = seconds
        done = {k: findings.counts[k] - before.get(k, 0) for k in findings.counts}
        log(f"canaries: {label}: {done['tool calls']} tool calls ({done['tool errors']} errors), "
            f"{done['resource reads']} resource reads, {done['prompt gets']} prompts, {done['log lines']} log lines "
            f"in {seconds:.0f} s")


def report(findings: Findings, ledger: Ledger, required: bool, accounts: list[Account]) -> None:
    """Failures (one per place), and the summary section."""
    lines = []
    for canary, where in KNOWN.items():
        holders = findings.planted.get(canary, [])
        lines.append(f"planted {canary:34} {'in the view of ' + ', '.join(holders) if holders else 'NOT FOUND in the cloud'}"
                     f"  ({where})")
        if required:
            ledger.check(CHECK, bool(holders), f"{canary} is not in the cloud ({where}): did the seed run?")
    lines.append("looked at: " + ", ".join(f"{v} {k}" for k, v in findings.counts.items()))
    busiest = sorted(findings.per_tool.items(), key=lambda kv: -kv[1])
    lines.append(f"tools called: {len(busiest)}; most calls: " + ", ".join(f"{t} {n}" for t, n in busiest[:6]))
    if findings.errors:
        lines.append("tool errors (answers scanned too): " + "; ".join(
            f"{tool} {count}x" for tool, (count, _) in sorted(findings.errors.items(), key=lambda kv: -kv[1][0])))
        for tool, (count, first) in sorted(findings.errors.items(), key=lambda kv: -kv[1][0])[:4]:
            lines.append(f"  e.g. {tool}: {first}")
    for label, seconds in findings.seconds.items():
        lines.append(f"sweep {label}: {seconds:.0f} s")
    ledger.check(CHECK, findings.counts["tool calls"] > 0, "the canary sweep made no tool call")
    by_canary: dict[str, int] = {}
    for place, hits in sorted(findings.places.items()):
        ledger.fail(CHECK, f"{place}: " + ", ".join(sorted(f"{h.canary} ({h.encoding})" for h in hits)))
        for hit in hits:
            by_canary[hit.canary] = by_canary.get(hit.canary, 0) + 1
    places_by_surface: dict[str, int] = {}
    for place in findings.places:
        kind = findings.kinds.get(place, "?")
        places_by_surface[kind] = places_by_surface.get(kind, 0) + 1
    if findings.places:
        lines.append(f"LEAKED: {len(findings.places)} place(s); by canary: "
                     + ", ".join(f"{c} {n}" for c, n in sorted(by_canary.items())))
        lines.append("places by surface: " + ", ".join(f"{k} {n}" for k, n in sorted(places_by_surface.items())))
    else:
        lines.append("no canary in any answer or log line")
    lines += findings.notes
    ledger.sections["canary secrets"] = lines
    ledger.facts[CHECK] += findings.counts["tool calls"] + findings.counts["resource reads"] + \
        findings.counts["prompt gets"] - len(findings.places)


async def run_canaries(accounts: list[Account], runs: list[Run], args, ledger: Ledger, log) -> None:
    try:
        self_test()  # the detector itself: every encoding it must see, and clean text it must pass
    except AssertionError as error:
        ledger.fail(CHECK, f"the canary detector's self-test failed: {error}")
    findings = Findings()
    for account in accounts:
        for canary in planted(account):
            findings.planted.setdefault(canary, []).append(account.label)
    for run in runs:
        scan_suite_run(findings, run, os.path.join(args.work, f"server-{run.account.label}.log"))
    for account in accounts:
        run = next((r for r in runs if r.account is account), None)
        calls = list(run.client.calls) if run else []
        try:
            await sweep_account(account, args.binary, args.work, findings, calls, log)
        except Exception as error:  # noqa: BLE001 - report it and go on with the next account
            leaf = error
            while isinstance(leaf, BaseExceptionGroup) and leaf.exceptions:
                leaf = leaf.exceptions[0]
            ledger.fail(CHECK, f"{account.label}: the sweep stopped: {type(leaf).__name__}: {str(leaf)[:300]}")
    required = os.environ.get("IT_CANARIES_REQUIRED", "0") == "1"
    report(findings, ledger, required, accounts)
    with open(os.path.join(args.work, "canaries.json"), "w") as handle:
        json.dump({"planted": findings.planted, "counts": findings.counts, "seconds": findings.seconds,
                   "errors": findings.errors, "calls_per_tool": findings.per_tool, "notes": findings.notes,
                   "places": {p: sorted(f"{h.canary} ({h.encoding})" for h in hits)
                              for p, hits in sorted(findings.places.items())}}, handle, indent=1)


if __name__ == "__main__":
    self_test()
    print("canaries self-test: ok;", len(NEEDLES), "base64 needles for", len(KNOWN), "known canaries and the prefix")
