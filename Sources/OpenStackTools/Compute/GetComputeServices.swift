import Foundation
import OpenStackKit

/// `get_compute_services`: Nova's services and their up/down state (admin).
enum GetComputeServices {
    static var definition: ToolDefinition {
        ListTool<ComputeService>(
            name: "get_compute_services", title: "List compute services",
            description:
                "List Nova services per host (admin): enabled/disabled, up/down, disabled reason.",
            noun: "service host or binary",
            searchFields: { [$0.host, $0.binary] },
            basic: { service, _ in
                .compact([
                    ("id", service.id.json), ("binary", .string(service.binary)), ("host", .string(service.host)),
                    ("zone", service.zone.json), ("status", service.status.json), ("state", service.state.json),
                    ("updated_at", service.updatedAt.json),
                ])
            },
            detailed: { service, _ in
                .compact([("disabled_reason", service.disabledReason.json), ("forced_down", service.forcedDown.json)])
            }
        ).definition
    }
}
