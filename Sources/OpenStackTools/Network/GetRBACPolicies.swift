import Foundation
import OpenStackKit

/// `get_rbac_policies`: who each Neutron object is shared with, with the object's name (one
/// batched read per object type on the page).
enum GetRBACPolicies {
    /// The collection that names each RBAC object type.
    static let collections: [String: (path: String, key: String)] = [
        "network": ("/networks", "networks"), "qos_policy": ("/qos/policies", "policies"),
        "security_group": ("/security-groups", "security_groups"), "address_scope": ("/address-scopes", "address_scopes"),
        "subnetpool": ("/subnetpools", "subnetpools"), "address_group": ("/address-groups", "address_groups"),
    ]

    static var definition: ToolDefinition {
        ListTool<RBACPolicy>(
            name: "get_rbac_policies", title: "List RBAC policies",
            description: "Who Neutron objects (networks, QoS policies, security groups...) are shared with; target * = every project.",
            noun: "RBAC policy",
            searchFields: { [$0.objectType, $0.objectID, $0.targetTenant, $0.action] },
            lookups: { cloud, policies in
                var found = Lookups()
                for (type, items) in Dictionary(grouping: policies, by: { $0.objectType ?? "" }) {
                    guard let collection = collections[type] else { continue }
                    let names = await NeutronLookup.names(
                        cloud, path: collection.path, collection: collection.key, ids: items.compactMap(\.objectID))
                    for (id, name) in names { found.values["object", default: [:]][id] = .string(name) }
                }
                return found
            },
            basic: { policy, found in
                .compact([
                    ("id", .string(policy.id)), ("object_type", policy.objectType.json),
                    ("object_id", policy.objectID.json), ("object_name", found.name("object", policy.objectID).json),
                    ("action", policy.action.json), ("target_tenant", policy.targetTenant.json),
                ])
            },
            detailed: { policy, _ in .compact([("project_id", policy.projectID.json)]) }
        ).definition
    }
}
