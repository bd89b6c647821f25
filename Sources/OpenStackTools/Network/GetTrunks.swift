import Foundation
import OpenStackKit

/// `get_trunks`: Neutron trunks with their subports and the device of each parent port (one
/// batched port lookup per page).
enum GetTrunks {
    static var definition: ToolDefinition {
        ListTool<Trunk>(
            name: "get_trunks", title: "List trunks",
            description:
                "List Neutron trunks (VLAN-aware ports): parent port, server, status, subports with VLAN IDs.",
            noun: "trunk",
            searchFields: { [$0.name, $0.description] },
            lookups: { cloud, trunks in
                var found = Lookups()
                found.network.ports = await NeutronLookup.ports(cloud, ids: trunks.compactMap(\.portID))
                return found
            },
            basic: { trunk, _ in
                .compact([
                    ("id", .string(trunk.id)), ("name", trunk.name.json), ("port_id", trunk.portID.json),
                    ("description", trunk.description.json),
                ])
            },
            detailed: { trunk, found in
                let parent = trunk.portID.flatMap { found.network.ports[$0] }
                return .compact([
                    ("status", trunk.status.json), ("admin_state_up", trunk.adminStateUp.json),
                    ("project_id", trunk.projectID.json),
                    ("parent_port", parent.map { port in
                        .object(.compact([
                            ("device_id", port.deviceID.json), ("device_owner", port.deviceOwner.json),
                            ("network_id", port.networkID.json), ("mac_address", port.macAddress.json),
                            ("fixed_ips", .array(port.fixedIPs.map(\.json))),
                        ]))
                    }),
                    ("sub_ports", .array(trunk.subPorts.map(\.json))), ("created_at", trunk.createdAt.json),
                ])
            }
        ).definition
    }
}
