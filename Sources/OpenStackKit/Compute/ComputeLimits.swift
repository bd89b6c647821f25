import Foundation

/// A project's compute limits and what it uses of them, from `GET /limits`.
///
/// The answer is one object of `max*` limits and `total*Used` counters; ``rows(_:)`` pairs them
/// into one ``Row`` per resource. 2.57 dropped the network and personality limits.
public struct ComputeLimits: OpenStackResource {
    public static let collectionKey = "limits"
    public static let singularKey: String? = "limits"

    /// One resource: its limit and, where Nova counts it, its use.
    ///
    /// Built from a synthesized object holding the resource name and the upstream keys, e.g.
    /// `{"resource": "cores", "maxTotalCores": 20, "totalCoresUsed": 4}`.
    public struct Row: OpenStackResource {
        public static let collectionKey = "limits"
        public static let singularKey: String? = nil

        public let raw: JSONValue
        public let resource: String
        public let limitKey: String
        /// `-1` means unlimited.
        public let limit: Int?
        public let usageKey: String?
        public let used: Int?

        public init(json: JSONValue) throws {
            raw = json
            resource = try json.required("resource", in: "ComputeLimits.Row")
            let name = resource
            let known = ComputeLimits.pairs.first { $0.resource == name }
            let limitKey = known?.limit ?? name
            let usageKey = known?.usage
            self.limitKey = limitKey
            self.usageKey = usageKey
            limit = json[limitKey]?.intValue
            used = usageKey.flatMap { json[$0]?.intValue }
        }
    }

    /// Resource name, limit key and usage key, in the order `openstack limits show` lists them.
    static let pairs: [(resource: String, limit: String, usage: String?)] = [
        ("instances", "maxTotalInstances", "totalInstancesUsed"),
        ("cores", "maxTotalCores", "totalCoresUsed"),
        ("ram", "maxTotalRAMSize", "totalRAMUsed"),
        ("key_pairs", "maxTotalKeypairs", nil),
        ("server_groups", "maxServerGroups", "totalServerGroupsUsed"),
        ("server_group_members", "maxServerGroupMembers", nil),
        ("metadata_items", "maxServerMeta", nil),
        ("image_metadata_items", "maxImageMeta", nil),
        ("floating_ips", "maxTotalFloatingIps", "totalFloatingIpsUsed"),
        ("security_groups", "maxSecurityGroups", "totalSecurityGroupsUsed"),
        ("security_group_rules", "maxSecurityGroupRules", nil),
        ("injected_files", "maxPersonality", nil),
        ("injected_file_content_bytes", "maxPersonalitySize", nil),
    ]

    public let raw: JSONValue
    public let absolute: [String: Int]

    public init(json: JSONValue) throws {
        raw = json
        guard let absolute = json["absolute"]?.objectValue else {
            throw ModelError.missing(field: "absolute", in: "ComputeLimits")
        }
        self.absolute = absolute.compactMapValues(\.intValue)
    }

    /// One row per resource present in a `GET /limits` answer; unknown `max*` keys become rows too.
    public static func rows(_ document: JSONValue) -> [JSONValue] {
        guard let absolute = document["limits"]?["absolute"]?.objectValue else { return [] }
        var rows: [JSONValue] = []
        var seen: Set<String> = []
        for pair in pairs where absolute[pair.limit] != nil {
            var row: [String: JSONValue] = ["resource": .string(pair.resource), pair.limit: absolute[pair.limit]!]
            if let usage = pair.usage, let value = absolute[usage] { row[usage] = value }
            seen.formUnion([pair.limit, pair.usage].compactMap { $0 })
            rows.append(.object(row))
        }
        for key in absolute.keys.sorted() where key.hasPrefix("max") && !seen.contains(key) {
            rows.append(.object(["resource": .string(key), key: absolute[key]!]))
        }
        return rows
    }
}
