import Foundation
import OpenStackKit

/// What a server asked the scheduler for, and what Placement can offer for it now.
struct SchedulingFacts: Sendable {
    /// Where each part of the request came from (`flavor` or `image`), for the evidence.
    struct Source: Sendable, Equatable {
        var type: String
        var id: String?
        var name: String?
    }

    var flavor: Source
    var image: Source?
    /// `VCPU: 2`, `MEMORY_MB: 4096`, ...
    var resources: [(String, Int)]
    /// Required traits, each with where it was asked for.
    var required: [(trait: String, from: Source)]
    var forbidden: [(trait: String, from: Source)]
    /// Allocation candidates for the whole request, and for its resources alone (nil when the
    /// request names no trait: the two reads would be the same; both run at once otherwise).
    var candidates: Int
    var candidatesForResourcesAlone: Int?
    /// Providers that have each required trait, and providers that lack each forbidden one.
    var providersWithTrait: [String: Int]
    var providersWithoutTrait: [String: Int]

    var resourcesText: String { resources.map { "\($0.0):\($0.1)" }.joined(separator: ",") }
}

extension SchedulingFacts {
    /// The request Nova's scheduler makes of Placement for a flavor and an image: the flavor's
    /// VCPU, MEMORY_MB and DISK_GB (changed or dropped by `resources:CLASS=N` extra specs), and
    /// `trait:NAME=required|forbidden` from the flavor's extra specs and the image's properties.
    static func request(
        flavor: JSONValue, extraSpecs: [String: JSONValue], image: JSONValue?
    ) -> (resources: [(String, Int)], required: [(String, Source)], forbidden: [(String, Source)]) {
        let flavorSource = Source(type: "flavor", id: flavor["id"]?.stringValue, name: flavor["name"]?.stringValue ?? flavor["original_name"]?.stringValue)
        var resources: [String: Int] = [
            "VCPU": flavor["vcpus"]?.intValue ?? 0, "MEMORY_MB": flavor["ram"]?.intValue ?? 0,
            "DISK_GB": (flavor["disk"]?.intValue ?? 0) + (flavor["OS-FLV-EXT-DATA:ephemeral"]?.intValue ?? flavor["ephemeral"]?.intValue ?? 0),
        ]
        var required: [(String, Source)] = []
        var forbidden: [(String, Source)] = []
        for (key, value) in extraSpecs.sorted(by: { $0.key < $1.key }) {
            let text = value.stringValue ?? ""
            if key.hasPrefix("resources:"), let amount = Int(text) {
                resources[String(key.dropFirst("resources:".count))] = amount
            } else if key.hasPrefix("trait:") {
                let trait = String(key.dropFirst("trait:".count))
                if text == "required" { required.append((trait, flavorSource)) }
                if text == "forbidden" { forbidden.append((trait, flavorSource)) }
            }
        }
        if let image, case .object(let members) = image {
            let imageSource = Source(type: "image", id: image["id"]?.stringValue, name: image["name"]?.stringValue)
            for member in members where member.key.hasPrefix("trait:") && member.value.stringValue == "required" {
                required.append((String(member.key.dropFirst("trait:".count)), imageSource))
            }
        }
        let order = ["VCPU", "MEMORY_MB", "DISK_GB"]
        let classes = resources.filter { $0.value > 0 }.sorted { lhs, rhs in
            (order.firstIndex(of: lhs.key) ?? order.count, lhs.key) < (order.firstIndex(of: rhs.key) ?? order.count, rhs.key)
        }
        return (classes.map { ($0.key, $0.value) }, required, forbidden)
    }

    /// Reads the flavor's extra specs (when the server does not embed them) and the image, then
    /// asks Placement concurrently: candidates for the request, and providers per trait.
    static func gather(_ server: OpenStackKit.Server, cloud: OpenStackCloud) async -> Fact<SchedulingFacts> {
        await Fact.read("Placement's view of the request") {
            let flavor = server.raw["flavor"] ?? .null
            var extraSpecs = flavor["extra_specs"]?.objectValue.map { Dictionary($0.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }) }
            var flavorJSON = flavor
            if extraSpecs == nil, let id = flavor["id"]?.stringValue {
                // Before compute 2.47 the server names its flavor only: read it and its extra specs.
                let path = ResourcePath("flavors").appending(id)
                async let shown = cloud.get(.compute, path: path.description).json["flavor"]
                async let specs = cloud.get(.compute, path: path.appending(literal: "os-extra_specs").description).json["extra_specs"]
                flavorJSON = try await shown ?? flavor
                extraSpecs = try await specs?.objectValue.map { Dictionary($0.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }) }
            }
            let image: JSONValue? = try? await server.imageID.asyncMap { id in
                try await cloud.get(.image, path: ResourcePath("images").appending(id).description).json
            }
            let asked = request(flavor: flavorJSON, extraSpecs: extraSpecs ?? [:], image: image)
            let resources = asked.resources.map { "\($0.0):\($0.1)" }.joined(separator: ",")
            let traits = asked.required.map(\.0) + asked.forbidden.map { "!" + $0.0 }
            async let whole = candidateCount(cloud, resources: resources, traits: traits)
            async let alone = traits.isEmpty ? nil : candidateCount(cloud, resources: resources, traits: [])
            async let perTrait = providerCounts(cloud, traits: traits)
            let counts = try await perTrait
            return SchedulingFacts(
                flavor: Source(type: "flavor", id: flavorJSON["id"]?.stringValue, name: flavorJSON["name"]?.stringValue ?? flavorJSON["original_name"]?.stringValue),
                image: image.map { Source(type: "image", id: $0["id"]?.stringValue, name: $0["name"]?.stringValue) },
                resources: asked.resources,
                required: asked.required.map { (trait: $0.0, from: $0.1) },
                forbidden: asked.forbidden.map { (trait: $0.0, from: $0.1) },
                candidates: try await whole, candidatesForResourcesAlone: try await alone,
                providersWithTrait: counts.filter { !$0.key.hasPrefix("!") },
                providersWithoutTrait: Dictionary(uniqueKeysWithValues: counts.filter { $0.key.hasPrefix("!") }.map { (String($0.key.dropFirst()), $0.value) }))
        }
    }

    private static func candidateCount(_ cloud: OpenStackCloud, resources: String, traits: [String]) async throws -> Int {
        var query = [URLQueryItem(name: "resources", value: resources), URLQueryItem(name: "limit", value: "5")]
        if !traits.isEmpty { query.append(URLQueryItem(name: "required", value: traits.joined(separator: ","))) }
        let answer = try await cloud.get(.placement, path: "/allocation_candidates", query: query).json
        return answer["allocation_requests"]?.arrayValue?.count ?? 0
    }

    /// Providers having each trait (`NAME`) or lacking it (`!NAME`), one read per trait.
    private static func providerCounts(_ cloud: OpenStackCloud, traits: [String]) async throws -> [String: Int] {
        try await withThrowingTaskGroup(of: (String, Int).self) { group in
            for trait in Set(traits) {
                group.addTask {
                    let query = [URLQueryItem(name: "required", value: trait)]
                    let answer = try await cloud.get(.placement, path: "/resource_providers", query: query).json
                    return (trait, answer["resource_providers"]?.arrayValue?.count ?? 0)
                }
            }
            var counts: [String: Int] = [:]
            for try await (trait, count) in group { counts[trait] = count }
            return counts
        }
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<Mapped>(_ transform: (Wrapped) async throws -> Mapped) async rethrows -> Mapped? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
