import Foundation
import OpenStackKit

/// `get_pools`: Octavia pools with algorithm, members and health monitor.
enum GetPools {
    static var definition: ToolDefinition {
        ListTool<Pool>(
            name: "get_pools", title: "List load balancer pools",
            description: "List Octavia pools: protocol, algorithm, status, member count, health monitor.",
            noun: "pool",
            searchFields: { [$0.name] },
            basic: { pool, _ in
                .compact([
                    ("id", .string(pool.id)), ("name", pool.name.json), ("protocol", pool.protocolName.json),
                    ("lb_algorithm", pool.algorithm.json), ("operating_status", pool.operatingStatus.json),
                ])
            },
            detailed: { pool, _ in
                .compact([
                    ("provisioning_status", pool.provisioningStatus.json), ("members", .int(pool.memberIDs.count)),
                    ("healthmonitor_id", pool.healthMonitorID.json),
                    ("loadbalancer_ids", .array(pool.loadBalancerIDs.map(JSONValue.string))),
                    ("listener_ids", .array(pool.listenerIDs.map(JSONValue.string))),
                ])
            }
        ).definition
    }
}
