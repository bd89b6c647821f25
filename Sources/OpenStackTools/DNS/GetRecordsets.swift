import Foundation
import OpenStackKit

/// `get_recordsets`: the recordsets of one zone, or of every zone the caller sees.
enum GetRecordsets {
    static var definition: ToolDefinition {
        ListTool<Recordset>(
            name: "get_recordsets", title: "List DNS recordsets",
            description: "List Designate recordsets of one zone, or across zones: name, type, records, status, TTL.",
            noun: "recordset",
            extraProperties: ["zone": Schema.string("Zone ID or name; all zones when absent")],
            searchFields: { [$0.name, $0.type] + $0.records.map(Optional.some) },
            basic: basicColumns, detailed: detailedColumns,
            prepare: { cloud, arguments, request in
                guard let key = try arguments.string("zone") else { return request }
                var request = request
                let zone = try await GetZone.tool.find(key, cloud: cloud)
                request.path = Recordset.path(zone: zone.id)
                return request
            }
        ).definition
    }

    /// The columns of `openstack recordset list`.
    static func basicColumns(_ recordset: Recordset, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(recordset.id)), ("name", recordset.name.json), ("type", recordset.type.json),
            ("records", .array(recordset.records.map(JSONValue.string))), ("status", recordset.status.json),
            ("action", recordset.action.json), ("zone_name", recordset.zoneName.json), ("error", recordset.error.json),
        ])
    }

    static func detailedColumns(_ recordset: Recordset, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("ttl", recordset.ttl.json), ("zone_id", recordset.zoneID.json), ("project_id", recordset.projectID.json),
            ("description", recordset.description.json),
        ])
    }
}
