import Foundation
import OpenStackKit

/// `get_services`: the cloud's services and their endpoints, from Keystone.
///
/// Admins read `/v3/services` and `/v3/endpoints` (concurrently). Other users may not, so the
/// tool then falls back to the catalog in their token and says so in `notes`.
enum GetServices {
    static let name = "get_services"

    static var definition: ToolDefinition {
        var properties = Schema.listProperties(noun: "service name or type")
        properties["type"] = Schema.string("Only services of this type, e.g. compute, network, volumev3.")
        return ToolDefinition(
            name: name, title: "List cloud services and endpoints",
            description:
                "List Keystone services with their endpoints (without admin: your token's catalog).",
            inputSchema: Schema.object(properties), outputSchema: Schema.listOutput
        ) { context, arguments in
            return try await run(context: context, arguments: arguments)
        }
    }

    struct Row {
        var id: String
        var name: String?
        var type: String
        var enabled: Bool?
        var description: String?
        var endpoints: [JSONValue]
        /// The endpoints as the API sent them, for `full`.
        var rawEndpoints: [JSONValue]
        var raw: JSONValue
    }

    static func run(context: ToolContext, arguments: ToolArguments) async throws -> ToolResult {
        let limit = try arguments.int("limit", default: 100, range: 1...1000)
        let detail = try arguments.detailLevel()
        let filter = try arguments.string("filter")?.lowercased()
        let type = try arguments.string("type")
        let marker = try arguments.string("cursor").map { try Cursor.decode($0, tool: name) }
        let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))

        var notes: [String] = []
        var rows: [Row]
        do {
            rows = try await fromKeystone(cloud: cloud, type: type)
        } catch let error as OpenStackError where error.status == 403 {
            notes.append("Listing services needs the admin role; this is the catalog of your token instead.")
            rows = try await fromCatalog(cloud: cloud, type: type)
        }
        rows.sort { ($0.type, $0.name ?? "") < ($1.type, $1.name ?? "") }
        if let marker, let index = rows.firstIndex(where: { $0.id == marker }) { rows.removeSubrange(...index) }
        if let filter {
            rows = rows.filter {
                $0.id.lowercased().contains(filter) || ($0.name?.lowercased().contains(filter) ?? false)
                    || $0.type.lowercased().contains(filter)
            }
        }
        let page = Array(rows.prefix(limit))
        let items: [JSONValue] = page.map { row in
            var object: [String: JSONValue] = .compact([("id", .string(row.id)), ("name", row.name.json), ("type", .string(row.type))])
            if detail != .basic {
                object["enabled"] = row.enabled.json
                object["description"] = row.description.json
                object["endpoints"] = .array(row.endpoints)
            }
            if detail == .full, case .object(var raw) = row.raw {
                raw["endpoints"] = .array(row.rawEndpoints)
                return Redactor.redact(.object(raw))
            }
            return Redactor.redact(.object(object.filter { $0.value != .null }))
        }
        let (kept, truncated, shortened) = ListOutput.capped(items, maxBytes: context.settings.maxResultBytes)
        let more = truncated || rows.count > limit
        let next = more ? page[kept.count - 1].id : nil
        return ListOutput.result(
            items: kept, nextCursor: next.map { Cursor.encode(tool: name, marker: $0) }, truncated: truncated,
            cloud: cloud.name, region: await cloud.effectiveRegion(), notes: shortened + notes)
    }

    static func fromKeystone(cloud: OpenStackCloud, type: String?) async throws -> [Row] {
        let serviceQuery = type.map { [URLQueryItem(name: "type", value: $0)] } ?? []
        async let servicesAnswer = cloud.get(.identity, path: "/services", query: serviceQuery)
        async let endpointsAnswer = cloud.get(.identity, path: "/endpoints")
        let services = try IdentityService.list(from: try await servicesAnswer.json)
        let endpoints = try Endpoint.list(from: try await endpointsAnswer.json)
        let byService = Dictionary(grouping: endpoints, by: { $0.serviceID ?? "" })
        return services.map { service in
            let own = (byService[service.id] ?? []).sorted { ($0.interface, $0.region ?? "") < ($1.interface, $1.region ?? "") }
            return Row(
                id: service.id, name: service.name, type: service.type, enabled: service.enabled,
                description: service.description,
                endpoints: own
                    .map { endpoint in
                        .object(.compact([
                            ("id", .string(endpoint.id)), ("interface", .string(endpoint.interface)),
                            ("region", endpoint.region.json), ("url", .string(endpoint.url)), ("enabled", endpoint.enabled.json),
                        ]))
                    },
                rawEndpoints: own.map(\.raw), raw: service.raw)
        }
    }

    static func fromCatalog(cloud: OpenStackCloud, type: String?) async throws -> [Row] {
        let catalog = try await cloud.token().catalog
        return catalog.entries.filter { type == nil || $0.type == type }.map { entry in
            Row(
                id: entry.id ?? entry.type, name: entry.name, type: entry.type, enabled: nil, description: nil,
                endpoints: entry.endpoints.map { endpoint in
                    .object(.compact([
                        ("id", endpoint.id.json), ("interface", .string(endpoint.interface)),
                        ("region", (endpoint.region ?? endpoint.regionID).json), ("url", .string(endpoint.url)),
                    ]))
                },
                rawEndpoints: entry.endpoints.map { endpoint in
                    .object(.compact([
                        ("id", endpoint.id.json), ("interface", .string(endpoint.interface)),
                        ("region", endpoint.region.json), ("region_id", endpoint.regionID.json), ("url", .string(endpoint.url)),
                    ]))
                },
                raw: .object(.compact([("id", entry.id.json), ("name", entry.name.json), ("type", .string(entry.type))])))
        }
    }
}
