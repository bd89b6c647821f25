import Foundation

/// JSON documents of ports, routers, floating IPs and trunks (keys as in the neutron-lib samples).
extension NeutronAPI {
    static func fixedIPs(_ addresses: [DemoFixedIP]) -> JSON {
        .array(addresses.map { ["subnet_id": .string($0.subnetID), "ip_address": .string($0.ipAddress)] })
    }

    func renderPort(_ port: DemoPort, index: NeutronIndex, admin: Bool) -> JSON {
        let created = Timestamp.format(port.createdAt, .seconds)
        var body: JSON = ["admin_state_up": true, "allowed_address_pairs": []]
        // Neutron's policy shows the VNIC type to the port's owner; the rest of the binding to admins only.
        body.set("binding:vnic_type", "normal")
        if admin {
            let bound = !port.hostID.isEmpty
            body.set("binding:host_id", .string(port.hostID))
            body.set("binding:profile", [:])
            body.set("binding:vif_details", bound ? ["port_filter": true, "connectivity": "l2", "bridge_name": "br-int", "datapath_type": "system"] : [:])
            body.set("binding:vif_type", bound ? "ovs" : "unbound")
        }
        let hostname = "host-" + (port.fixedIPs.first?.ipAddress.replacingOccurrences(of: ".", with: "-") ?? port.id)
        for (key, value) in [
            ("created_at", JSON.string(created)), ("data_plane_status", nil), ("description", ""),
            ("device_id", .string(port.deviceID)), ("device_owner", .string(port.deviceOwner)),
            ("dns_assignment", .array(port.fixedIPs.map {
                ["hostname": .string(hostname), "ip_address": .string($0.ipAddress), "fqdn": .string(hostname + ".openstacklocal.")]
            })),
            ("dns_domain", ""), ("dns_name", ""), ("extra_dhcp_opts", []), ("fixed_ips", Self.fixedIPs(port.fixedIPs)),
            ("id", .string(port.id)), ("ip_allocation", "immediate"), ("mac_address", .string(port.macAddress)),
            ("name", .string(port.name)), ("network_id", .string(port.networkID)), ("port_security_enabled", true),
            ("project_id", .string(port.projectID)), ("revision_number", 2),
            ("security_groups", .strings(port.securityGroupIDs)), ("status", .string(port.status)), ("tags", []),
            ("tenant_id", .string(port.projectID)), ("updated_at", .string(created)), ("qos_network_policy_id", nil),
            ("qos_policy_id", nil), ("propagate_uplink_status", false),
        ] as [(String, JSON)] {
            body.set(key, value)
        }
        if let trunk = port.trunkID.flatMap({ index.trunkByID[$0] }) {
            body.set("trunk_details", [
                "trunk_id": .string(trunk.id),
                "sub_ports": .array(trunk.subPorts.map { subPort in
                    [
                        "segmentation_id": .int(subPort.segmentationID), "port_id": .string(subPort.portID),
                        "segmentation_type": "vlan", "mac_address": .string(subPort.macAddress),
                    ]
                }),
            ])
        }
        return body
    }

    func renderRouter(_ router: DemoRouter, admin: Bool) -> JSON {
        let created = Timestamp.format(router.createdAt, .seconds)
        var body: JSON = [
            "admin_state_up": true, "availability_zone_hints": [], "availability_zones": ["nova"],
            "created_at": .string(created), "description": .string(router.description),
        ]
        if admin { body.set("distributed", false) }
        body.set("external_gateway_info", [
            "enable_snat": .bool(router.enableSNAT), "external_fixed_ips": Self.fixedIPs(router.externalFixedIPs),
            "network_id": .string(router.externalNetworkID),
        ])
        body.set("flavor_id", nil)
        if admin { body.set("ha", false) }
        for (key, value) in [
            ("id", JSON.string(router.id)), ("name", .string(router.name)), ("revision_number", 3), ("routes", []),
            ("status", .string(router.status)), ("updated_at", .string(created)), ("project_id", .string(router.projectID)),
            ("tenant_id", .string(router.projectID)), ("service_type_id", nil), ("tags", []), ("conntrack_helpers", []),
        ] as [(String, JSON)] {
            body.set(key, value)
        }
        return body
    }

    func renderFloatingIP(_ floatingIP: DemoFloatingIP, index: NeutronIndex) -> JSON {
        let created = Timestamp.format(floatingIP.createdAt, .seconds)
        let portDetails: JSON = floatingIP.portID.flatMap { index.portByID[$0] }.map { port in
            [
                "status": .string(port.status), "name": .string(port.name), "admin_state_up": true,
                "network_id": .string(port.networkID), "device_owner": .string(port.deviceOwner),
                "mac_address": .string(port.macAddress), "device_id": .string(port.deviceID),
            ]
        } ?? nil
        return [
            "router_id": .str(floatingIP.routerID), "description": .string(floatingIP.description), "dns_domain": "",
            "dns_name": "", "created_at": .string(created), "updated_at": .string(created), "revision_number": 1,
            "project_id": .string(floatingIP.projectID), "tenant_id": .string(floatingIP.projectID),
            "floating_network_id": .string(floatingIP.floatingNetworkID),
            "fixed_ip_address": .str(floatingIP.fixedIPAddress), "floating_ip_address": .string(floatingIP.floatingIPAddress),
            "port_id": .str(floatingIP.portID), "id": .string(floatingIP.id), "status": .string(floatingIP.status),
            "port_details": portDetails, "tags": [], "port_forwardings": [], "qos_network_policy_id": nil,
            "qos_policy_id": nil,
        ]
    }

    func renderTrunk(_ trunk: DemoTrunk) -> JSON {
        let created = Timestamp.format(trunk.createdAt, .seconds)
        return [
            "status": .string(trunk.status),
            "sub_ports": .array(trunk.subPorts.map {
                ["segmentation_type": "vlan", "port_id": .string($0.portID), "segmentation_id": .int($0.segmentationID)]
            }),
            "name": .string(trunk.name), "admin_state_up": true, "project_id": .string(trunk.projectID),
            "tenant_id": .string(trunk.projectID), "created_at": .string(created), "updated_at": .string(created),
            "revision_number": 2, "port_id": .string(trunk.portID), "id": .string(trunk.id), "description": "",
        ]
    }
}
