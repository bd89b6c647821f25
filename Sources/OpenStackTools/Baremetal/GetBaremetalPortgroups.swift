import Foundation
import OpenStackKit

/// `get_baremetal_portgroups`: Ironic portgroups, bonds of ports.
enum GetBaremetalPortgroups {
    static var definition: ToolDefinition {
        ListTool<BaremetalPortgroup>(
            name: "get_baremetal_portgroups", title: "List bare-metal portgroups",
            description: "List Ironic portgroups (bonds): name, MAC address, node, bonding mode.",
            noun: "portgroup",
            searchFields: { [$0.name, $0.address, $0.nodeID] },
            basic: { group, _ in
                .compact([
                    ("id", .string(group.id)), ("name", group.name.json), ("address", group.address.json),
                    ("node_uuid", group.nodeID.json),
                ])
            },
            detailed: { group, _ in
                .compact([
                    ("mode", group.mode.json), ("standalone_ports_supported", group.standalonePortsSupported.json),
                    ("properties", group.raw["properties"]),
                ])
            }
        ).definition
    }
}
