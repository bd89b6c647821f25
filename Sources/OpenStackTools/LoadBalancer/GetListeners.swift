import Foundation
import OpenStackKit

/// `get_listeners`: Octavia listeners with protocol, port and default pool.
enum GetListeners {
    static var definition: ToolDefinition {
        ListTool<Listener>(
            name: "get_listeners", title: "List load balancer listeners",
            description: "List Octavia listeners: protocol, port, status, balancer and default pool.",
            noun: "listener",
            searchFields: { [$0.name] },
            basic: { listener, _ in
                .compact([
                    ("id", .string(listener.id)), ("name", listener.name.json), ("protocol", listener.protocolName.json),
                    ("protocol_port", listener.port.json),
                ]).merging(LoadBalancerColumns.statusColumns(listener.provisioningStatus, listener.operatingStatus)) { $1 }
            },
            detailed: { listener, _ in
                .compact([
                    ("loadbalancer_ids", .array(listener.loadBalancerIDs.map(JSONValue.string))),
                    ("default_pool_id", listener.defaultPoolID.json),
                    ("connection_limit", listener.raw["connection_limit"]),
                ])
            }
        ).definition
    }
}
