import Foundation
import OpenStackKit

/// `get_health_monitors`: Octavia health monitors.
enum GetHealthMonitors {
    static var definition: ToolDefinition {
        ListTool<HealthMonitor>(
            name: "get_health_monitors", title: "List load balancer health monitors",
            description: "List Octavia health monitors: type, delay, timeout, retries, URL path, status.",
            noun: "health monitor",
            searchFields: { [$0.name] },
            basic: { monitor, _ in
                .compact([
                    ("id", .string(monitor.id)), ("name", monitor.name.json), ("type", monitor.type.json),
                    ("operating_status", monitor.operatingStatus.json),
                ])
            },
            detailed: { monitor, _ in LoadBalancerTree.monitorColumns(monitor) }
        ).definition
    }
}
