import Foundation

/// Neutron quotas of one project: limits (`GET /v2.0/quotas/{project}`) or, from
/// `/quotas/{project}/details.json`, limit, used and reserved per resource.
public struct NetworkQuota: OpenStackResource {
    public static let collectionKey = "quotas"
    public static let singularKey: String? = "quota"

    /// One resource's quota; -1 means unlimited.
    public struct Entry: Sendable, Hashable {
        public let resource: String
        public let limit: Int?
        /// Only in the details document.
        public let used: Int?
        public let reserved: Int?
    }

    public let raw: JSONValue
    /// Present in the admin list (`GET /v2.0/quotas`) only.
    public let projectID: String?
    /// Sorted by resource name.
    public let entries: [Entry]

    public init(json: JSONValue) throws {
        guard let members = json.objectValue else { throw ModelError.missing(field: "quota", in: "NetworkQuota") }
        raw = json
        projectID = json.text("project_id") ?? json.text("tenant_id")
        entries = members.keys.sorted().compactMap { key in
            guard key != "project_id", key != "tenant_id", let value = members[key] else { return nil }
            if let limit = value.intValue { return Entry(resource: key, limit: limit, used: nil, reserved: nil) }
            guard value.objectValue != nil else { return nil }
            return Entry(
                resource: key, limit: value["limit"]?.intValue, used: value["used"]?.intValue,
                reserved: value["reserved"]?.intValue)
        }
    }

    /// The entry of one resource (`port`, `floatingip`, ...).
    public func entry(_ resource: String) -> Entry? { entries.first { $0.resource == resource } }
}
