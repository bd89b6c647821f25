import Foundation
import OpenStackKit

/// `get_volume_services`: Cinder's services and their up/down state (admin).
enum GetVolumeServices {
    static var definition: ToolDefinition {
        ListTool<VolumeService>(
            name: "get_volume_services", title: "List block storage services",
            description:
                "List Cinder services per host (admin): enabled/disabled, up/down.",
            noun: "service host or binary",
            extraProperties: [
                "host": Schema.string("Only services on this host (for cinder-volume: host@backend)."),
                "binary": Schema.string("Only this binary, e.g. cinder-volume."),
            ],
            request: { arguments in
                var query: [URLQueryItem] = []
                for key in ["host", "binary"] {
                    if let value = try arguments.string(key) { query.append(URLQueryItem(name: key, value: value)) }
                }
                return ListRequest(
                    service: .blockStorage, path: "/os-services", collectionKey: "services", query: query,
                    supportsPaging: false, markerField: "host")
            },
            searchFields: { [$0.host, $0.binary] },
            basic: { service, _ in
                .compact([
                    ("binary", .string(service.binary)), ("host", .string(service.host)), ("zone", service.zone.json),
                    ("status", service.status.json), ("state", service.state.json), ("updated_at", service.updatedAt.json),
                ])
            },
            detailed: { service, _ in
                .compact([
                    ("disabled_reason", service.disabledReason.json), ("cluster", service.cluster.json),
                    ("replication_status", service.raw.text("replication_status").json),
                    ("backend_state", service.raw.text("backend_state").json),
                    ("frozen", service.raw["frozen"]?.boolValue.json),
                ])
            }
        ).definition
    }
}
