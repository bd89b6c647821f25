import Foundation

/// One way Placement could satisfy a request, from `GET /allocation_candidates` (1.10+): the
/// providers of one allocation request, each with what it would give and its summary.
///
/// Before 1.12 an allocation request is a list of `{resource_provider: {uuid}, resources}`; from
/// 1.12 a map by provider UUID. Summaries gain `traits` at 1.17 and the tree at 1.29; requests
/// gain `mappings` at 1.34. Each item is `{candidate, providers: [{uuid, resources, summary}], mappings?}`.
public struct AllocationCandidate: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .placement, path: ResourcePath("allocation_candidates"), collectionKey: "allocation_requests",
        singularKey: nil, paging: .single, markerField: "candidate", nameFilter: nil, extractItems: Self.items)

    /// One provider of a candidate.
    public struct Provider: Sendable, Hashable {
        public var uuid: String
        /// What this candidate takes from the provider, per resource class.
        public var resources: [String: Int]
        /// Per resource class of the provider's summary: its capacity and what is used.
        public var capacity: [String: (capacity: Int, used: Int)]
        public var traits: [String]?
        public var rootProviderUUID: String?

        public static func == (lhs: Provider, rhs: Provider) -> Bool { lhs.uuid == rhs.uuid && lhs.resources == rhs.resources }
        public func hash(into hasher: inout Hasher) { hasher.combine(uuid) }
    }

    public let raw: JSONValue
    /// The candidate's position in Placement's answer, from 1.
    public let candidate: String
    public let providers: [Provider]

    public init(json: JSONValue) throws {
        raw = json
        candidate = try json.required("candidate", in: "AllocationCandidate")
        providers = (json["providers"]?.arrayValue ?? []).compactMap { item in
            guard let uuid = item.text("uuid") else { return nil }
            var capacity: [String: (capacity: Int, used: Int)] = [:]
            for (name, value) in item["summary"]?["resources"]?.objectValue ?? [:] {
                capacity[name] = (value["capacity"]?.intValue ?? 0, value["used"]?.intValue ?? 0)
            }
            return Provider(
                uuid: uuid, resources: item["resources"]?.objectValue?.compactMapValues(\.intValue) ?? [:], capacity: capacity,
                traits: item["summary"]?["traits"]?.arrayValue?.compactMap(\.stringValue),
                rootProviderUUID: item["summary"]?.text("root_provider_uuid"))
        }
    }

    /// Each allocation request with its providers' summaries, in Placement's order.
    static func items(_ document: JSONValue) -> [JSONValue] {
        let summaries = document["provider_summaries"]?.objectValue ?? [:]
        return (document["allocation_requests"]?.arrayValue ?? []).enumerated().map { index, request in
            var parts: [(String, JSONValue)] = []
            switch request["allocations"] {
            case .object(let byProvider)?:
                parts = byProvider.keys.sorted().map { ($0, byProvider[$0]?["resources"] ?? [:]) }
            case .array(let list)?:
                parts = list.compactMap { entry in
                    entry["resource_provider"]?.text("uuid").map { ($0, entry["resources"] ?? [:]) }
                }
            default: break
            }
            var item: [String: JSONValue] = [
                "candidate": .string(String(index + 1)),
                "providers": .array(parts.map { uuid, resources in
                    ["uuid": .string(uuid), "resources": resources, "summary": summaries[uuid] ?? .null]
                }),
            ]
            if let mappings = request["mappings"] { item["mappings"] = mappings }
            return .object(item)
        }
    }
}
