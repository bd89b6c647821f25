import Foundation
import OpenStackKit

/// Capacity against usage per resource provider, from Placement.
///
/// One list of providers, then each provider's inventories and usages through
/// ``ProviderUsageLookup`` (at most eight providers at a time). Totals cover every provider; the
/// answer lists only the ``shownHosts`` busiest, so that it stays small on a large cloud.
enum PlacementCapacity {
    static let classes = ["VCPU", "MEMORY_MB", "DISK_GB"]
    /// Most hosts listed one by one (the busiest first).
    static let shownHosts = 20

    static func read(cloud: OpenStackCloud) async throws -> JSONValue {
        let providers = try await cloud.get(.placement, path: "/resource_providers").json["resource_providers"]?.arrayValue ?? []
        let named = providers.compactMap { provider in
            provider["uuid"]?.stringValue.map { (uuid: $0, name: provider["name"]?.stringValue ?? $0) }
        }
        let entries = await ProviderUsageLookup.fetch(cloud: cloud, uuids: named.map(\.uuid))
        var rows: [(busiest: Double, row: JSONValue)] = []
        var totals: [String: (capacity: Int, used: Int)] = [:]
        for provider in named {
            guard let entry = entries[provider.uuid] else { continue }
            var row: [String: JSONValue] = ["name": .string(provider.name)]
            var busiest = 0.0
            for resource in classes {
                guard let inventory = entry.inventory.classes[resource] else { continue }
                let used = entry.usages.usages[resource] ?? 0
                row[resource] = usageJSON(capacity: inventory.capacity, used: used)
                totals[resource, default: (0, 0)].capacity += inventory.capacity
                totals[resource, default: (0, 0)].used += used
                if inventory.capacity > 0 { busiest = max(busiest, Double(used) / Double(inventory.capacity)) }
            }
            rows.append((busiest, .object(row)))
        }
        let shown = rows.enumerated().sorted { ($0.element.busiest, -$0.offset) > ($1.element.busiest, -$1.offset) }
            .prefix(shownHosts).map(\.element.row)
        return .object(.compact([
            ("hosts", .array(Array(shown))),
            ("host_count", .int(named.count)),
            ("hosts_shown", rows.count > shownHosts ? .string("the \(shownHosts) busiest") : nil),
            ("hosts_unread", rows.count < named.count ? .int(named.count - rows.count) : nil),
            ("totals", .object(totals.mapValues { usageJSON(capacity: $0.capacity, used: $0.used) })),
        ]))
    }

    static func usageJSON(capacity: Int, used: Int) -> JSONValue {
        let percent = capacity > 0 ? (Double(used) * 1000 / Double(capacity)).rounded() / 10 : 0
        return ["capacity": .int(capacity), "used": .int(used), "percent": .double(percent)]
    }
}
