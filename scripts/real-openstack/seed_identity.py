#!/usr/bin/env python3
"""Seed Keystone's unified limits and an application credential on top of seed.py's data
(openstacksdk), idempotently, for get_limits, get_registered_limits and get_application_credentials.

- Registered limits (defaults): compute `cores` 20 in RegionOne, compute `instances` 10 (no region).
- Project limits: the demo project's `cores` 40 in RegionOne.
- The admin's application credential `realcloud-readonly`, whose secret is a canary (Keystone shows
  it only in the create answer; no tool may ever show it).
seed.py already makes the group `ops-team` with `ops_reader` in it (get_groups, get_group_members).
Every object is looked up first; steps report like seed.py's.
"""
import os
import sys

from seed import FAILED, connect, step

APPCRED_SECRET = "osmcpcanary-keystone-appcred-secret"


def _service_id(idn, kind):
    return next((s.id for s in idn.services() if s.type == kind), None)


def seed_limits(admin):
    idn = admin.identity
    compute = _service_id(idn, "compute")
    if compute is None:
        print("  skip   unified limits: no compute service in the catalog", flush=True)
        return

    def registered(resource, default, region):
        for limit in idn.registered_limits(service_id=compute, resource_name=resource):
            if limit.region_id == region:
                return ("exists", limit)
        return idn.create_registered_limit(
            service_id=compute, resource_name=resource, default_limit=default, region_id=region,
            description=f"Default {resource} per project")

    step("registered limit compute cores=20 (RegionOne)", registered, "cores", 20, "RegionOne")
    step("registered limit compute instances=10", registered, "instances", 10, None)
    demo = idn.find_project("demo", domain_id="default")
    if demo is None:
        print("  skip   project limit: no demo project", flush=True)
        return

    def project_limit():
        for limit in idn.limits(service_id=compute, resource_name="cores", project_id=demo.id):
            return ("exists", limit)
        return idn.create_limit(
            service_id=compute, project_id=demo.id, resource_name="cores", resource_limit=40, region_id="RegionOne",
            description="Cores for the demo team")

    step("project limit compute cores=40 for demo (RegionOne)", project_limit)


def seed_application_credential(admin):
    idn = admin.identity
    user = admin.current_user_id

    def credential():
        found = idn.find_application_credential(user, "realcloud-readonly")
        if found:
            return ("exists", found)
        return idn.create_application_credential(
            user, "realcloud-readonly", secret=APPCRED_SECRET, description="Read-only access for the MCP server")

    step("application credential realcloud-readonly (admin; canary secret)", credential)


def seed_private_flavor(admin):
    """A private flavor the demo project may use (get_flavor_access), when Nova is up."""
    if " nova " not in f" {os.environ.get('OSTACK_SERVICES', 'nova')} ":
        return
    compute = admin.compute

    def flavor():
        found = compute.find_flavor("seed-private", ignore_missing=True)
        if found:
            return ("exists", found)
        return compute.create_flavor(name="seed-private", ram=256, vcpus=1, disk=1, is_public=False)

    made = step("flavor seed-private (private)", flavor)
    demo = admin.identity.find_project("demo", ignore_missing=True)
    if not made or not demo:
        return

    def access():
        current = {entry["tenant_id"] for entry in compute.get_flavor_access(made)}
        if demo.id in current:
            return ("exists", demo.id)
        compute.flavor_add_tenant_access(made, demo.id)
        return demo.id

    step("flavor seed-private: access for project demo", access)


def main():
    admin = connect()
    seed_limits(admin)
    seed_application_credential(admin)
    seed_private_flavor(admin)
    print(f"seed_identity: failed steps: {len(FAILED)}" + (f" -> {FAILED}" if FAILED else ""))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
