#!/usr/bin/env python3
"""Seed two tenants that read the cloud as themselves, for per-caller identity (openstacksdk),
idempotently and additively (it only adds objects of its own names):

- projects `alpha` and `beta` (domain Default), each with a network + subnet, a volume and a
  server made by its own member, so that one caller's answers can be shown to hold none of the
  other's;
- users `alpha-user` (member of alpha) and `beta-user` (member of beta), password `secret`, each
  with an application credential `callers-<project>` whose secret is fixed (APPCRED_SECRETS, so
  that clouds.yaml can name it) and a canary: no answer or log may ever hold it;
- groups `fed-alpha` (member on alpha) and `fed-beta` (member on beta);
- Keystone federation for the tests' issuer (federation.sh runs it on :9400): identity provider
  `ostack-oidc` (remote_ids = the issuer URL), mapping `ostack-oidc-mapping` (claim `sub` -> the
  user's name; claim `groups`, only fed-alpha and fed-beta -> Keystone groups in Default), protocol
  `openid` (remote_id_attribute OIDC_CLAIM_iss, as mod_auth_openidc names the iss claim).

Writes $OSTACK_BASE/etc/callers.json (IDs, secrets, federation parameters) for the test suite and
$OSTACK_BASE/etc/clouds-callers.yaml (CLI clouds as these users). README "Per-caller identity".
"""
import json
import os
import sys

from seed import FAILED, SERVICES, USER_PW, connect, get_or, step

BASE = os.environ.get("OSTACK_BASE", "/tmp/ostack")
ISSUER = os.environ.get("OSTACK_FED_ISSUER", "http://127.0.0.1:9400")
AUDIENCE = os.environ.get("OSTACK_FED_AUDIENCE", "openstack")
FED_AUTH_URL = os.environ.get("OSTACK_FED_AUTH_URL", "http://127.0.0.1:5001/v3")
IDP, MAPPING, PROTOCOL = "ostack-oidc", "ostack-oidc-mapping", "openid"
TENANTS = {"alpha": "10.61.0.0/24", "beta": "10.62.0.0/24"}
APPCRED_SECRETS = {"alpha": "osmcpcanary-appcred-alpha-user", "beta": "osmcpcanary-appcred-beta-user"}
RULES = [{
    "local": [{"user": {"name": "{0}"}}, {"groups": "{1}", "domain": {"name": "Default"}}],
    "remote": [{"type": "OIDC_CLAIM_sub"},
               {"type": "OIDC_CLAIM_groups", "whitelist": [f"fed-{t}" for t in TENANTS]}],
}]
# The federated callers the suite mints tokens for (the issuer's /token?sub=...&groups=...).
FED_CALLERS = {"alice": {"groups": ["fed-alpha"], "project": "alpha"},
               "bob": {"groups": ["fed-beta"], "project": "beta"}}


def seed_identity(admin):
    idn = admin.identity
    member = idn.find_role("member")
    out = {}
    for tenant in TENANTS:
        project = step(f"project {tenant}", get_or, lambda t=tenant: idn.find_project(t, domain_id="default"),
                       lambda t=tenant: idn.create_project(name=t, domain_id="default",
                                                           description=f"per-caller tenant {t}"))
        group = step(f"group fed-{tenant}", get_or, lambda t=tenant: idn.find_group(f"fed-{t}", domain_id="default"),
                     lambda t=tenant: idn.create_group(name=f"fed-{t}", domain_id="default",
                                                       description=f"federated members of {t}"))
        user = step(f"user {tenant}-user", get_or,
                    lambda t=tenant: idn.find_user(f"{t}-user", domain_id="default"),
                    lambda t=tenant: idn.create_user(name=f"{t}-user", password=USER_PW, domain_id="default",
                                                     default_project_id=project.id))
        if project and group:
            step(f"role member for group fed-{tenant} on {tenant}",
                 idn.assign_project_role_to_group, project, group, member)
        if project and user:
            step(f"role member for {tenant}-user on {tenant}", idn.assign_project_role_to_user, project, user, member)
        out[tenant] = {"project": project, "user": user}
    return out


def seed_federation(admin):
    idn = admin.identity

    def put_or_patch(path, key, body):
        found = idn.get(path)
        if found.status_code == 404:
            answer = idn.put(path, json={key: body})
            answer.raise_for_status()
            return answer.json()[key]
        found.raise_for_status()
        current = found.json()[key]
        # Keystone does not show a protocol's remote_id_attribute: a key it leaves out counts as equal
        if all(current.get(k, v) == v for k, v in body.items()):
            return ("exists", current)
        answer = idn.patch(path, json={key: body})
        answer.raise_for_status()
        return answer.json()[key]

    step(f"identity provider {IDP} (remote_ids {ISSUER})", put_or_patch,
         f"/OS-FEDERATION/identity_providers/{IDP}", "identity_provider",
         {"remote_ids": [ISSUER], "enabled": True, "description": "the tests' OAuth issuer (oauth_issuer.py)"})
    step(f"mapping {MAPPING}", put_or_patch, f"/OS-FEDERATION/mappings/{MAPPING}", "mapping", {"rules": RULES})
    step(f"protocol {PROTOCOL} of {IDP}", put_or_patch,
         f"/OS-FEDERATION/identity_providers/{IDP}/protocols/{PROTOCOL}", "protocol",
         {"mapping_id": MAPPING, "remote_id_attribute": "OIDC_CLAIM_iss"})


def seed_tenant(tenant, cidr, ids):
    """Resources made by the tenant's own member, so they belong to its project."""
    conn = connect(f"{tenant}-user", tenant, USER_PW)
    found = {}

    def appcred():
        user = conn.current_user_id
        existing = conn.identity.find_application_credential(user, f"callers-{tenant}")
        if existing:
            return ("exists", existing)
        return conn.identity.create_application_credential(
            user, f"callers-{tenant}", secret=APPCRED_SECRETS[tenant],
            description=f"per-caller identity tests: reads {tenant} as {tenant}-user")

    found["appcred"] = step(f"application credential callers-{tenant} ({tenant}-user)", appcred)
    ids[tenant]["appcred"] = found["appcred"]
    if "neutron" not in SERVICES:
        return
    net = step(f"network {tenant}-net", get_or,
               lambda: conn.network.find_network(f"{tenant}-net", project_id=conn.current_project_id),
               lambda: conn.network.create_network(name=f"{tenant}-net"))
    if net:
        step(f"subnet {tenant}-subnet ({cidr})", get_or,
             lambda: conn.network.find_subnet(f"{tenant}-subnet", project_id=conn.current_project_id),
             lambda: conn.network.create_subnet(name=f"{tenant}-subnet", network_id=net.id, ip_version=4, cidr=cidr))

    def volume():
        existing = conn.block_storage.find_volume(f"{tenant}-vol")
        if existing:
            return ("exists", existing)
        made = conn.block_storage.create_volume(name=f"{tenant}-vol", size=1, description=f"{tenant}'s disk")
        return conn.block_storage.wait_for_status(made, "available", failures=["error"], wait=120)

    if "cinder" in SERVICES:
        step(f"volume {tenant}-vol (1G)", volume)

    def server():
        existing = conn.compute.find_server(f"{tenant}-vm")
        if existing:
            return ("exists", existing)
        flavor = conn.compute.find_flavor("m1.tiny")
        image = conn.image.find_image("cirros-0.6.3-fake")
        made = conn.compute.create_server(name=f"{tenant}-vm", flavor_id=flavor.id, image_id=image.id,
                                          networks=[{"uuid": net.id}])
        return conn.compute.wait_for_server(made, status="ACTIVE", failures=["ERROR"], wait=180)

    if net and "nova" in SERVICES and "glance" in SERVICES:
        step(f"server {tenant}-vm ({tenant}-net)", server)


def write_files(ids):
    callers = {
        "federation": {"auth_url": FED_AUTH_URL, "issuer": ISSUER, "audience": AUDIENCE,
                       "identity_provider": IDP, "protocol": PROTOCOL, "callers": FED_CALLERS},
        "application_credentials": {},
    }
    clouds = {}
    for tenant, got in ids.items():
        project, user, cred = got.get("project"), got.get("user"), got.get("appcred")
        if not (project and user and cred):
            continue
        callers["application_credentials"][f"{tenant}-user"] = {
            "id": cred.id, "name": cred.name, "secret": APPCRED_SECRETS[tenant], "user_id": user.id,
            "project": tenant, "project_id": project.id}
        common = {"region_name": "RegionOne", "interface": "public", "identity_api_version": 3}
        clouds[f"ostack-{tenant}-user"] = dict(common, auth={
            "auth_url": "http://127.0.0.1:5000/v3", "username": f"{tenant}-user", "password": USER_PW,
            "project_name": tenant, "user_domain_name": "Default", "project_domain_name": "Default"})
        clouds[f"ostack-{tenant}-appcred"] = dict(common, auth_type="v3applicationcredential", auth={
            "auth_url": "http://127.0.0.1:5000/v3", "application_credential_id": cred.id,
            "application_credential_secret": APPCRED_SECRETS[tenant]})
    os.makedirs(f"{BASE}/etc", exist_ok=True)
    with open(f"{BASE}/etc/callers.json", "w") as out:
        json.dump(callers, out, indent=2)
    with open(f"{BASE}/etc/clouds-callers.yaml", "w") as out:
        # JSON is YAML: no PyYAML needed
        json.dump({"clouds": clouds}, out, indent=2)
    print(f"  wrote {BASE}/etc/callers.json and {BASE}/etc/clouds-callers.yaml", flush=True)


def main():
    admin = connect()
    print("per-caller identity:")
    ids = seed_identity(admin)
    seed_federation(admin)
    for tenant, cidr in TENANTS.items():
        if ids[tenant]["project"] and ids[tenant]["user"]:
            seed_tenant(tenant, cidr, ids)
    write_files(ids)
    print(f"seed_callers: failed steps: {len(FAILED)}" + (f" -> {FAILED}" if FAILED else ""))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
