import Foundation
import OpenStackKit

/// `get_floating_ip`: one floating IP by ID or by its address.
enum GetFloatingIP {
    static var definition: ToolDefinition {
        ShowTool<FloatingIP>(
            name: "get_floating_ip", title: "Show one floating IP",
            description:
                "Show one floating IP by ID or address, with the server behind it.",
            noun: "floating IP",
            // Floating IPs have no name: the address is what people know them by.
            nameOf: { $0.floatingIPAddress },
            extraProperties: ["id": Schema.string("The floating IP's ID, or its address, e.g. 172.24.4.228.")],
            lookups: GetFloatingIPs.lookups,
            basic: GetFloatingIPs.basicColumns,
            detailed: GetFloatingIPs.detailedColumns
        ).definition
    }
}
