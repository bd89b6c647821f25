import Foundation
import OpenStackKit

/// Inventories and usages of Placement resource providers.
///
/// Placement has no batch read for either (`/resource_providers` filters by capacity but does not
/// return it), so this asks per provider: only for the providers of the page being shown, both
/// reads of a provider together, and at most ``concurrency`` providers at a time so that a page of
/// hundreds of hosts does not flood Placement. A provider whose reads fail is left out.
enum ProviderUsageLookup {
    /// Providers read at the same time (each costs two requests).
    static let concurrency = 8

    struct Entry: Sendable {
        var inventory: ResourceProviderInventory
        var usages: ResourceProviderUsages
    }

    static func fetch(cloud: OpenStackCloud, uuids: [String]) async -> [String: Entry] {
        await BoundedConcurrency.map(uuids, limit: concurrency) { uuid in try await read(cloud: cloud, uuid: uuid) }
    }

    private static func read(cloud: OpenStackCloud, uuid: String) async throws -> Entry {
        // The UUID comes from Placement's own answer; encoded all the same, as every path value is.
        let provider = ResourcePath("resource_providers").appending(uuid)
        async let inventory = cloud.get(.placement, path: provider.appending(literal: "inventories").description)
        async let usages = cloud.get(.placement, path: provider.appending(literal: "usages").description)
        return Entry(
            inventory: try ResourceProviderInventory(json: try await inventory.json),
            usages: try ResourceProviderUsages(json: try await usages.json))
    }

    /// Each resource class with its total, reserved, allocation ratio, capacity, use and what is free.
    static func classes(_ entry: Entry) -> JSONValue {
        var classes: [String: JSONValue] = [:]
        for (name, inventory) in entry.inventory.classes {
            let used = entry.usages.usages[name] ?? 0
            classes[name] = .object([
                "total": .int(inventory.total), "reserved": .int(inventory.reserved),
                "allocation_ratio": .double(inventory.allocationRatio), "capacity": .int(inventory.capacity),
                "used": .int(used), "free": .int(inventory.capacity - used),
                "max_unit": inventory.maxUnit.json ?? .null,
            ])
        }
        for (name, used) in entry.usages.usages where classes[name] == nil {
            classes[name] = .object(["used": .int(used)])
        }
        return .object(classes)
    }
}
