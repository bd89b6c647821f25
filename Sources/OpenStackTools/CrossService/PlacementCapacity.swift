import Foundation
import OpenStackKit

/// Capacity against usage per resource provider, from Placement.
///
/// Placement has no batch read for inventories and usages, so they are read concurrently, two
/// requests per provider, after one list of providers.
enum PlacementCapacity {
    static let classes = ["VCPU", "MEMORY_MB", "DISK_GB"]

    static func read(cloud: OpenStackCloud) async throws -> JSONValue {
        let providers = try await cloud.get(.placement, path: "/resource_providers").json["resource_providers"]?.arrayValue ?? []
        let rows = try await withThrowingTaskGroup(of: (Int, JSONValue).self) { group in
            for (index, provider) in providers.enumerated() {
                guard let uuid = provider["uuid"]?.stringValue else { continue }
                group.addTask {
                    async let inventories = cloud.get(.placement, path: "/resource_providers/\(uuid)/inventories")
                    async let usages = cloud.get(.placement, path: "/resource_providers/\(uuid)/usages")
                    return (index, row(name: provider["name"], inventories: try await inventories.json, usages: try await usages.json))
                }
            }
            var rows: [(Int, JSONValue)] = []
            for try await row in group { rows.append(row) }
            return rows.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var totals: [String: (capacity: Int, used: Int)] = [:]
        for row in rows {
            for resource in classes {
                let capacity = row[resource]?["capacity"]?.intValue ?? 0
                let used = row[resource]?["used"]?.intValue ?? 0
                totals[resource, default: (0, 0)].capacity += capacity
                totals[resource, default: (0, 0)].used += used
            }
        }
        return [
            "hosts": .array(rows),
            "totals": .object(totals.mapValues { usageJSON(capacity: $0.capacity, used: $0.used) }),
        ]
    }

    /// Capacity = (total - reserved) × allocation_ratio, as Placement schedules.
    static func row(name: JSONValue?, inventories: JSONValue, usages: JSONValue) -> JSONValue {
        var result: [String: JSONValue] = ["name": name ?? .null]
        for resource in classes {
            guard let inventory = inventories["inventories"]?[resource] else { continue }
            let total = inventory["total"]?.intValue ?? 0
            let reserved = inventory["reserved"]?.intValue ?? 0
            let ratio: Double
            switch inventory["allocation_ratio"] {
            case .double(let value): ratio = value
            case .int(let value): ratio = Double(value)
            default: ratio = 1
            }
            let capacity = Int((Double(total - reserved) * ratio).rounded(.down))
            result[resource] = usageJSON(capacity: capacity, used: usages["usages"]?[resource]?.intValue ?? 0)
        }
        return .object(result)
    }

    static func usageJSON(capacity: Int, used: Int) -> JSONValue {
        let percent = capacity > 0 ? (Double(used) * 1000 / Double(capacity)).rounded() / 10 : 0
        return ["capacity": .int(capacity), "used": .int(used), "percent": .double(percent)]
    }
}
