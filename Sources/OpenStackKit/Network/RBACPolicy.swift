import Foundation

/// A Neutron RBAC policy (`GET /v2.0/rbac-policies`, extension `rbac-policies`): one object
/// shared with one project, or with every project (`*`).
public struct RBACPolicy: DeclaredResource {
    /// The object types Neutron shares through RBAC.
    public static let objectTypes = [
        "network", "qos_policy", "security_group", "address_scope", "subnetpool", "address_group",
    ]

    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("rbac-policies"), collectionKey: "rbac_policies", singularKey: "rbac_policy",
        filters: [
            .enumeration("object_type", objectTypes), .string("object_id"),
            .enumeration("action", ["access_as_shared", "access_as_external"]),
            .string("target_tenant"), .string("project_id"),
        ], nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let objectType: String?
    public let objectID: String?
    public let action: String?
    /// The project the object is shared with; `*` is every project.
    public let targetTenant: String?
    /// The owner of the policy (and of the object).
    public let projectID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "RBACPolicy")
        objectType = json.text("object_type")
        objectID = json.text("object_id")
        action = json.text("action")
        targetTenant = json.text("target_tenant")
        projectID = json.text("project_id") ?? json.text("tenant_id")
    }
}
