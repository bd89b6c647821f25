import Foundation

/// A project's Cinder quotas (`GET /os-quota-sets/{project_id}`, optionally `?usage=true`).
///
/// Without `usage` each resource is a bare limit; with it, `{limit, in_use, reserved}`. Per
/// volume type resources are named `<resource>_<type>` (`volumes___DEFAULT__`).
public struct VolumeQuotaSet: OpenStackResource {
    public static let collectionKey = "quota_sets"
    public static let singularKey: String? = "quota_set"

    /// One resource; -1 means unlimited.
    public struct Quota: Sendable, Hashable {
        public var limit: Int
        public var inUse: Int?
        public var reserved: Int?
        public var allocated: Int?
    }

    /// Resources that are not per volume type.
    public static let globalResources: Set<String> = [
        "volumes", "gigabytes", "snapshots", "backups", "backup_gigabytes", "groups", "per_volume_gigabytes",
    ]

    public let raw: JSONValue
    /// The project the quotas belong to (`id`).
    public let projectID: String?
    public let quotas: [String: Quota]

    public init(json: JSONValue) throws {
        raw = json
        guard let members = json.objectValue else { throw ModelError.missing(field: "quota_set", in: "VolumeQuotaSet") }
        projectID = json.text("id")
        var quotas: [String: Quota] = [:]
        for (key, value) in members where key != "id" {
            if let limit = value.intValue {
                quotas[key] = Quota(limit: limit)
            } else if let limit = value["limit"]?.intValue {
                quotas[key] = Quota(
                    limit: limit, inUse: value["in_use"]?.intValue, reserved: value["reserved"]?.intValue,
                    allocated: value["allocated"]?.intValue)
            }
        }
        self.quotas = quotas
    }
}
