import Foundation
import OpenStackKit

/// `get_volume_pools`: the scheduler's view of every Cinder backend pool and its capacity (admin).
enum GetVolumePools {
    static var definition: ToolDefinition {
        ListTool<VolumePool>(
            name: "get_volume_pools", title: "List block storage pools and capacity",
            description:
                "List Cinder backend pools (admin): total, free, allocated and provisioned GiB.",
            noun: "pool or backend",
            extraProperties: [
                "volume_type": Schema.string("Only pools that can hold this volume type (name or ID)."),
            ],
            request: { arguments in
                var query = [URLQueryItem(name: "detail", value: "true")]
                if let type = try arguments.string("volume_type") { query.append(URLQueryItem(name: "volume_type", value: type)) }
                return ListRequest(
                    service: .blockStorage, path: "/scheduler-stats/get_pools", collectionKey: "pools", query: query,
                    supportsPaging: false, markerField: "name")
            },
            searchFields: { [$0.name, $0.backendName] },
            basic: { pool, _ in
                .compact([("name", .string(pool.name)), ("backend", pool.backendName.json)])
            },
            detailed: { pool, _ in
                var percent: JSONValue?
                if let total = pool.totalCapacityGB, total > 0, let allocated = pool.allocatedCapacityGB {
                    percent = .double((allocated / total * 1000).rounded() / 10)
                }
                return .compact([
                    ("storage_protocol", pool.storageProtocol.json), ("total_capacity_gb", number(pool.totalCapacityGB, "total_capacity_gb", pool)),
                    ("free_capacity_gb", number(pool.freeCapacityGB, "free_capacity_gb", pool)),
                    ("allocated_capacity_gb", number(pool.allocatedCapacityGB, "allocated_capacity_gb", pool)),
                    ("provisioned_capacity_gb", number(pool.provisionedCapacityGB, "provisioned_capacity_gb", pool)),
                    ("allocated_percent", percent), ("total_volumes", pool.totalVolumes.json),
                    ("max_over_subscription_ratio", pool.maxOverSubscriptionRatio.map(JSONValue.double)),
                    ("reserved_percentage", pool.reservedPercentage.map(JSONValue.double)),
                    ("thin_provisioning", pool.thinProvisioning.json), ("thick_provisioning", pool.thickProvisioning.json),
                    ("driver_version", pool.driverVersion.json), ("vendor_name", pool.vendorName.json),
                    ("updated", pool.updated.json),
                ])
            }
        ).definition
    }

    /// A capacity as a number, or what the driver said when it is not one (`infinite`, `unknown`).
    static func number(_ value: Double?, _ key: String, _ pool: VolumePool) -> JSONValue? {
        if let value { return value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .double(value) }
        return pool.raw["capabilities"]?[key]
    }
}
