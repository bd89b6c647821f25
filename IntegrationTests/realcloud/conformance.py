"""The demo cloud (CloudSimulator) against the real cloud: same requests, compared by shape, not by data.

Each probe is one request our client makes (or an error it must read), sent to both clouds as
the same kind of user. Compared: the status code, the headers a client relies on, and the
shape of the body: keys and JSON types, where a key present in every real item must exist in
the simulator's items and the other way round. Data (names, counts, IDs) is never compared.

    python -m realcloud.conformance --demo-binary .build/debug/openstack-demo-cloud
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import subprocess
import sys
import time
from typing import Any

from .cloud import Account

BOGUS = "00000000-0000-4000-8000-00000000dead"
IRONIC = {"X-OpenStack-Ironic-API-Version": "1.80"}  # the most our client asks for
HEADERS = ("x-openstack-request-id", "x-compute-request-id", "openstack-api-version", "vary", "www-authenticate", "location")
# Maps keyed by data (network names, metadata keys, custom properties): only their type is compared.
MAPS = re.compile(r"(\.addresses|\.metadata|\.extra_specs|\.volume_image_metadata|\.configurations|\.properties|\.scheduler_hints"
                  r"|\.driver_info|\.driver_internal_info|\.instance_info|\.local_link_connection|\.extra)$")


# Differences that are not simulator bugs: a key that depends on the deployment (a Neutron
# extension, a Glance option) or on the data (a key Nova or Keystone omits for some items).
ACCEPTED = {
    "body.networks[].is_default": "Neutron auto-allocated-topology extension (in the api-ref samples; not loaded on every cloud)",
    "body.networks[].l2_adjacency": "Neutron l2_adjacency extension (in the api-ref samples; not loaded on every cloud)",
    "body.networks[].qos_policy_id": "Neutron QoS extension (in the api-ref samples; not loaded on every cloud)",
    "body.subnets[].dns_publish_fixed_ip": "Neutron dns-integration extension (deployment-dependent)",
    "body.subnets[].segment_id": "Neutron segments extension (deployment-dependent)",
    "body.images[].direct_url": "Glance show_image_direct_url option (off by default, on in the recipe)",
    "body.images[].stores": "Glance multi-store (enabled_backends) option (deployment-dependent)",
    "body.servers[].security_groups": "data: Nova omits the key for a server without ports (the simulator does too)",
    "body.servers[].progress": "data: Nova shows progress only in some states (the simulator does too)",
    "body.services[].description": "data: a service registered without a description (keystone-manage bootstrap)",
    "body.pools[].capabilities.allocated_capacity_gb": "driver-dependent: Manila's dummy driver (the recipe's) does not "
                                                       "report it; most drivers do, and the demo cloud's does",
    "body.pools[].healthmonitor_id": "data: Octavia omits the key for a pool without a health monitor (the recipe's "
                                     "demo-lb-pool); the simulator shows it on every pool",
}


@dataclasses.dataclass
class Probe:
    label: str
    service: str
    path: str                 # under the versioned endpoint; "ROOT" = the unversioned root, "VROOT" = the version root
    params: Any = None
    as_user: str = "admin"    # admin | member
    token: bool = True
    microversion: str | None = "max"
    accepted: str | None = None  # why this probe's differences are the deployment's, not simulator bugs
    headers: dict | None = None  # sent as they are (Ironic's version, Designate's project scope)


PROBES = [
    Probe("compute versions", "compute", "ROOT", token=False, microversion=None),
    Probe("compute version", "compute", "VROOT", token=False, microversion=None),
    Probe("volume versions", "volume", "ROOT", token=False, microversion=None),
    Probe("network versions", "network", "ROOT", token=False, microversion=None),
    Probe("image versions", "image", "ROOT", token=False, microversion=None),
    Probe("servers detail, all projects", "compute", "/servers/detail", {"all_tenants": "True"}),
    Probe("servers detail, member", "compute", "/servers/detail", as_user="member"),
    Probe("servers, paged", "compute", "/servers/detail", {"all_tenants": "True", "limit": "1"}),
    Probe("server, unknown", "compute", f"/servers/{BOGUS}"),
    Probe("servers, bad marker", "compute", "/servers/detail", {"marker": BOGUS}),
    Probe("servers, bad limit", "compute", "/servers/detail", {"limit": "abc"}),
    Probe("servers, all projects as member", "compute", "/servers/detail", {"all_tenants": "True"}, as_user="member"),
    Probe("servers, no token", "compute", "/servers/detail", token=False),
    Probe("servers, microversion too new", "compute", "/servers/detail", microversion="2.999"),
    Probe("flavors detail", "compute", "/flavors/detail", {"is_public": "None"}),
    Probe("compute services", "compute", "/os-services"),
    Probe("compute services as member", "compute", "/os-services", as_user="member"),
    Probe("volumes detail, all projects", "volume", "/volumes/detail", {"all_tenants": "True"}),
    Probe("volumes, paged", "volume", "/volumes/detail", {"all_tenants": "True", "limit": "1"}),
    Probe("volume, unknown", "volume", f"/volumes/{BOGUS}"),
    Probe("volumes, bad marker", "volume", "/volumes/detail", {"marker": BOGUS}),
    Probe("volumes, all projects as member", "volume", "/volumes/detail", {"all_tenants": "True"}, as_user="member"),
    Probe("volumes, project filter as member", "volume", "/volumes/detail", {"project_id": BOGUS.replace("-", "")}, as_user="member"),
    Probe("volume version, no token", "volume", "VROOT", token=False, microversion=None),
    Probe("volume services", "volume", "/os-services"),
    Probe("volume services as member", "volume", "/os-services", as_user="member"),
    Probe("networks", "network", "/networks", microversion=None),
    Probe("networks, paged", "network", "/networks", {"limit": "1"}, microversion=None),
    Probe("network, unknown", "network", f"/networks/{BOGUS}", microversion=None),
    Probe("networks, bad marker", "network", "/networks", {"limit": "1", "marker": BOGUS}, microversion=None),
    Probe("networks, bad filter", "network", "/networks", {"no_such_field": "x"}, microversion=None),
    Probe("agents", "network", "/agents", microversion=None),
    Probe("agents as member", "network", "/agents", as_user="member", microversion=None),
    Probe("subnets", "network", "/subnets", microversion=None),
    Probe("images", "image", "/images", microversion=None),
    Probe("images, paged", "image", "/images", {"limit": "1"}, microversion=None),
    Probe("image, unknown", "image", f"/images/{BOGUS}", microversion=None),
    Probe("images, bad marker", "image", "/images", {"marker": BOGUS}, microversion=None),
    Probe("images, member", "image", "/images", as_user="member", microversion=None),
    Probe("identity services", "identity", "/services", microversion=None),
    Probe("identity endpoints", "identity", "/endpoints", microversion=None),
    Probe("identity services as member", "identity", "/services", as_user="member", microversion=None),
    Probe("identity, no token", "identity", "/services", token=False, microversion=None),
    Probe("stacks", "orchestration", "/stacks", microversion=None),
    Probe("stacks, paged", "orchestration", "/stacks", {"limit": "1"}, as_user="member", microversion=None),
    Probe("stacks as member", "orchestration", "/stacks", as_user="member", microversion=None),
    Probe("stacks, all projects", "orchestration", "/stacks", {"global_tenant": "True"}, microversion=None,
          accepted="policy: Heat's default refuses stacks:global_index to everyone; the demo cloud plays a cloud "
                   "that allows it to admins (the real-cloud suite checks that our error names the rule)"),
    Probe("stacks, no token", "orchestration", "/stacks", token=False, microversion=None),
    Probe("load balancers", "load-balancer", "/lbaas/loadbalancers", microversion=None),
    Probe("load balancer, unknown", "load-balancer", f"/lbaas/loadbalancers/{BOGUS}", microversion=None),
    Probe("listeners", "load-balancer", "/lbaas/listeners", microversion=None),
    Probe("pools", "load-balancer", "/lbaas/pools", microversion=None),
    Probe("health monitors", "load-balancer", "/lbaas/healthmonitors", microversion=None),
    Probe("amphorae", "load-balancer", "/octavia/amphorae", microversion=None),
    Probe("amphorae as member", "load-balancer", "/octavia/amphorae", as_user="member", microversion=None),
    Probe("swift account", "object-store", "", {"format": "json"}, microversion=None),
    Probe("swift container, unknown", "object-store", "/no-such-container-42", {"format": "json"}, microversion=None),
    Probe("swift account, no token", "object-store", "", {"format": "json"}, token=False, microversion=None),
    # Issue 24's services, with the headers our declarations send.
    Probe("dns zones", "dns", "/zones", microversion=None),
    Probe("dns zones, paged", "dns", "/zones", {"limit": "1"}, microversion=None),
    Probe("dns zones, all projects", "dns", "/zones", microversion=None, headers={"X-Auth-All-Projects": "true"}),
    Probe("dns zones as member", "dns", "/zones", as_user="member", microversion=None),
    Probe("dns zone, unknown", "dns", f"/zones/{BOGUS}", microversion=None),
    Probe("dns recordsets", "dns", "/recordsets", microversion=None, headers={"X-Auth-All-Projects": "true"}),
    Probe("dns reverse floating IPs", "dns", "/reverse/floatingips", microversion=None),
    Probe("dns transfer requests", "dns", "/zones/tasks/transfer_requests", microversion=None,
          headers={"X-Auth-All-Projects": "true"}),
    Probe("dns pools", "dns", "/pools", microversion=None),
    Probe("dns pools as member", "dns", "/pools", as_user="member", microversion=None),
    Probe("dns zones, no token", "dns", "/zones", token=False, microversion=None),
    Probe("secrets", "key-manager", "/secrets", microversion=None),
    Probe("secrets, paged", "key-manager", "/secrets", {"limit": "1"}, microversion=None),
    Probe("secrets as member", "key-manager", "/secrets", as_user="member", microversion=None),
    Probe("secret, unknown", "key-manager", f"/secrets/{BOGUS}", microversion=None),
    Probe("secret containers", "key-manager", "/containers", microversion=None),
    Probe("secret orders", "key-manager", "/orders", microversion=None),
    Probe("secrets, no token", "key-manager", "/secrets", token=False, microversion=None),
    Probe("baremetal nodes", "baremetal", "/nodes/detail", microversion=None, headers=IRONIC),
    Probe("baremetal nodes, paged", "baremetal", "/nodes/detail", {"limit": "1"}, microversion=None, headers=IRONIC),
    Probe("baremetal node, unknown", "baremetal", f"/nodes/{BOGUS}", microversion=None, headers=IRONIC),
    Probe("baremetal ports", "baremetal", "/ports/detail", microversion=None, headers=IRONIC),
    Probe("baremetal portgroups", "baremetal", "/portgroups/detail", microversion=None, headers=IRONIC),
    Probe("baremetal allocations", "baremetal", "/allocations", microversion=None, headers=IRONIC),
    Probe("baremetal conductors", "baremetal", "/conductors", {"detail": "True"}, microversion=None, headers=IRONIC),
    Probe("baremetal nodes as member", "baremetal", "/nodes/detail", as_user="member", microversion=None, headers=IRONIC),
    # Gnocchi and Aodh: their catalog URLs are their roots, so paths carry the version.
    Probe("metric versions", "metric", "ROOT", token=False, microversion=None),
    Probe("archive policies", "metric", "/v1/archive_policy", microversion=None),
    Probe("archive policy, unknown", "metric", "/v1/archive_policy/no-such-policy", microversion=None),
    Probe("instance resources", "metric", "/v1/resource/instance", microversion=None),
    Probe("instance resources as member", "metric", "/v1/resource/instance", as_user="member", microversion=None),
    Probe("instance resources, paged", "metric", "/v1/resource/instance", {"limit": "1"}, microversion=None),
    Probe("metric resource, unknown", "metric", f"/v1/resource/instance/{BOGUS}", microversion=None),
    Probe("metric resource's metrics, unknown", "metric", f"/v1/resource/generic/{BOGUS}/metric", microversion=None),
    Probe("resource type, unknown", "metric", "/v1/resource/no_such_type", microversion=None),
    Probe("metrics", "metric", "/v1/metric", microversion=None),
    Probe("metric, unknown", "metric", f"/v1/metric/{BOGUS}", microversion=None),
    Probe("metrics, no token", "metric", "/v1/metric", token=False, microversion=None),
    Probe("alarming versions", "alarming", "ROOT", token=False, microversion=None),
    Probe("alarms", "alarming", "/v2/alarms", microversion=None),
    Probe("alarms as member", "alarming", "/v2/alarms", as_user="member", microversion=None),
    Probe("alarms in state alarm", "alarming", "/v2/alarms",
          {"q.field": "state", "q.op": "eq", "q.value": "alarm"}, microversion=None),
    Probe("alarm, unknown", "alarming", f"/v2/alarms/{BOGUS}", microversion=None),
    Probe("alarm history, unknown", "alarming", f"/v2/alarms/{BOGUS}/history", microversion=None),
    Probe("alarms, no token", "alarming", "/v2/alarms", token=False, microversion=None),
    # Manila: the reads of the share tools (seed_manila.py gives each project a share, a snapshot and a server).
    Probe("share versions", "shared-file-system", "ROOT", token=False, microversion=None),
    Probe("shares detail, all projects", "shared-file-system", "/shares/detail", {"all_tenants": "1"}),
    Probe("shares detail, member", "shared-file-system", "/shares/detail", as_user="member"),
    Probe("shares, paged", "shared-file-system", "/shares/detail", {"all_tenants": "1", "limit": "1"}),
    Probe("share, unknown", "shared-file-system", f"/shares/{BOGUS}"),
    Probe("shares, no token", "shared-file-system", "/shares/detail", token=False),
    Probe("share networks detail", "shared-file-system", "/share-networks/detail", {"all_tenants": "1"}),
    Probe("share snapshots detail", "shared-file-system", "/snapshots/detail", {"all_tenants": "1"}),
    Probe("share types, all", "shared-file-system", "/types", {"is_public": "all"}),
    Probe("share types, member", "shared-file-system", "/types", as_user="member"),
    Probe("share pools detail", "shared-file-system", "/scheduler-stats/pools/detail"),
    Probe("share pools as member", "shared-file-system", "/scheduler-stats/pools/detail", as_user="member"),
    Probe("share servers", "shared-file-system", "/share-servers"),
    Probe("share servers as member", "shared-file-system", "/share-servers", as_user="member"),
    Probe("share limits, member", "shared-file-system", "/limits", as_user="member"),
]


# Glance's own image keys; every other top-level key is a custom property (data, not shape).
# `locations` is left out: Glance shows it only with show_multiple_locations, which the recipe's
# Glance keeps off and the demo cloud turns on, to plant a canary in it (a store's credentials).
GLANCE_CORE = {"id", "name", "status", "visibility", "protected", "os_hidden", "checksum", "os_hash_algo",
               "os_hash_value", "owner", "size", "virtual_size", "min_ram", "min_disk", "disk_format",
               "container_format", "created_at", "updated_at", "tags", "self", "file", "schema", "direct_url",
               "stores"}


def core_image_keys(body: Any) -> Any:
    if isinstance(body, dict) and isinstance(body.get("images"), list):
        return {**body, "images": [{k: v for k, v in i.items() if k in GLANCE_CORE} for i in body["images"]]}
    return body


def shape(value: Any, path: str = "") -> Any:
    if isinstance(value, dict):
        if MAPS.search(path):
            return "map"
        return {key: shape(item, f"{path}.{key}") for key, item in value.items()}
    if isinstance(value, list):
        return ["list", [shape(item, path) for item in value]]
    return type(value).__name__ if value is not None else "null"


def diff(real: Any, sim: Any, path: str, out: list[str]) -> None:
    if real == "null" or sim == "null" or real == sim:
        return
    if isinstance(real, dict) and isinstance(sim, dict):
        for key in sorted(set(real) - set(sim)):
            out.append(f"{path}.{key}: only in the real cloud ({_type(real[key])})")
        for key in sorted(set(sim) - set(real)):
            out.append(f"{path}.{key}: only in the simulator ({_type(sim[key])})")
        for key in sorted(set(real) & set(sim)):
            diff(real[key], sim[key], f"{path}.{key}", out)
        return
    if isinstance(real, list) and isinstance(sim, list):
        if real[1] and sim[1]:
            diff(_merge(real[1]), _merge(sim[1]), f"{path}[]", out)
        return
    out.append(f"{path}: real {_type(real)} vs simulator {_type(sim)}")


def _merge(items: list) -> Any:
    """Keys present in every item (so optional keys never count as a difference)."""
    dicts = [item for item in items if isinstance(item, dict)]
    if not dicts:
        return items[0]
    common = set.intersection(*(set(d) for d in dicts))
    return {key: next((d[key] for d in dicts if d[key] != "null"), "null") for key in common}


def _type(value: Any) -> str:
    return "object" if isinstance(value, dict) else "array" if isinstance(value, list) else str(value)


# -- running the probes ---------------------------------------------------------------------

# Services a cloud may lack (the recipe's OSTACK_SERVICES): their probes are skipped there.
OPTIONAL = {"dns", "key-manager", "baremetal", "shared-file-system", "metric", "alarming"}
CLIENT_MAX = {"compute": (2, 100), "volume": (3, 71), "shared-file-system": (2, 84)}  # Sources/OpenStackKit/Catalog/Microversion.swift


@dataclasses.dataclass
class Answer:
    status: int
    headers: dict
    shape: Any
    body: Any


def _roots(endpoint: str) -> tuple[str, str]:
    """(unversioned root, version root) of a versioned endpoint URL."""
    found = re.search(r"^(.*?/)(v\d+(\.\d+)?)(/|$)", endpoint + "/")
    if not found:
        return endpoint.rstrip("/") + "/", endpoint.rstrip("/") + "/"
    return found.group(1), found.group(1) + found.group(2) + "/"


def _version(text: str | None) -> tuple[int, int] | None:
    try:
        major, minor = (text or "").split(".")
        return int(major), int(minor)
    except ValueError:
        return None


def max_microversion(account: Account, service: str) -> tuple[int, int] | None:
    return _version(account.max_microversion(service))


def send(account: Account, probe: Probe, microversion: str | None) -> Answer:
    endpoint = account.endpoint(probe.service)
    session = account.conn.session
    if probe.path in ("ROOT", "VROOT"):
        url = _roots(endpoint)[0 if probe.path == "ROOT" else 1]
        answer = session.get(url, authenticated=False, raise_exc=False, redirect=False)
    else:
        url = endpoint.rstrip("/") + probe.path
        headers = dict(probe.headers or {})
        # Our client always asks for JSON; without it Gnocchi writes its errors in HTML.
        if probe.service == "metric":
            headers["Accept"] = "application/json"
        if microversion and probe.service == "shared-file-system":
            headers["X-OpenStack-Manila-API-Version"] = microversion  # Manila reads only its own header
        elif microversion:
            name = "compute" if probe.service == "compute" else "volume"
            headers["OpenStack-API-Version"] = f"{name} {microversion}"
            if probe.service == "compute":
                headers["X-OpenStack-Nova-API-Version"] = microversion
        answer = session.get(url, params=probe.params, headers=headers, authenticated=probe.token, raise_exc=False)
    try:
        body = answer.json()
    except ValueError:
        body = answer.text[:200]
    headers = {k.lower(): v for k, v in answer.headers.items()}
    if probe.service == "image":
        body = core_image_keys(body)
    return Answer(answer.status_code, headers, shape(body), body)


def compare(probe: Probe, real: Answer, sim: Answer) -> list[str]:
    out: list[str] = []
    if real.status != sim.status:
        out.append(f"status: real {real.status} vs simulator {sim.status}")
    for name in HEADERS:
        if (name in real.headers) != (name in sim.headers):
            where = "real cloud" if name in real.headers else "simulator"
            out.append(f"header {name}: only the {where} sends it ({real.headers.get(name) or sim.headers.get(name)})")
    if real.headers.get("openstack-api-version") and sim.headers.get("openstack-api-version"):
        if real.headers["openstack-api-version"] != sim.headers["openstack-api-version"]:
            out.append(f"header openstack-api-version: real {real.headers['openstack-api-version']!r} "
                       f"vs simulator {sim.headers['openstack-api-version']!r}")
    kinds = [h.get("content-type", "").split(";")[0] for h in (real.headers, sim.headers)]
    if kinds[0] != kinds[1]:
        out.append(f"content-type: real {kinds[0]!r} vs simulator {kinds[1]!r}")
    diff(real.shape, sim.shape, "body", out)
    return out


def start_demo(binary: str) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        found = re.search(r"auth URL: (\S+)", line)
        if found:
            return process, found.group(1)
        if process.poll() is not None:
            break
    process.kill()
    raise RuntimeError("the demo cloud did not start")


def run(real_admin: Account, real_member: Account | None, demo_binary: str) -> tuple[dict[str, list[str]], set[str]]:
    process, auth_url = start_demo(demo_binary)
    try:
        def demo_account(user: str, password: str, project: str) -> Account:
            return Account.from_settings(
                f"demo-{user}", region_name="RegionOne", identity_api_version="3",
                auth=dict(auth_url=auth_url, username=user, password=password, project_name=project,
                          user_domain_name="Default", project_domain_name="Default"))
        sim = {"admin": demo_account("admin", "demo-admin-secret", "admin"),
               "member": demo_account("demo", "demo-member-secret", "demo")}
        real = {"admin": real_admin, "member": real_member}
        versions = {}
        for service, ours in CLIENT_MAX.items():
            if service in OPTIONAL and not real_admin.has_service(service):
                continue
            limits = [v for v in (max_microversion(real_admin, service), max_microversion(sim["admin"], service), ours) if v]
            versions[service] = "%d.%d" % min(limits)
        findings: dict[str, list[str]] = {}
        accepted: set[str] = set()
        # The token (and its catalog) that every client reads first.
        for user in ("admin", "member"):
            if real[user] is not None:
                found: list[str] = []
                diff(shape(real[user].access._data), shape(sim[user].access._data), "token", found)
                if found:
                    findings[f"token body, {user}"] = found
        for probe in PROBES:
            if real[probe.as_user] is None:
                continue
            if probe.service in OPTIONAL and not real[probe.as_user].has_service(probe.service):
                continue  # a recipe run without this service (OSTACK_SERVICES): nothing to compare with
            mv = versions.get(probe.service) if probe.microversion == "max" else probe.microversion
            real_answer = send(real[probe.as_user], probe, mv)
            sim_answer = send(sim[probe.as_user], probe, mv)
            found = compare(probe, real_answer, sim_answer)
            if found and probe.accepted:
                ACCEPTED[f"probe '{probe.label}'"] = probe.accepted
                accepted.add(f"probe '{probe.label}'")
            elif found:
                findings[probe.label] = found
        for label in list(findings):
            kept = [item for item in findings[label] if item.split(":")[0] not in ACCEPTED]
            accepted.update(item.split(":")[0] for item in findings[label] if item.split(":")[0] in ACCEPTED)
            if kept:
                findings[label] = kept
            else:
                del findings[label]
        return findings, accepted
    finally:
        process.terminate()
        process.wait(timeout=15)


def main() -> None:
    parser = argparse.ArgumentParser(description="Compare the demo cloud's API shapes with a real cloud's.")
    parser.add_argument("--demo-binary", default=".build/debug/openstack-demo-cloud")
    parser.add_argument("--member-cloud", default=(os.environ.get("IT_MEMBER_CLOUDS", "").split(",") or [""])[0])
    parser.add_argument("--json", help="write the findings here")
    args = parser.parse_args()
    admin = Account(os.environ.get("OS_CLOUD") or None)
    member = Account(args.member_cloud) if args.member_cloud else None
    findings, accepted = run(admin, member, args.demo_binary)
    for key in sorted(accepted):
        print(f"accepted: {key}: {ACCEPTED[key]}")
    for label, items in findings.items():
        print(f"== {label}")
        for item in items:
            print(f"   {item}")
    total = sum(len(items) for items in findings.values())
    print(f"conformance: {len(PROBES) - len(findings)} passed, {len(findings)} failed ({total} differences)")
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(findings, handle, indent=1)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
