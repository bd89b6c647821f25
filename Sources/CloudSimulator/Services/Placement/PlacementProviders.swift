import Foundation

/// Resource provider listing with Placement's filters, and the per-provider documents.
extension PlacementAPI {
    func listProviders(_ request: IncomingRequest, version: APIVersion) -> Reply {
        let data = environment.data
        let query = request.query
        for (name, minimum) in [("member_of", 3), ("resources", 4), ("in_tree", 14), ("required", 18)]
        where query.has(name) && version < APIVersion(1, minimum) {
            return error(400, "Invalid query string parameters: '\(name)' was unexpected", request)
        }
        var wanted: [String: Int] = [:]
        for entry in (query.first("resources") ?? "").split(separator: ",") {
            let parts = entry.split(separator: ":")
            guard parts.count == 2, let amount = Int(parts[1]), amount >= 0 else {
                return error(400, "Badly formed resources parameter. Expected resources query string parameter in form: ?resources=VCPU:2,MEMORY_MB:1024. Got: \(entry).", request)
            }
            wanted[String(parts[0])] = amount
        }
        let name = query.first("name"), uuid = query.first("uuid"), tree = query.first("in_tree")
        let providers = data.hypervisorHosts.enumerated().filter { _, host in
            if let name, host.name != name { return false }
            if let uuid, host.id != uuid { return false }
            if let tree, host.id != tree { return false }
            let aggregates = Set(data.aggregates(ofHost: host.name).map(\.uuid))
            // Each member_of is one AND-ed term; `in:a,b` within it is an OR.
            for term in query.all("member_of") {
                let ids = Set((term.hasPrefix("in:") ? String(term.dropFirst(3)) : term).split(separator: ",").map(String.init))
                if aggregates.isDisjoint(with: ids) { return false }
            }
            let traits = Set(data.traits(of: host))
            for term in query.all("required") {
                let anyOf = term.hasPrefix("in:")
                let names = (anyOf ? String(term.dropFirst(3)) : term).split(separator: ",").map(String.init)
                let satisfied = names.map { $0.hasPrefix("!") ? !traits.contains(String($0.dropFirst())) : traits.contains($0) }
                if anyOf ? !satisfied.contains(true) : satisfied.contains(false) { return false }
            }
            return hasCapacity(host, for: wanted)
        }
        return .json(["resource_providers": .array(providers.map { render($1, generation: $0 + 1, version: version) })])
    }

    /// Whether every requested amount fits in the free capacity and under `max_unit`.
    private func hasCapacity(_ host: DemoHypervisorHost, for wanted: [String: Int]) -> Bool {
        guard !wanted.isEmpty else { return true }
        let usage = environment.data.placementUsage(onHost: host.name)
        let inventory = Dictionary(uniqueKeysWithValues: environment.data.placementInventory(of: host).map { ($0.resourceClass, $0) })
        return wanted.allSatisfy { resourceClass, amount in
            guard let entry = inventory[resourceClass] else { return false }
            let capacity = Int(Double(entry.total - entry.reserved) * entry.allocationRatio)
            return amount <= entry.maxUnit && (usage[resourceClass] ?? 0) + amount <= capacity
        }
    }

    func providerDetail(
        _ host: DemoHypervisorHost, generation: Int, part: String, _ request: IncomingRequest, version: APIVersion
    ) -> Reply {
        let data = environment.data
        switch part {
        case "inventories":
            let inventories = data.placementInventory(of: host).map { entry in
                JSONMember(key: entry.resourceClass, value: [
                    "allocation_ratio": .double(entry.allocationRatio), "max_unit": .int(entry.maxUnit), "min_unit": .int(entry.minUnit),
                    "reserved": .int(entry.reserved), "step_size": .int(entry.stepSize), "total": .int(entry.total),
                ])
            }
            return .json(["inventories": .object(inventories), "resource_provider_generation": .int(generation)])
        case "usages":
            let usage = data.placementUsage(onHost: host.name)
            return .json([
                "resource_provider_generation": .int(generation),
                "usages": .object(usage.keys.sorted().map { JSONMember(key: $0, value: .int(usage[$0]!)) }),
            ])
        case "traits" where version >= APIVersion(1, 6):
            return .json(["resource_provider_generation": .int(generation), "traits": .strings(data.traits(of: host))])
        case "aggregates" where version >= APIVersion(1, 1):
            var body: JSON = ["aggregates": .strings(data.aggregates(ofHost: host.name).map(\.uuid))]
            if version >= APIVersion(1, 19) { body.set("resource_provider_generation", .int(generation)) }
            return .json(body)
        default:
            return error(404, "The resource could not be found.", request)
        }
    }
}
