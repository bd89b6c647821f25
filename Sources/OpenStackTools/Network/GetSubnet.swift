import Foundation
import OpenStackKit

/// `get_subnet`: one Neutron subnet by ID or exact name.
enum GetSubnet {
    static var definition: ToolDefinition {
        ShowTool<Subnet>(
            name: "get_subnet", title: "Show one subnet",
            description:
                "Show one Neutron subnet by ID or name.",
            noun: "subnet", service: .network,
            path: { "/subnets/\($0)" },
            findByName: { name in
                ListRequest(service: .network, path: "/subnets", collectionKey: "subnets", query: [URLQueryItem(name: "name", value: name)])
            },
            nameOf: { $0.name },
            lookups: GetSubnets.lookups,
            basic: GetSubnets.basicColumns,
            detailed: GetSubnets.detailedColumns
        ).definition
    }
}
