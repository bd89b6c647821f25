import Foundation
import OpenStackKit

/// `get_address_scopes`: Neutron address scopes and, at `detailed`, their subnet pools (one
/// batched read).
enum GetAddressScopes {
    static var definition: ToolDefinition {
        ListTool<AddressScope>(
            name: "get_address_scopes", title: "List address scopes",
            description: "List Neutron address scopes: IP version, shared flag, subnet pools in each.",
            noun: "address scope",
            searchFields: { [$0.name] },
            lookups: { cloud, scopes in
                var found = Lookups()
                let pools = await NeutronLookup.records(
                    cloud, path: "/subnetpools", collection: "subnetpools", key: "address_scope_id",
                    values: scopes.map(\.id), fields: ["address_scope_id", "name", "prefixes"])
                for pool in pools {
                    guard let scope = pool["address_scope_id"]?.stringValue else { continue }
                    let listed = found.values["pools"]?[scope]?.arrayValue ?? []
                    found.values["pools", default: [:]][scope] = .array(listed + [
                        .object(.compact([("id", pool["id"]), ("name", pool["name"]), ("prefixes", pool["prefixes"])])),
                    ])
                }
                return found
            },
            basic: { scope, _ in
                .compact([
                    ("id", .string(scope.id)), ("name", scope.name.json), ("ip_version", scope.ipVersion.json),
                    ("shared", scope.shared.json),
                ])
            },
            detailed: { scope, found in
                .compact([
                    ("project_id", scope.projectID.json), ("subnet_pools", found.values["pools"]?[scope.id] ?? .array([])),
                ])
            },
            lookupLevels: [.detailed]
        ).definition
    }
}
