import Foundation
import OpenStackKit

/// `get_share_pools`: the Manila scheduler's backend pools and their capacity (admin).
enum GetSharePools {
    static var definition: ToolDefinition {
        ListTool<SharePool>(
            name: "get_share_pools", title: "List share backend pools",
            description: "List Manila backend pools (admin): total, free and allocated GiB.",
            noun: "pool",
            searchFields: { [$0.name, $0.backend] },
            basic: { pool, _ in
                .compact([
                    ("name", .string(pool.name)), ("host", pool.host.json), ("backend", pool.backend.json), ("pool", pool.pool.json),
                    ("total_capacity_gb", pool.totalCapacityGB.map(gigabytes)), ("free_capacity_gb", pool.freeCapacityGB.map(gigabytes)),
                ])
            },
            detailed: { pool, _ in
                .compact([
                    ("allocated_capacity_gb", pool.allocatedCapacityGB.map(gigabytes)), ("storage_protocol", pool.storageProtocol.json),
                    ("driver_handles_share_servers", pool.driverHandlesShareServers.json),
                ])
            }
        ).definition
    }

    /// Whole numbers stay integers.
    static func gigabytes(_ value: Double) -> JSONValue {
        value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
    }
}
