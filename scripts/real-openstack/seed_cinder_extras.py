#!/usr/bin/env python3
"""Seed Cinder's transfers, groups and QoS on top of seed.py's data (openstacksdk), idempotently,
for get_volume_transfers, get_volume_groups, get_group_types, get_group_snapshots, get_qos_specs
and get_volume_type.

- A private volume type `seed-private-luks` (fake backend) that the demo project may use, with a
  LUKS encryption spec.
- A QoS spec `seed-qos-gold` (back-end, total_iops_sec 1000) associated with that type.
- A volume `seed-transfer-vol` (admin project) offered by the transfer request `seed-transfer`.
- A group type `seed-generic` (no consistent snapshots, so the fake driver's generic groups do),
  a group `seed-group` with the volume `seed-group-vol` in it, and its snapshot `seed-group-snap`.
Every object is looked up by name first; steps report like seed.py's. Only additions: nothing
that other seeds made is changed.
"""
import sys

from seed import FAILED, connect, step
from seed_extras import wait

GROUPS = "3.14"      # groups 3.13, group snapshots 3.14
TRANSFERS = "3.57"   # /volume-transfers from 3.55, with the project fields from 3.57


def _get(bs, path, key, microversion=None):
    answer = bs.get(path, microversion=microversion)
    answer.raise_for_status()
    return answer.json().get(key, [])


def _post(bs, path, body, key, microversion=None):
    answer = bs.post(path, json=body, microversion=microversion)
    if answer.status_code >= 400:
        raise RuntimeError(f"POST {path}: HTTP {answer.status_code} {answer.text[:200]}")
    return answer.json().get(key) if key else None


def _named(items, name):
    return next((item for item in items if item.get("name") == name), None)


def _volume(bs, name, type_name, group_id=None):
    found = _named(_get(bs, "/volumes/detail", "volumes", GROUPS), name)
    if found:
        return ("exists", found)
    body = {"volume": {"name": name, "size": 1, "volume_type": type_name, **({"group_id": group_id} if group_id else {})}}
    created = _post(bs, "/volumes", body, "volume", GROUPS)
    return wait(f"volume {name} available", lambda: _available(bs, created["id"]), timeout=180)


def _available(bs, volume_id):
    volume = _get(bs, f"/volumes/{volume_id}", "volume")
    if volume.get("status") == "error":
        raise RuntimeError(f"volume {volume_id} went to error")
    return volume if volume.get("status") == "available" else None


def seed_types(admin, demo_project):
    bs = admin.block_storage

    def private_type():
        found = _named(_get(bs, "/types?is_public=None", "volume_types"), "seed-private-luks")
        if found:
            return ("exists", found)
        return _post(bs, "/types", {"volume_type": {
            "name": "seed-private-luks", "description": "Private, encrypted (seed_cinder_extras.py)",
            "os-volume-type-access:is_public": False, "extra_specs": {"volume_backend_name": "fake"}}}, "volume_type")

    vtype = step("volume type seed-private-luks (private)", private_type)
    if not vtype:
        return None

    def access():
        listed = _get(bs, f"/types/{vtype['id']}/os-volume-type-access", "volume_type_access")
        if any(row.get("project_id") == demo_project for row in listed):
            return ("exists", listed)
        return _post(bs, f"/types/{vtype['id']}/action", {"addProjectAccess": {"project": demo_project}}, None)

    if demo_project:
        step("seed-private-luks: access for the demo project", access)

    def encryption():
        current = bs.get(f"/types/{vtype['id']}/encryption").json()
        if current.get("provider"):
            return ("exists", current)
        return _post(bs, f"/types/{vtype['id']}/encryption", {"encryption": {
            "provider": "luks", "cipher": "aes-xts-plain64", "key_size": 256, "control_location": "front-end"}}, "encryption")

    step("seed-private-luks: LUKS encryption", encryption)

    def qos():
        found = _named(_get(bs, "/qos-specs", "qos_specs"), "seed-qos-gold")
        if found:
            return ("exists", found)
        return _post(bs, "/qos-specs", {"qos_specs": {"name": "seed-qos-gold", "consumer": "back-end", "total_iops_sec": "1000"}},
                     "qos_specs")

    spec = step("QoS spec seed-qos-gold (back-end, total_iops_sec=1000)", qos)
    if spec:
        def associate():
            linked = _get(bs, f"/qos-specs/{spec['id']}/associations", "qos_associations")
            if any(row.get("id") == vtype["id"] for row in linked):
                return ("exists", linked)
            # Cinder associates with a GET on this path.
            answer = bs.get(f"/qos-specs/{spec['id']}/associate?vol_type_id={vtype['id']}")
            if answer.status_code >= 400:
                raise RuntimeError(f"associate: HTTP {answer.status_code} {answer.text[:200]}")
            return linked

        step("seed-qos-gold associated with seed-private-luks", associate)
    return vtype


def seed_transfer(admin):
    bs = admin.block_storage
    volume = step("volume seed-transfer-vol (1 GiB, fake)", _volume, bs, "seed-transfer-vol", "fake")
    if not volume:
        return

    def transfer():
        found = _named(_get(bs, "/volume-transfers/detail", "transfers", TRANSFERS), "seed-transfer")
        if found:
            return ("exists", found)
        # The answer's auth_key is what the receiver would need; it is not kept.
        return _post(bs, "/volume-transfers", {"transfer": {"volume_id": volume["id"], "name": "seed-transfer"}},
                     "transfer", TRANSFERS)

    step("transfer request seed-transfer (seed-transfer-vol)", transfer)


def seed_groups(admin):
    bs = admin.block_storage

    def group_type():
        found = _named(_get(bs, "/group_types", "group_types", GROUPS), "seed-generic")
        if found:
            return ("exists", found)
        return _post(bs, "/group_types", {"group_type": {"name": "seed-generic", "description": "Generic volume group (seed)"}},
                     "group_type", GROUPS)

    gtype = step("group type seed-generic", group_type)
    fake = _named(_get(bs, "/types", "volume_types"), "fake")
    if not gtype or not fake:
        return

    def group():
        found = _named(_get(bs, "/groups/detail", "groups", GROUPS), "seed-group")
        if found:
            return ("exists", found)
        created = _post(bs, "/groups", {"group": {"name": "seed-group", "group_type": gtype["id"], "volume_types": [fake["id"]],
                                                  "description": "Two-volume group (seed)"}}, "group", GROUPS)
        return wait("group seed-group available",
                    lambda: (g := _get(bs, f"/groups/{created['id']}", "group", GROUPS)).get("status") == "available" and g,
                    timeout=120)

    grp = step("group seed-group (seed-generic, fake)", group)
    if not grp:
        return
    step("volume seed-group-vol in seed-group", _volume, bs, "seed-group-vol", "fake", grp["id"])

    def snapshot():
        found = _named(_get(bs, "/group_snapshots/detail", "group_snapshots", GROUPS), "seed-group-snap")
        if found:
            return ("exists", found)
        created = _post(bs, "/group_snapshots", {"group_snapshot": {"group_id": grp["id"], "name": "seed-group-snap"}},
                        "group_snapshot", GROUPS)
        return wait("group snapshot seed-group-snap available",
                    lambda: (s := _get(bs, f"/group_snapshots/{created['id']}", "group_snapshot", GROUPS)).get("status")
                    in ("available", "error") and s, timeout=120)

    step("group snapshot seed-group-snap", snapshot)


def main():
    admin = connect()
    print("cinder extras:")
    demo = admin.identity.find_project("demo", domain_id="default")
    seed_types(admin, demo.id if demo else None)
    seed_transfer(admin)
    seed_groups(admin)
    print(f"seed_cinder_extras: failed steps: {len(FAILED)}" + (f" -> {FAILED}" if FAILED else ""))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
