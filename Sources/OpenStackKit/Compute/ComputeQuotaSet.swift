import Foundation

/// A project's compute quotas, from `GET /os-quota-sets/{project_id}` (limits only),
/// `/os-quota-sets/{project_id}/detail` (`in_use`, `limit`, `reserved` per resource) or
/// `/defaults`. 2.57 dropped the network and file-injection quotas.
public struct ComputeQuotaSet: OpenStackResource {
    public static let collectionKey = "quota_set"
    public static let singularKey: String? = "quota_set"

    /// One resource of a quota set, read from `{"resource": "cores", "limit": 20, "in_use": 4, "reserved": 0}`
    /// (the detail shape plus the resource name) or `{"resource": "cores", "limit": 20}`.
    public struct Row: OpenStackResource {
        public static let collectionKey = "quota_set"
        public static let singularKey: String? = nil

        public let raw: JSONValue
        public let resource: String
        /// `-1` means unlimited.
        public let limit: Int?
        public let inUse: Int?
        public let reserved: Int?

        public init(json: JSONValue) throws {
            raw = json
            resource = try json.required("resource", in: "ComputeQuotaSet.Row")
            limit = json["limit"]?.intValue
            inUse = json["in_use"]?.intValue
            reserved = json["reserved"]?.intValue
        }
    }

    public let raw: JSONValue
    /// The project the quotas belong to.
    public let projectID: String?
    public let rows: [Row]

    public init(json: JSONValue) throws {
        raw = json
        guard json.objectValue != nil else { throw ModelError.missing(field: "quota_set", in: "ComputeQuotaSet") }
        projectID = json.text("id")
        rows = try Self.rows(["quota_set": json]).map(Row.init(json:))
    }

    /// One row per resource of a quota-set answer, sorted by resource name.
    public static func rows(_ document: JSONValue) -> [JSONValue] {
        guard let members = document["quota_set"]?.objectValue else { return [] }
        return members.keys.sorted().compactMap { key -> JSONValue? in
            guard key != "id" else { return nil }
            switch members[key]! {
            case .object(var detail):
                detail["resource"] = .string(key)
                return .object(detail)
            case let value where value.intValue != nil:
                return ["resource": .string(key), "limit": value]
            default:
                return nil
            }
        }
    }
}
