#!/usr/bin/env python3
"""Seed Neutron's sharing reads on top of seed.py's data (openstacksdk), idempotently.

- RBAC: the demo project's `demo-net` shared with `alt_demo` (access_as_shared).
- Address scope `seed-scope-v4` (admin, shared) holding subnet pool `seed-pool-v4` (10.96.0.0/16).
- QoS policy `seed-bw-limit` (admin): a 10 Mbit/s egress limit, set on `spare-port`; only where
  this Neutron has the `qos` extension.
- A port forwarding TCP 2222 -> spare-port:22 on the spare floating IP (description seed:spare);
  only where this Neutron has `floating-ip-port-forwarding`.

The recipe's Neutron runs `service_plugins = router` with ML2 `extension_drivers = port_security`,
so QoS, port forwardings and segments are absent there: those steps say so and skip (the suite then
checks that our tools name the missing extension). RBAC and address scopes are part of ML2.
"""
import sys

from seed import FAILED, USER_PW, connect, get_or, step


def skip(what, alias):
    print(f"  skip   {what}: this Neutron has no {alias} extension", flush=True)


def main():
    admin = connect()
    nw = admin.network
    aliases = {ext.alias for ext in nw.extensions()}
    print("network sharing:")
    try:
        demo = connect("demo", "demo", USER_PW)
        demo.authorize()
    except Exception:  # noqa: BLE001 - seed.py may not have made the demo user
        demo = None
    alt = admin.identity.find_project("alt_demo")
    demo_net = demo.network.find_network("demo-net", project_id=demo.current_project_id) if demo else None

    if demo_net and alt:
        def share():
            for policy in demo.network.rbac_policies(object_id=demo_net.id, target_project_id=alt.id):
                return ("exists", policy)
            return demo.network.create_rbac_policy(
                object_type="network", object_id=demo_net.id, action="access_as_shared", target_project_id=alt.id)
        step("RBAC: demo-net (demo) shared with alt_demo", share)

    if "address-scope" in aliases:
        scope = step("address scope seed-scope-v4 (admin, shared)", get_or,
                     lambda: nw.find_address_scope("seed-scope-v4", project_id=admin.current_project_id),
                     lambda: nw.create_address_scope(name="seed-scope-v4", ip_version=4, shared=True))
        if scope:
            step("subnet pool seed-pool-v4 in seed-scope-v4", get_or,
                 lambda: nw.find_subnet_pool("seed-pool-v4", project_id=admin.current_project_id),
                 lambda: nw.create_subnet_pool(name="seed-pool-v4", prefixes=["10.96.0.0/16"],
                                               default_prefix_length=24, address_scope_id=scope.id))
    else:
        skip("address scope seed-scope-v4", "address-scope")

    port = nw.find_port("spare-port", project_id=admin.current_project_id)
    if "qos" in aliases:
        def policy():
            found = nw.find_qos_policy("seed-bw-limit", project_id=admin.current_project_id)
            if found:
                return ("exists", found)
            made = nw.create_qos_policy(name="seed-bw-limit", description="10 Mbit/s egress")
            nw.create_qos_bandwidth_limit_rule(made, max_kbps=10000, max_burst_kbps=8000, direction="egress")
            return made
        made = step("QoS policy seed-bw-limit (10 Mbit/s egress)", policy)
        if made and port:
            step("QoS policy seed-bw-limit on spare-port", lambda: nw.update_port(port, qos_policy_id=made.id))
    else:
        skip("QoS policy seed-bw-limit on spare-port", "qos")

    if "floating-ip-port-forwarding" in aliases:
        fip = next(iter(nw.ips(description="seed:spare", project_id=admin.current_project_id)), None)
        if fip and port:
            def forwarding():
                for existing in nw.port_forwardings(fip):
                    if existing.external_port == 2222:
                        return ("exists", existing)
                return nw.create_port_forwarding(
                    floatingip_id=fip.id, protocol="tcp", internal_port_id=port.id,
                    internal_ip_address=port.fixed_ips[0]["ip_address"], internal_port=22, external_port=2222,
                    description="seed: SSH to spare-port")
            step("port forwarding tcp 2222 -> spare-port:22 on the spare floating IP", forwarding)
    else:
        skip("port forwarding on the spare floating IP", "floating-ip-port-forwarding")

    print(f"seed_network_sharing: failed steps: {len(FAILED)}" + (f" -> {FAILED}" if FAILED else ""))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
