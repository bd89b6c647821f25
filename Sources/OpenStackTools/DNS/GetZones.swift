import Foundation
import OpenStackKit

/// `get_zones`: Designate zones with their status, serial and, for a zone in ERROR, what failed.
enum GetZones {
    static var definition: ToolDefinition {
        ListTool<Zone>(
            name: "get_zones", title: "List DNS zones",
            description: "List Designate zones: status, action, serial, type, TTL, email, pool; what failed for a zone in ERROR.",
            noun: "zone",
            searchFields: { [$0.name, $0.email, $0.description] },
            basic: basicColumns, detailed: detailedColumns
        ).definition
    }

    /// The columns of `openstack zone list`, and the failure of a zone in ERROR.
    static func basicColumns(_ zone: Zone, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(zone.id)), ("name", zone.name.json), ("type", zone.type.json), ("serial", zone.serial.json),
            ("status", zone.status.json), ("action", zone.action.json), ("error", zone.error.json),
        ])
    }

    static func detailedColumns(_ zone: Zone, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("email", zone.email.json), ("ttl", zone.ttl.json), ("pool_id", zone.poolID.json),
            ("project_id", zone.projectID.json), ("description", zone.description.json),
            ("masters", zone.masters.isEmpty ? nil : .array(zone.masters.map(JSONValue.string))),
            ("created_at", zone.createdAt.json), ("updated_at", zone.updatedAt.json),
        ])
    }
}
