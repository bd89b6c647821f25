import Foundation
import OpenStackKit

/// `get_clouds`: the clouds this server answers for, so a caller knows what to pass as `cloud`
/// and `region`. It shows names, hosts, regions and auth types, never a credential.
enum GetClouds {
    static let name = "get_clouds"

    static var definition: ToolDefinition {
        let properties: [String: JSONValue] = ["cloud": Schema.string("Only this cloud")]
        return ToolDefinition(
            name: name, title: "List the configured clouds",
            description:
                "List the configured clouds and their regions; pass them as cloud and region to other tools.",
            inputSchema: Schema.object(properties), outputSchema: outputSchema, cloudScoped: false
        ) { context, arguments in
            let only = try arguments.string("cloud")
            let clouds = only == nil ? context.clouds.clouds : [try context.clouds.cloud(named: only)]
            let rows = await withTaskGroup(of: (Int, JSONValue).self) { group in
                for (index, cloud) in clouds.enumerated() {
                    group.addTask { (index, await describe(cloud, isDefault: cloud.name == context.clouds.names.first)) }
                }
                var rows: [(Int, JSONValue)] = []
                for await row in group { rows.append(row) }
                return rows.sorted { $0.0 < $1.0 }.map(\.1)
            }
            let document: JSONValue = [
                "items": .array(rows), "count": .int(rows.count),
                "default_cloud": .string(context.clouds.names.first ?? ""),
            ]
            return .structured(document)
        }
    }

    /// One cloud, with the regions of its catalog when Keystone answers (the token is cached, so
    /// this costs a request only when there is no valid token yet).
    static func describe(_ cloud: OpenStackCloud, isDefault: Bool) async -> JSONValue {
        let configuration = cloud.configuration
        let url = configuration.auth.authURL
        var row: [String: JSONValue] = [
            "name": .string(cloud.name),
            "auth_url_host": .string(url.host.map { host in url.port.map { "\(host):\($0)" } ?? host } ?? ""),
            "auth_type": .string(configuration.auth.typeName),
            "interface": .string(configuration.interface),
            "default": .bool(isDefault),
        ]
        do {
            let token = try await cloud.token()
            let regions = token.catalog.regions
            row["regions"] = .array(regions.map(JSONValue.string))
            row["region"] = (configuration.region ?? regions.first).map(JSONValue.string) ?? .null
            row["project"] = token.projectName.map(JSONValue.string) ?? .null
            row["status"] = "ok"
        } catch {
            row["regions"] = .array(configuration.regions.map(JSONValue.string))
            row["region"] = (configuration.region ?? configuration.regions.first).map(JSONValue.string) ?? .null
            row["status"] = "error"
            row["error"] = .string(Redactor.scrub(String(describing: error), secrets: configuration.auth.secrets))
        }
        return Redactor.redact(.object(row.filter { $0.value != .null }))
    }

    static let outputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "items": [
                "type": "array",
                "items": [
                    "type": "object",
                    "properties": [
                        "name": ["type": "string"], "auth_url_host": ["type": "string"], "auth_type": ["type": "string"],
                        "regions": ["type": "array", "items": ["type": "string"]], "region": ["type": "string"],
                        "interface": ["type": "string"], "project": ["type": "string"], "default": ["type": "boolean"],
                        "status": ["type": "string", "enum": ["ok", "error"]], "error": ["type": "string"],
                    ],
                    "required": ["name", "auth_url_host", "auth_type", "regions", "status"],
                ],
            ],
            "count": ["type": "integer"],
            "default_cloud": ["type": "string"],
        ],
        "required": ["items", "count", "default_cloud"],
    ]
}
