import Foundation
import OpenStackKit

/// `get_network`: one Neutron network by ID or exact name.
enum GetNetwork {
    static var definition: ToolDefinition {
        ShowTool<Network>(
            name: "get_network", title: "Show one network",
            description:
                "Show one Neutron network by ID or name, with its subnets.",
            noun: "network",
            nameOf: { $0.name },
            lookups: GetNetworks.lookups,
            basic: GetNetworks.basicColumns,
            detailed: GetNetworks.detailedColumns
        ).definition
    }
}
