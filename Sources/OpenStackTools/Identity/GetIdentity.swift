import Foundation
import OpenStackKit

/// `get_identity`: who this server is in the cloud, from its cached token (no request when the
/// token is fresh): user, scope, roles, when the token expires and what the catalog offers in
/// the region in use. Never the token itself.
enum GetIdentity {
    static var definition: ToolDefinition {
        ToolDefinition(
            name: "get_identity", title: "Show who this server is in the cloud",
            description: "Who the server acts as: user, project or scope, roles, token expiry, catalog services.",
            inputSchema: Schema.object([:]), outputSchema: Schema.showOutput
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let token = try await cloud.token()
            let region = await cloud.effectiveRegion()
            return ShowOutput.result(
                item: .object(item(token, region: region, interface: cloud.configuration.interface)), cloud: cloud.name,
                region: region)
        }
    }

    static func item(_ token: AuthToken, region: String?, interface: String) -> [String: JSONValue] {
        let identity = token.identity
        var item: [String: JSONValue] = .compact([
            ("user", .object(.compact([("id", token.userID.json), ("name", token.userName.json), ("domain", reference(identity.userDomain))]))),
            ("scope", .string(identity.scope.rawValue)),
            ("roles", .array(token.roles.map(JSONValue.string))),
            ("is_admin", .bool(token.isAdmin)),
            ("auth_methods", .array(identity.methods.map(JSONValue.string))),
            ("application_credential", reference(identity.applicationCredential)),
            ("issued_at", identity.issuedAt.json),
            ("expires_at", .string(identity.expiresAt ?? ISODate.format(token.expiresAt))),
            ("interface", .string(interface)),
            ("regions", .array(token.catalog.regions.map(JSONValue.string))),
            ("services", .array(services(token.catalog, region: region))),
        ])
        switch identity.scope {
        case .project:
            item["project"] = .object(.compact([
                ("id", token.projectID.json), ("name", token.projectName.json), ("domain", reference(identity.projectDomain)),
            ]))
        case .domain: item["domain"] = reference(identity.domain)
        case .system: item["system"] = identity.system.json
        case .unscoped: break
        }
        return item
    }

    /// Each catalog service with the interfaces it offers in `region` (all its interfaces when it
    /// is not there) and every region that has it, sorted by type.
    static func services(_ catalog: ServiceCatalog, region: String?) -> [JSONValue] {
        catalog.entries.sorted { ($0.type, $0.name ?? "") < ($1.type, $1.name ?? "") }.map { entry in
            let regionOf = { (endpoint: CatalogEntry.Endpoint) in endpoint.region ?? endpoint.regionID }
            let here = entry.endpoints.filter { region == nil || regionOf($0) == region }
            let interfaces = Set((here.isEmpty ? entry.endpoints : here).map(\.interface)).sorted()
            var regions: [String] = []
            for endpoint in entry.endpoints { if let name = regionOf(endpoint), !regions.contains(name) { regions.append(name) } }
            return .object(.compact([
                ("type", .string(entry.type)), ("name", entry.name.json),
                ("interfaces", .array(interfaces.map(JSONValue.string))),
                ("regions", .array(regions.map(JSONValue.string))),
                ("in_region", region.map { _ in .bool(!here.isEmpty) }),
            ]))
        }
    }

    static func reference(_ value: TokenIdentity.Reference?) -> JSONValue? {
        guard let value, value.id != nil || value.name != nil else { return nil }
        return .object(.compact([("id", value.id.json), ("name", value.name.json)]))
    }
}
