import Foundation
import OpenStackKit

/// `get_baremetal_ports`: Ironic ports, the NICs of nodes.
enum GetBaremetalPorts {
    static var definition: ToolDefinition {
        ListTool<BaremetalPort>(
            name: "get_baremetal_ports", title: "List bare-metal ports",
            description: "List Ironic ports: MAC address, node, portgroup, PXE, physical network and switch port.",
            noun: "port",
            searchFields: { [$0.address, $0.name, $0.nodeID] },
            basic: { port, _ in
                .compact([
                    ("id", .string(port.id)), ("address", port.address.json), ("node_uuid", port.nodeID.json),
                    ("portgroup_uuid", port.portgroupID.json), ("pxe_enabled", port.pxeEnabled.json),
                ])
            },
            detailed: { port, _ in
                .compact([
                    ("name", port.name.json), ("physical_network", port.physicalNetwork.json),
                    ("local_link_connection", port.localLinkConnection),
                ])
            }
        ).definition
    }
}
