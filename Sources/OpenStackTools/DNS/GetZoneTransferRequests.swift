import Foundation
import OpenStackKit

/// `get_zone_transfer_requests`: offers to move a zone between projects, outgoing and incoming.
/// The key that accepts an offer is shown as `***`.
enum GetZoneTransferRequests {
    static var definition: ToolDefinition {
        ListTool<ZoneTransferRequest>(
            name: "get_zone_transfer_requests", title: "List zone transfer requests",
            description: "List Designate zone transfer requests, made and received: zone, target project, status.",
            noun: "transfer request",
            searchFields: { [$0.zoneName, $0.description, $0.targetProjectID] },
            basic: { request, _ in
                .compact([
                    ("id", .string(request.id)), ("zone_name", request.zoneName.json), ("zone_id", request.zoneID.json),
                    ("target_project_id", request.targetProjectID.json), ("status", request.status.json),
                ])
            },
            detailed: { request, _ in
                .compact([
                    ("project_id", request.projectID.json), ("description", request.description.json),
                    ("created_at", request.createdAt.json),
                ])
            }
        ).definition
    }
}
