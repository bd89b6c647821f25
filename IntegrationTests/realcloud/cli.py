"""Keystone's reads (roles, groups, application credentials, unified limits), Neutron's sharing
reads (QoS, RBAC, port forwardings, segments, address scopes, extensions), Glance's members, tasks
and stores, and the Heat, Octavia, Swift, Barbican, Ironic and Manila tools compared with the `openstack` CLI
(python-openstackclient, python-heatclient, python-octaviaclient, python-swiftclient,
python-barbicanclient, python-ironicclient, python-manilaclient), fact by fact: the second truth beside the REST answers
that extras.py and extra_shows.py compare with.

The CLI runs with the account's OS_* variables (the same ones our server gets). Its columns are
read as lower_snake_case ("Stack Name" -> stack_name). A column we map that the CLI does not
print is a failure, so a renamed column cannot make a check vacuous. Heat reports a resource that
made nothing (a failed one, say) with physical_resource_id "", which the CLI prints as is; our tools
say null for it, so a spec names the fields where the CLI's "" and our null are the same fact.
"""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any

from .checks import Run
from .ledger import Unordered
from .lb_image_cli import run_lb_image_cli_checks
from .dns_cli import run_dns_cli_checks
from .system_scope import check_project_scope_is_told
from .kmbm_shows import check_node_shows, check_secret_shows
from .share_cli import run_share_cli_checks


def find_cli() -> str | None:
    """REALCLOUD_OPENSTACK_CLI, else the recipe's venv, else the suite's own (requirements.txt), else PATH."""
    explicit = os.environ.get("REALCLOUD_OPENSTACK_CLI")
    if explicit:
        return explicit
    recipe = os.path.join(os.environ.get("OSTACK_BASE", "/tmp/ostack"), "venv", "bin", "openstack")
    suite = os.path.join(sys.prefix, "bin", "openstack")
    return next((path for path in (recipe, suite) if os.access(path, os.X_OK)), None) or shutil.which("openstack")


@dataclass
class CliList:
    """One list tool against one CLI listing: `fields` maps our key to the CLI's column."""
    tool: str
    service: str
    argv: list[str]
    fields: dict[str, str]
    ident: str = "id"
    args: dict[str, Any] = field(default_factory=dict)
    admin_only: bool = False
    # For tools under a parent (a stack, a pool, a container): the parents, from our own list tool.
    parents: tuple[str, str, str] | None = None  # (list tool, our key of the parent, the tool's argument)
    empty_is_null: tuple[str, ...] = ()  # our keys where the CLI's "" is our null
    # The Neutron extension the listing needs: where the cloud lacks it, the tool must say so.
    extension: str | None = None
    # Arguments of the parents' list tool (which floating IP has port forwardings).
    parent_args: dict[str, Any] = field(default_factory=dict)
    # Our key -> how the CLI's value reads in our words (Barbican's hrefs -> UUIDs).
    convert: dict[str, Any] = field(default_factory=dict)


# Manila's columns (`share list --long`, `share type list`) and the pool capabilities we show.
SHARE_COLUMNS = {"id": "id", "name": "name", "status": "status", "size_gb": "size", "share_proto": "share_protocol",
                 "share_network_id": "share_network_id", "share_type": "share_type_name",
                 "availability_zone": "availability_zone", "project_id": "project_id", "host": "host",
                 "is_public": "is_public", "created_at": "created_at", "description": "description"}
SHARE_TYPE_COLUMNS = {"id": "id", "name": "name", "is_public": "visibility", "required_extra_specs": "required_extra_specs",
                      "description": "description"}
SHARE_TYPE_CONVERT = {"is_public": lambda v: v == "public"}
POOL_CAPABILITIES = ("total_capacity_gb", "free_capacity_gb", "allocated_capacity_gb", "storage_protocol",
                     "driver_handles_share_servers")

SPECS = [
    # Keystone's roles, groups, application credentials and unified limits (seed.py makes the
    # group ops-team with ops_reader; seed_identity.py the limits and an application credential).
    CliList("get_roles", "identity", ["role", "list"], {"id": "id", "name": "name"}, admin_only=True),
    CliList("get_groups", "identity", ["group", "list", "--long"],
            {"id": "id", "name": "name", "domain_id": "domain_id", "description": "description"},
            args={"detail_level": "detailed"}, admin_only=True),
    CliList("get_group_members", "identity", ["user", "list", "--group", "{parent}"], {"id": "id", "name": "name"},
            parents=("get_groups", "id", "group"), admin_only=True),
    CliList("get_application_credentials", "identity", ["application", "credential", "list"],
            {"id": "id", "name": "name", "description": "description", "project_id": "project_id",
             "unrestricted": "unrestricted", "expires_at": "expires_at"}, args={"detail_level": "detailed"}),
    CliList("get_limits", "identity", ["limit", "list"],
            {"id": "id", "project_id": "project_id", "service_id": "service_id", "resource_name": "resource_name",
             "resource_limit": "resource_limit", "description": "description", "region_id": "region_id"},
            args={"detail_level": "detailed"}),
    CliList("get_registered_limits", "identity", ["registered", "limit", "list"],
            {"id": "id", "service_id": "service_id", "resource_name": "resource_name",
             "default_limit": "default_limit", "description": "description", "region_id": "region_id"},
            args={"detail_level": "detailed"}),
    CliList("get_stacks", "orchestration", ["stack", "list"],
            {"id": "id", "stack_name": "stack_name", "stack_status": "stack_status",
             "creation_time": "creation_time", "updated_time": "updated_time"}, args={"detail_level": "detailed"}),
    CliList("get_stack_resources", "orchestration", ["stack", "resource", "list", "{parent}"],
            {"resource_name": "resource_name", "resource_type": "resource_type", "resource_status": "resource_status",
             "physical_resource_id": "physical_resource_id"}, ident="resource_name",
            args={"detail_level": "detailed", "nested_depth": 0}, parents=("get_stacks", "id", "stack"),
            empty_is_null=("physical_resource_id",)),
    CliList("get_stack_events", "orchestration", ["stack", "event", "list", "{parent}"],
            {"id": "id", "resource_name": "resource_name", "resource_status": "resource_status"},
            args={"detail_level": "detailed"}, parents=("get_stacks", "id", "stack")),
    # Barbican (metadata only) and Ironic (seed_kmbm.py). The CLI names Barbican's objects by
    # href and prints times with +00:00, which our tools give as Barbican's UUIDs and times.
    CliList("get_secrets", "key-manager", ["secret", "list"],
            {"id": "secret_href", "name": "name", "status": "status", "secret_type": "secret_type",
             "algorithm": "algorithm", "bit_length": "bit_length", "mode": "mode", "expiration": "expiration",
             "created": "created"}, args={"detail_level": "detailed"},
            convert={"id": lambda v: _uuid(v), "expiration": lambda v: _utc(v), "created": lambda v: _utc(v)}),
    CliList("get_secret_containers", "key-manager", ["secret", "container", "list"],
            {"id": "container_href", "name": "name", "status": "status", "type": "type", "created": "created"},
            args={"detail_level": "detailed"}, convert={"id": lambda v: _uuid(v), "created": lambda v: _utc(v)}),
    CliList("get_secret_orders", "key-manager", ["secret", "order", "list"],
            {"id": "order_href", "status": "status", "error_status_code": "error_code", "error_reason": "error_message",
             "created": "created"}, args={"detail_level": "detailed"},
            convert={"id": lambda v: _uuid(v), "created": lambda v: _utc(v)}),
    CliList("get_baremetal_nodes", "baremetal", ["baremetal", "node", "list"],
            {"id": "uuid", "name": "name", "instance_uuid": "instance_uuid", "power_state": "power_state",
             "provision_state": "provision_state", "maintenance": "maintenance"}, admin_only=True),
    CliList("get_baremetal_ports", "baremetal", ["baremetal", "port", "list"], {"id": "uuid", "address": "address"},
            admin_only=True),
    CliList("get_baremetal_portgroups", "baremetal", ["baremetal", "port", "group", "list"],
            {"id": "uuid", "address": "address", "name": "name"}, admin_only=True),
    CliList("get_baremetal_allocations", "baremetal", ["baremetal", "allocation", "list"],
            {"id": "uuid", "name": "name", "resource_class": "resource_class", "state": "state", "node_uuid": "node_uuid"},
            admin_only=True),
    CliList("get_baremetal_conductors", "baremetal", ["baremetal", "conductor", "list"],
            {"hostname": "hostname", "conductor_group": "conductor_group", "alive": "alive"}, ident="hostname",
            admin_only=True),
    # Manila (seed_manila.py): a share per project on its share network, its snapshot, two types,
    # the dummy driver's pool and the share servers (admin). share_cli.py compares the rest.
    # Manila leaves the host out for members, which the CLI prints as "".
    CliList("get_shares", "shared-file-system", ["share", "list", "--long"], SHARE_COLUMNS, args={"detail_level": "detailed"},
            empty_is_null=("host",)),
    CliList("get_shares", "shared-file-system", ["share", "list", "--long", "--all-projects"], SHARE_COLUMNS,
            args={"detail_level": "detailed", "all_projects": True}, admin_only=True),
    CliList("get_share_networks", "shared-file-system", ["share", "network", "list", "--detail"],
            {"id": "id", "name": "name", "status": "status", "description": "description", "created_at": "created_at"},
            args={"detail_level": "detailed"}),
    CliList("get_share_networks", "shared-file-system", ["share", "network", "list", "--all-projects"],
            {"id": "id", "name": "name", "project_id": "project_id"}, args={"all_projects": True}, admin_only=True),
    CliList("get_share_snapshots", "shared-file-system", ["share", "snapshot", "list", "--detail"],
            {"id": "id", "name": "name", "share_id": "share_id", "status": "status", "size_gb": "size",
             "share_size_gb": "share_size", "created_at": "created_at", "description": "description"},
            args={"detail_level": "detailed"}),
    CliList("get_share_snapshots", "shared-file-system", ["share", "snapshot", "list", "--detail", "--all-projects"],
            {"id": "id", "name": "name", "share_id": "share_id", "project_id": "project_id"},
            args={"detail_level": "detailed", "all_projects": True}, admin_only=True),
    CliList("get_share_types", "shared-file-system", ["share", "type", "list"], SHARE_TYPE_COLUMNS,
            args={"detail_level": "detailed"}, convert=SHARE_TYPE_CONVERT),
    CliList("get_share_types", "shared-file-system", ["share", "type", "list", "--all"], SHARE_TYPE_COLUMNS,
            args={"detail_level": "detailed", "is_public": "all"}, convert=SHARE_TYPE_CONVERT, admin_only=True),
    CliList("get_share_pools", "shared-file-system", ["share", "pool", "list", "--detail"],
            {"name": "name", "host": "host", "backend": "backend", "pool": "pool", **{key: "capabilities" for key in POOL_CAPABILITIES}},
            ident="name", args={"detail_level": "detailed"}, admin_only=True,
            convert={key: (lambda c, k=key: c.get(k)) for key in POOL_CAPABILITIES}),
    CliList("get_share_servers", "shared-file-system", ["share", "server", "list"],
            {"id": "id", "host": "host", "status": "status", "share_network_id": "share_network_id", "project_id": "project_id"},
            admin_only=True),
    CliList("get_load_balancers", "load-balancer", ["loadbalancer", "list"],
            {"id": "id", "name": "name", "vip_address": "vip_address", "provisioning_status": "provisioning_status",
             "operating_status": "operating_status", "provider": "provider"}, args={"detail_level": "detailed"}),
    CliList("get_listeners", "load-balancer", ["loadbalancer", "listener", "list"],
            {"id": "id", "name": "name", "protocol": "protocol", "protocol_port": "protocol_port",
             "default_pool_id": "default_pool_id"}, args={"detail_level": "detailed"}),
    CliList("get_pools", "load-balancer", ["loadbalancer", "pool", "list"],
            {"id": "id", "name": "name", "protocol": "protocol", "lb_algorithm": "lb_algorithm",
             "provisioning_status": "provisioning_status"}, args={"detail_level": "detailed"}),
    CliList("get_pool_members", "load-balancer", ["loadbalancer", "member", "list", "{parent}"],
            {"id": "id", "name": "name", "address": "address", "protocol_port": "protocol_port",
             "operating_status": "operating_status", "weight": "weight"},
            args={"detail_level": "detailed"}, parents=("get_pools", "id", "pool")),
    CliList("get_health_monitors", "load-balancer", ["loadbalancer", "healthmonitor", "list"],
            {"id": "id", "name": "name", "type": "type"}),
    CliList("get_amphorae", "load-balancer", ["loadbalancer", "amphora", "list"],
            {"id": "id", "loadbalancer_id": "loadbalancer_id", "status": "status", "role": "role",
             "lb_network_ip": "lb_network_ip", "ha_ip": "ha_ip"}, args={"detail_level": "detailed"}, admin_only=True),
    # Octavia's L7 policies and rules, flavors, zones, providers and quotas (seed_lb_image_reads.py).
    CliList("get_l7_policies", "load-balancer", ["loadbalancer", "l7policy", "list"],
            {"id": "id", "name": "name", "action": "action", "position": "position",
             "provisioning_status": "provisioning_status", "admin_state_up": "admin_state_up"},
            args={"detail_level": "detailed"}),
    CliList("get_l7_rules", "load-balancer", ["loadbalancer", "l7rule", "list", "{parent}"],
            {"id": "id", "type": "type", "compare_type": "compare_type", "key": "key", "value": "value",
             "invert": "invert", "provisioning_status": "provisioning_status", "admin_state_up": "admin_state_up"},
            args={"detail_level": "detailed"}, parents=("get_l7_policies", "id", "l7policy")),
    CliList("get_load_balancer_flavors", "load-balancer", ["loadbalancer", "flavor", "list"],
            {"id": "id", "name": "name", "flavor_profile_id": "flavor_profile_id", "enabled": "enabled"}),
    CliList("get_load_balancer_availability_zones", "load-balancer", ["loadbalancer", "availabilityzone", "list"],
            {"name": "name", "availability_zone_profile_id": "availability_zone_profile_id", "enabled": "enabled"},
            ident="name"),
    CliList("get_load_balancer_providers", "load-balancer", ["loadbalancer", "provider", "list"],
            {"name": "name", "description": "description"}, ident="name", args={"detail_level": "detailed"}),
    CliList("get_load_balancer_quotas", "load-balancer", ["loadbalancer", "quota", "list"],
            {"project_id": "project_id", "loadbalancer": "load_balancer", "listener": "listener", "pool": "pool",
             "healthmonitor": "health_monitor", "member": "member", "l7policy": "l7policy", "l7rule": "l7rule"},
            ident="project_id", args={"all_projects": True, "detail_level": "detailed"}, admin_only=True),
    # Glance's members of shared images, tasks (admin) and stores.
    CliList("get_image_members", "image", ["image", "member", "list", "{parent}"],
            {"member_id": "member_id", "image_id": "image_id", "status": "status"}, ident="member_id",
            parents=("get_images", "id", "image"), parent_args={"visibility": "shared"}),
    CliList("get_image_tasks", "image", ["image", "task", "list"],
            {"id": "id", "type": "type", "status": "status", "owner": "owner"}, admin_only=True),
    CliList("get_image_stores", "image", ["image", "stores", "list"],
            {"id": "id", "description": "description", "default": "default"}),
    CliList("get_qos_policies", "network", ["network", "qos", "policy", "list"],
            {"id": "id", "name": "name", "shared": "shared", "is_default": "default"}, extension="qos"),
    CliList("get_rbac_policies", "network", ["network", "rbac", "list", "--long"],
            {"id": "id", "object_type": "object_type", "object_id": "object_id", "action": "action"},
            extension="rbac-policies"),
    CliList("get_port_forwardings", "network", ["floating", "ip", "port", "forwarding", "list", "{parent}"],
            {"id": "id", "protocol": "protocol", "external_port": "external_port", "internal_port": "internal_port",
             "internal_ip_address": "internal_ip_address", "internal_port_id": "internal_port_id"},
            args={"detail_level": "detailed"}, parents=("get_floating_ips", "id", "floating_ip"),
            parent_args={"filter": "seed:spare"}, extension="floating-ip-port-forwarding"),
    CliList("get_segments", "network", ["network", "segment", "list"],
            {"id": "id", "name": "name", "network_id": "network", "network_type": "network_type",
             "segmentation_id": "segment"}, admin_only=True, extension="segment"),
    CliList("get_address_scopes", "network", ["address", "scope", "list"],
            {"id": "id", "name": "name", "ip_version": "ip_version", "shared": "shared"}, extension="address-scope"),
    CliList("get_network_extensions", "network", ["extension", "list", "--network"],
            {"alias": "alias", "name": "name", "description": "description"}, ident="alias",
            args={"detail_level": "detailed"}),
    # Cinder's transfers, groups and QoS (seed_cinder_extras.py makes one of each); the group
    # commands need the microversion that has them.
    CliList("get_volume_transfers", "block-storage", ["volume", "transfer", "request", "list"],
            {"id": "id", "name": "name", "volume_id": "volume"}),
    CliList("get_volume_groups", "block-storage", ["--os-volume-api-version", "3.13", "volume", "group", "list"],
            {"id": "id", "name": "name", "status": "status"}),
    CliList("get_group_types", "block-storage", ["--os-volume-api-version", "3.11", "volume", "group", "type", "list"],
            {"id": "id", "name": "name", "is_public": "is_public", "group_specs": "group_specs"}),
    CliList("get_group_snapshots", "block-storage", ["--os-volume-api-version", "3.14", "volume", "group", "snapshot", "list"],
            {"id": "id", "name": "name", "status": "status"}),
    CliList("get_qos_specs", "block-storage", ["volume", "qos", "list"],
            {"id": "id", "name": "name", "consumer": "consumer", "associations": "associations", "properties": "properties"},
            admin_only=True),
    # Designate (seed_designate.py): zones, recordsets per zone, PTRs of floating IPs, transfer requests.
    CliList("get_zones", "dns", ["zone", "list"],
            {"id": "id", "name": "name", "type": "type", "serial": "serial", "status": "status", "action": "action"},
            args={"detail_level": "basic"}),
    CliList("get_recordsets", "dns", ["recordset", "list", "{parent}"],
            {"id": "id", "name": "name", "type": "type", "status": "status", "action": "action"},
            args={"detail_level": "basic"}, parents=("get_zones", "id", "zone")),
    # Designate lists every floating IP the caller sees; the CLI prints "" where no PTR is set.
    CliList("get_reverse_floating_ips", "dns", ["ptr", "record", "list"], {"id": "id", "ptrdname": "ptrdname"},
            args={"detail_level": "detailed"}, empty_is_null=("ptrdname",)),
    CliList("get_zone_transfer_requests", "dns", ["zone", "transfer", "request", "list"],
            {"id": "id", "zone_id": "zone_id", "zone_name": "zone_name", "target_project_id": "target_project_id",
             "status": "status"}, args={"detail_level": "basic"}),
    CliList("get_containers", "object-store", ["container", "list", "--long"],
            {"name": "name", "objects": "count", "bytes": "bytes"}, ident="name"),
    CliList("get_objects", "object-store", ["object", "list", "--long", "{parent}"],
            {"name": "name", "bytes": "bytes", "content_type": "content_type", "etag": "hash"}, ident="name",
            args={"detail_level": "detailed"}, parents=("get_containers", "name", "container")),
]


def _snake(key: str) -> str:
    return key.strip().lower().replace(" ", "_").replace("-", "_")


class Cli:
    def __init__(self, binary: str, run: Run) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("OS_")}
        self.binary, self.env = binary, {**env, **run.account.server_environment()}

    def __call__(self, *argv: str) -> Any:
        done = subprocess.run([self.binary, *argv, "-f", "json"], env=self.env, capture_output=True, text=True, timeout=180)
        if done.returncode != 0:
            raise RuntimeError(f"openstack {' '.join(argv)}: {done.stderr.strip()[-300:]}")
        value = json.loads(done.stdout or "null")
        if isinstance(value, list):
            return [{_snake(k): v for k, v in row.items()} for row in value]
        return {_snake(k): v for k, v in value.items()} if isinstance(value, dict) else value


def _cli_value(spec: CliList, key: str, value: Any) -> Any:
    if key in spec.convert and value is not None:
        return spec.convert[key](value)
    return None if value == "" and key in spec.empty_is_null else value


def _uuid(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


def _utc(text: str) -> str:
    return text[:-6] if text.endswith("+00:00") else text


async def _compare(run: Run, cli: Cli, spec: CliList, parent: str | None) -> None:
    label = f"{run.account.label} CLI {' '.join(spec.argv).replace('{parent}', parent or '')}"
    argv = [parent if a == "{parent}" else a for a in spec.argv]
    try:
        rows = await asyncio.to_thread(cli, *argv)
    except Exception as error:  # noqa: BLE001 - one failed command is one failed fact
        if "Forbidden" in str(error) or "403" in str(error):
            # The service refuses this account (Barbican's reader): our tool must refuse too.
            answer = await run.client.call(spec.tool, {**spec.args, "limit": 1})
            run.ledger.check(spec.tool, answer.is_error and "403" in answer.text,
                             f"{label}: the CLI is refused, and so is {spec.tool}: {answer.text[:200]}")
            return
        run.ledger.fail(spec.tool, f"{label}: {error}")
        return
    args = {**spec.args, "limit": 1000, **({spec.parents[2]: parent} if spec.parents else {})}
    ours, _ = await run.client.call_all(spec.tool, args)
    run.ledger.match(spec.tool, f"{label}: {spec.ident}s", Unordered([o.get(spec.ident) for o in ours]),
                     Unordered([_cli_value(spec, spec.ident, r.get(spec.fields[spec.ident])) for r in rows]))
    missing = [column for column in spec.fields.values() if rows and column not in rows[0]]
    if not run.ledger.check(spec.tool, not missing, f"{label}: the CLI prints no column {missing} (columns: {sorted(rows[0]) if rows else []})"):
        return
    theirs = {_cli_value(spec, spec.ident, r.get(spec.fields[spec.ident])): r for r in rows}
    for mine in ours:
        row = theirs.get(mine.get(spec.ident))
        if row is not None:
            run.ledger.match(spec.tool, f"{label} {mine.get(spec.ident)}",
                             {key: mine.get(key) for key in spec.fields},
                             {key: _cli_value(spec, key, row.get(column)) for key, column in spec.fields.items()})


# Our rule keys and the columns of `openstack network qos rule list POLICY`.
QOS_RULE_COLUMNS = {"type": "type", "direction": "direction", "max_kbps": "max_kbps",
                    "max_burst_kbps": "max_burst_kbits", "min_kbps": "min_kbps", "min_kpps": "min_kpps",
                    "dscp_mark": "dscp_mark"}


async def _compare_qos_rules(run: Run, cli: Cli) -> None:
    """The rules get_qos_policies embeds, against `openstack network qos rule list` of a few policies."""
    policies, _ = await run.client.call_all("get_qos_policies", {"limit": 1000, "detail_level": "basic"})
    for policy in policies[:6]:
        label = f"{run.account.label} CLI network qos rule list {policy.get('id')}"
        try:
            rows = await asyncio.to_thread(cli, "network", "qos", "rule", "list", policy.get("id"))
        except Exception as error:  # noqa: BLE001 - one failed command is one failed fact
            run.ledger.fail("get_qos_policies", f"{label}: {error}")
            continue
        ours = {rule.get("id"): rule for rule in policy.get("rules") or []}
        run.ledger.match("get_qos_policies", f"{label}: rule ids", Unordered(list(ours)), Unordered([r.get("id") for r in rows]))
        for row in rows:
            mine = ours.get(row.get("id"))
            if mine is not None:
                # The CLI prints "" for a field the rule's type does not have; our rule leaves it out.
                run.ledger.match("get_qos_policies", f"{label} {row.get('id')}",
                                 {key: mine.get(key) for key in QOS_RULE_COLUMNS},
                                 {key: None if row.get(col) == "" else row.get(col) for key, col in QOS_RULE_COLUMNS.items()})


def neutron_aliases(run: Run) -> set[str]:
    """The aliases of GET /v2.0/extensions, read once per run."""
    def read() -> set[str]:
        answer = run.account.get("network", "/extensions")
        rows = (answer.json or {}).get("extensions", []) if answer.status == 200 else []
        return {row.get("alias") for row in rows}
    return run.lookup("neutron-extensions", read)


async def _check_missing_extension(run: Run, spec: CliList) -> None:
    """Without the extension the CLI fails as well: our tool must name the missing extension."""
    args = {spec.parents[2]: "0.0.0.0"} if spec.parents else {}
    if spec.parents:
        owners, _ = await run.client.call_all(spec.parents[0], {"limit": 1000, **spec.parent_args})
        if not owners:
            run.ledger.note(f"{spec.tool}: no extension {spec.extension} and no parent to ask about: nothing to compare")
            return
        args = {spec.parents[2]: owners[0].get(spec.parents[1])}
    answer = await run.client.call(spec.tool, args)
    run.ledger.note(f"{spec.tool}: this Neutron has no extension {spec.extension}; checked that the tool says so")
    run.ledger.check(spec.tool, answer.is_error and "not enabled on this cloud" in answer.text,
                     f"{run.account.label} {spec.tool} without {spec.extension}: {answer.text[:300]}")


async def run_cli_checks(run: Run) -> None:
    """Every spec whose tool the server offers and whose service the catalog has."""
    binary = find_cli()
    if binary is None:
        run.ledger.note("no `openstack` CLI found (REALCLOUD_OPENSTACK_CLI, $OSTACK_BASE/venv, PATH): CLI comparisons skipped")
        return
    cli = Cli(binary, run)
    for spec in SPECS:
        if spec.tool not in run.client.tools or not run.account.has_service(spec.service) or (spec.admin_only and not run.admin):
            continue
        if spec.extension and spec.extension not in neutron_aliases(run):
            await _check_missing_extension(run, spec)
            continue
        if spec.parents is None:
            await _compare(run, cli, spec, None)
            continue
        tool, key, _ = spec.parents
        owners, _ = await run.client.call_all(tool, {"limit": 1000, **spec.parent_args})
        for owner in owners[:6]:  # a few parents are enough; each is one CLI start
            await _compare(run, cli, spec, owner.get(key))
    if "get_qos_policies" in run.client.tools and run.account.has_service("network") and "qos" in neutron_aliases(run):
        await _compare_qos_rules(run, cli)
    await run_lb_image_cli_checks(run, cli)
    await run_dns_cli_checks(run, cli)
    await check_project_scope_is_told(run)
    await check_secret_shows(run, cli)
    await check_node_shows(run, cli)
    await run_share_cli_checks(run, cli)
