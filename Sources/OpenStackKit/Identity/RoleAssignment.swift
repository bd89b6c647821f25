import Foundation

/// A Keystone role assignment (`GET /v3/role_assignments`): a role that a user or group holds
/// on a project, a domain or the system. Names are present with `include_names`.
///
/// Assignments have no ID of their own; `key` identifies one (actor, scope and role).
public struct RoleAssignment: OpenStackResource {
    public static let collectionKey = "role_assignments"
    public static let singularKey: String? = nil

    /// An ID with its name (when `include_names` was asked) and the owning domain's name.
    public struct Reference: Sendable, Hashable {
        public var id: String
        public var name: String?
        public var domainID: String?
        public var domainName: String?

        init?(_ json: JSONValue?) {
            guard let json, let id = json.text("id") else { return nil }
            self.id = id
            name = json.text("name")
            domainID = json["domain"]?.text("id")
            domainName = json["domain"]?.text("name")
        }
    }

    public let raw: JSONValue
    public let role: Reference
    public let user: Reference?
    public let group: Reference?
    public let project: Reference?
    public let domain: Reference?
    /// True for a system-scoped assignment (`scope.system.all`).
    public let system: Bool
    /// True when the role is inherited by the scope's sub-projects (`OS-INHERIT:inherited_to`).
    public let inherited: Bool

    public init(json: JSONValue) throws {
        raw = json
        guard let role = Reference(json["role"]) else {
            throw ModelError.missing(field: "role.id", in: "RoleAssignment")
        }
        self.role = role
        user = Reference(json["user"])
        group = Reference(json["group"])
        let scope = json["scope"] ?? [:]
        project = Reference(scope["project"])
        domain = Reference(scope["domain"])
        system = scope["system"]?["all"]?.boolValue ?? false
        inherited = scope["OS-INHERIT:inherited_to"] != nil
    }

    /// Identifies the assignment: actor, scope and role IDs.
    public var key: String {
        let actor = user.map { "user:\($0.id)" } ?? group.map { "group:\($0.id)" } ?? "-"
        let target = project.map { "project:\($0.id)" } ?? domain.map { "domain:\($0.id)" } ?? (system ? "system" : "-")
        return [actor, target, "role:\(role.id)", inherited ? "inherited" : ""].joined(separator: "|")
    }
}
