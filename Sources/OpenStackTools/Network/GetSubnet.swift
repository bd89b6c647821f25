import Foundation
import OpenStackKit

/// `get_subnet`: one Neutron subnet by ID or exact name.
enum GetSubnet {
    static var definition: ToolDefinition {
        ShowTool<Subnet>(
            name: "get_subnet", title: "Show one subnet",
            description:
                "Show one Neutron subnet by ID or name.",
            noun: "subnet",
            nameOf: { $0.name },
            lookups: GetSubnets.lookups,
            basic: GetSubnets.basicColumns,
            detailed: GetSubnets.detailedColumns
        ).definition
    }
}
