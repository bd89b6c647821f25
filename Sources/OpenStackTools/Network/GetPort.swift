import Foundation
import OpenStackKit

/// `get_port`: one Neutron port by ID or exact name.
enum GetPort {
    static var definition: ToolDefinition {
        ShowTool<OpenStackKit.Port>(
            name: "get_port", title: "Show one port",
            description:
                "Show one Neutron port by ID or name; detailed adds its binding (binding:host_id, vif_type, vnic_type; admin), full the whole port with binding:vif_details.",
            noun: "port",
            nameOf: { $0.name },
            lookups: GetPorts.lookups,
            basic: GetPorts.basicColumns,
            detailed: GetPorts.detailedColumns
        ).definition
    }
}
