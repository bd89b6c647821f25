import Foundation
import MCP
import OpenStackKit
import OpenStackTools

/// What the server says about itself, and the answers that never change while it runs.
///
/// The tool, prompt and resource lists are fixed for the life of the process, so their results
/// are written once per era at start-up and each request only splices in its ID: `tools/list`
/// (about 100 KB) then costs what a `ping` costs.
struct ServerDescription: Sendable {
    static let name = "openstack-mcp-server"
    static let title = "OpenStack (read-only)"
    static let instructions = """
        Read-only access to OpenStack clouds (Nova, Neutron, Cinder, Glance, Keystone, Placement). \
        get_<things> tools list resources: they take filter, limit, detail_level (basic|detailed|full) \
        and cursor, and answer {items, count, next_cursor}. get_<thing> tools show one resource by ID \
        or name. Nothing can be changed through this server.
        """

    /// Freshness hints (spec 2026-07-28, server/utilities/caching). The lists are the same for
    /// every caller of this process; resource contents are live cloud data of the caller's cloud.
    static let listTTL = 300_000
    static let readTTL = 0

    let version: String
    let serverInfo: JSONValue
    /// Result objects, already encoded, by method, for each era.
    private let modernResults: [String: [UInt8]]
    private let legacyResults: [String: [UInt8]]

    init(registry: ToolRegistry, version: String) {
        self.version = version
        let info: JSONValue = ["name": .string(Self.name), "version": .string(version), "title": .string(Self.title)]
        self.serverInfo = info
        let catalog = ResourceCatalog(registry: registry)
        let lists: [String: (key: String, items: JSONValue, scope: String)] = [
            "tools/list": ("tools", Self.json(registry.tools.map(\.tool)), "public"),
            "prompts/list": ("prompts", Self.json(PromptCatalog.prompts), "public"),
            "resources/list": ("resources", Self.json(catalog.resources), "private"),
            "resources/templates/list": ("resourceTemplates", Self.json(catalog.templates), "public"),
        ]
        var modern: [String: [UInt8]] = [:]
        var legacy: [String: [UInt8]] = [:]
        for (method, list) in lists {
            legacy[method] = JSONValue.object([list.key: list.items]).compactBytes()
            let result = Self.modern(
                [list.key: list.items, "ttlMs": .int(Self.listTTL), "cacheScope": .string(list.scope)], serverInfo: info)
            modern[method] = JSONValue.object(result).compactBytes()
        }
        let discover: [String: JSONValue] = [
            "supportedVersions": .array(ProtocolVersions.all.map(JSONValue.string)),
            "capabilities": ["tools": [:], "resources": [:], "prompts": [:]],
            "instructions": .string(Self.instructions),
            "ttlMs": .int(Self.listTTL), "cacheScope": "public",
        ]
        modern["server/discover"] = JSONValue.object(Self.modern(discover, serverInfo: info)).compactBytes()
        self.modernResults = modern
        self.legacyResults = legacy
    }

    /// The encoded result of a method whose answer never changes, if it is one.
    func fixedResult(_ method: String, era: ProtocolEra) -> [UInt8]? {
        era == .modern ? modernResults[method] : legacyResults[method]
    }

    /// The `initialize` result of the legacy era.
    func initializeResult(version: String) -> [String: JSONValue] {
        [
            "protocolVersion": .string(version),
            "capabilities": [
                "tools": ["listChanged": false], "resources": ["subscribe": false, "listChanged": false],
                "prompts": ["listChanged": false], "logging": [:],
            ],
            "serverInfo": serverInfo,
            "instructions": .string(Self.instructions),
        ]
    }

    /// A result as 2026-07-28 wants it: `resultType`, and `serverInfo` in `_meta`.
    static func modern(_ result: [String: JSONValue], serverInfo: JSONValue) -> [String: JSONValue] {
        var result = result
        result["resultType"] = "complete"
        var meta = result["_meta"]?.objectValue ?? [:]
        meta[ProtocolVersions.Meta.serverInfo] = serverInfo
        result["_meta"] = .object(meta)
        return result
    }

    /// An SDK declaration as JSON, encoded once at start-up.
    static func json(_ value: some Encodable) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value), let json = try? JSONValue.parse(data) else {
            preconditionFailure("an SDK declaration did not encode as JSON")
        }
        return json
    }
}
