#!/usr/bin/env python3
"""Seed the Octavia and Glance reads of issue 23 on top of seed.py and seed_extras.py, idempotently.

- On web-lb's listener `web-http`: L7 policy `seed-api-to-pool` (REDIRECT_TO_POOL web-pool,
  position 1) with rules PATH STARTS_WITH /api and HEADER X-Api-Version EQUAL_TO 2, and
  `seed-legacy-redirect` (REDIRECT_PREFIX https://www.example.com, 301) with a HOST_NAME rule.
- An Octavia flavor `seed-single` (profile `seed-single-profile`, topology SINGLE) and an
  availability zone `seed-az` (profile `seed-az-profile`, compute zone nova).
- alt_demo's load-balancer quota: 20 balancers, 40 members (the rest left at the default).
- A Glance task: image `seed-imported` made by the interoperable import (glance-direct), which
  Glance runs as a task (`openstack image task list`, admin).

seed.py already makes the shared image `demo-shared` with alt_demo as its member.
"""
import os
import sys
import tempfile

from seed import FAILED, SERVICES, connect, get_or, step
from seed_extras import wait


def seed_octavia(admin):
    lb_api = admin.load_balancer
    print("octavia reads:")
    listener = lb_api.find_listener("web-http", ignore_missing=True)
    pool = lb_api.find_pool("web-pool", ignore_missing=True)
    if listener is None or pool is None:
        FAILED.append("L7 policies: no web-http listener or web-pool (seed_extras.py)")
        print("  FAILED L7 policies: no web-http listener or web-pool (seed_extras.py)", flush=True)
        return
    lb_id = listener.load_balancers[0]["id"]

    def active():
        return wait("web-lb ACTIVE", lambda: lb_api.get_load_balancer(lb_id).provisioning_status == "ACTIVE")

    def policy(name, rules, **attrs):
        def make():
            found = next((p for p in lb_api.l7_policies(listener_id=listener.id) if p.name == name), None)
            if found:
                return ("exists", found)
            active()
            made = lb_api.create_l7_policy(name=name, listener_id=listener.id, **attrs)
            for rule in rules:
                active()
                lb_api.create_l7_rule(made, **rule)
            active()
            return made
        return make

    step("L7 policy seed-api-to-pool (REDIRECT_TO_POOL web-pool: PATH /api, header X-Api-Version 2)", policy(
        "seed-api-to-pool",
        [{"type": "PATH", "compare_type": "STARTS_WITH", "rule_value": "/api"},
         {"type": "HEADER", "compare_type": "EQUAL_TO", "key": "X-Api-Version", "rule_value": "2"}],
        action="REDIRECT_TO_POOL", redirect_pool_id=pool.id, position=1))
    step("L7 policy seed-legacy-redirect (REDIRECT_PREFIX https://www.example.com, 301)", policy(
        "seed-legacy-redirect", [{"type": "HOST_NAME", "compare_type": "EQUAL_TO", "rule_value": "old.example.com"}],
        action="REDIRECT_PREFIX", redirect_prefix="https://www.example.com", redirect_http_code=301, position=2))

    profile = step("flavor profile seed-single-profile (amphora, SINGLE)", get_or,
                   lambda: lb_api.find_flavor_profile("seed-single-profile", ignore_missing=True),
                   lambda: lb_api.create_flavor_profile(
                       name="seed-single-profile", provider_name="amphora",
                       flavor_data='{"loadbalancer_topology": "SINGLE"}'))
    if profile:
        step("flavor seed-single", get_or,
             lambda: lb_api.find_flavor("seed-single", ignore_missing=True),
             lambda: lb_api.create_flavor(name="seed-single", flavor_profile_id=profile.id,
                                          description="seed: one amphora per balancer", is_enabled=True))
    zone_profile = step("availability zone profile seed-az-profile (amphora, compute zone nova)", get_or,
                        lambda: lb_api.find_availability_zone_profile("seed-az-profile", ignore_missing=True),
                        lambda: lb_api.create_availability_zone_profile(
                            name="seed-az-profile", provider_name="amphora",
                            availability_zone_data='{"compute_zone": "nova"}'))
    if zone_profile:
        step("availability zone seed-az", get_or,
             lambda: lb_api.find_availability_zone("seed-az", ignore_missing=True),
             lambda: lb_api.create_availability_zone(
                 name="seed-az", availability_zone_profile_id=zone_profile.id,
                 description="seed: the nova zone", is_enabled=True))

    alt = admin.identity.find_project("alt_demo")
    if alt:
        def quota():
            current = lb_api.get_quota(alt.id)
            if current.load_balancers == 20 and current.members == 40:
                return ("exists", current)
            return lb_api.update_quota(alt.id, load_balancers=20, members=40)
        step("load-balancer quota of alt_demo (20 balancers, 40 members)", quota)


def seed_glance_task(admin):
    print("glance reads:")
    image_api = admin.image

    def imported():
        found = image_api.find_image("seed-imported", ignore_missing=True)
        if found and found.status == "active":
            return ("exists", found)
        if found is None:
            found = image_api.create_image(name="seed-imported", disk_format="raw", container_format="bare",
                                           visibility="private")
        if found.status == "queued":
            with tempfile.NamedTemporaryFile() as blob:
                blob.write(os.urandom(64 << 10))
                blob.flush()
                with open(blob.name, "rb") as data:
                    image_api.stage_image(found, data=data)
        if image_api.get_image(found.id).status == "uploading":
            image_api.import_image(found, method="glance-direct")
        return wait("seed-imported active", lambda: image_api.get_image(found.id).status == "active" and found)
    step("image seed-imported by glance-direct import (a Glance task)", imported)


def main():
    admin = connect()
    if "octavia" in SERVICES:
        seed_octavia(admin)
    if "glance" in SERVICES:
        seed_glance_task(admin)
    print(f"seed_lb_image_reads: failed steps: {len(FAILED)}" + (f" -> {FAILED}" if FAILED else ""))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
