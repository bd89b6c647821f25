import Foundation
import OpenStackKit

/// `get_zone`: one Designate zone by ID or name (an admin finds it in any project).
enum GetZone {
    static var definition: ToolDefinition { tool.definition }

    static let tool = ShowTool<Zone>(
        name: "get_zone", title: "Show one DNS zone",
        description: "Show one Designate zone by ID or name (with its trailing dot): status, serial, what failed.",
        noun: "zone", nameOf: { $0.name },
        basic: GetZones.basicColumns, detailed: GetZones.detailedColumns)
}
