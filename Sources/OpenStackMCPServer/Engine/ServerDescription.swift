import Foundation
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
        Read-only access to OpenStack clouds (Nova, Neutron, Cinder, Glance, Keystone, Placement, Heat, \
        Octavia, Swift); \
        nothing can be changed through this server. get_<things> tools list: filter is a substring of \
        the name or ID, limit 1-1000 (default 100), detail_level basic (the CLI's columns), detailed \
        (default: what an operator needs next) or full (the whole API object, secrets redacted), and \
        cursor continues from a previous answer's next_cursor. They answer {items, count, next_cursor, \
        truncated}. get_<thing> tools show one resource by ID or name. diagnose_<thing> tools answer \
        why in one call: findings (cause, evidence, next step) most severe first, what was checked and \
        what could not be. Every tool takes cloud and region (get_clouds lists them; default: the \
        first cloud and its configured region).
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
    /// Each offered tool's declaration, encoded, in `tools/list` order: a narrowed list
    /// (`X-MCP-Toolsets`) is these bytes joined, with no encoding per request.
    private let toolDeclarations: [(name: String, bytes: [UInt8])]

    init(registry: ToolRegistry, version: String) {
        self.version = version
        let info: JSONValue = ["name": .string(Self.name), "version": .string(version), "title": .string(Self.title)]
        self.serverInfo = info
        let catalog = ResourceCatalog(registry: registry)
        // Each tool is encoded once; the full list is made of the same values.
        let tools = registry.tools.map(\.declaration)
        self.toolDeclarations = zip(registry.tools, tools).map { ($0.name, $1.compactBytes()) }
        let lists: [String: (key: String, items: JSONValue, scope: String)] = [
            "tools/list": ("tools", .array(tools), "public"),
            "prompts/list": ("prompts", .array(PromptCatalog.prompts.map(\.json)), "public"),
            "resources/list": ("resources", .array(catalog.resources.map(\.json)), "private"),
            "resources/templates/list": ("resourceTemplates", .array(catalog.templates.map(\.json)), "public"),
        ]
        var modern: [String: [UInt8]] = [:]
        var legacy: [String: [UInt8]] = [:]
        for (method, list) in lists {
            legacy[method] = JSONValue.object([list.key: list.items]).compactBytes()
            let result = Self.modern(
                [list.key: list.items, "ttlMs": .int(Self.listTTL), "cacheScope": .string(list.scope)], serverInfo: info)
            modern[method] = JSONValue.object(result).compactBytes()
        }
        modern["server/discover"] = JSONValue.object(Self.modern(Self.discover(note: nil), serverInfo: info)).compactBytes()
        self.modernResults = modern
        self.legacyResults = legacy
    }

    /// The `server/discover` result; a caller's `note` (`--identity caller`) joins the
    /// instructions, and makes the answer theirs alone.
    static func discover(note: String?) -> [String: JSONValue] {
        [
            "supportedVersions": .array(ProtocolVersions.all.map(JSONValue.string)),
            "capabilities": ["tools": [:], "resources": [:], "prompts": [:]],
            "instructions": .string(note.map { instructions + " " + $0 } ?? instructions),
            "ttlMs": .int(Self.listTTL), "cacheScope": note == nil ? "public" : "private",
        ]
    }

    /// The encoded result of a method whose answer never changes, if it is one.
    func fixedResult(_ method: String, era: ProtocolEra) -> [UInt8]? {
        era == .modern ? modernResults[method] : legacyResults[method]
    }

    /// The `tools/list` result with only the tools in `visible`, for a request that narrowed the set.
    func narrowedToolList(_ visible: Set<String>, era: ProtocolEra) -> [UInt8] {
        var tools: [UInt8] = [UInt8(ascii: "[")]
        for declaration in toolDeclarations where visible.contains(declaration.name) {
            if tools.count > 1 { tools.append(UInt8(ascii: ",")) }
            tools.append(contentsOf: declaration.bytes)
        }
        tools.append(UInt8(ascii: "]"))
        guard era == .modern else { return Array(#"{"tools":"#.utf8) + tools + [UInt8(ascii: "}")] }
        // The narrowed list depends on request headers, so shared caches must not serve it to others.
        var fields = Self.modern(["ttlMs": .int(Self.listTTL), "cacheScope": "private"], serverInfo: serverInfo)
        fields["tools"] = .null
        let template = JSONValue.object(fields).compactBytes()
        let placeholder = Array(#""tools":null"#.utf8)
        guard let range = template.firstRange(of: placeholder) else { return template }
        var result = template
        result.replaceSubrange(range, with: Array(#""tools":"#.utf8) + tools)
        return result
    }

    /// The `initialize` result of the legacy era.
    func initializeResult(version: String, note: String? = nil) -> [String: JSONValue] {
        [
            "protocolVersion": .string(version),
            "capabilities": [
                "tools": ["listChanged": false], "resources": ["subscribe": false, "listChanged": false],
                "prompts": ["listChanged": false], "logging": [:],
            ],
            "serverInfo": serverInfo,
            "instructions": .string(note.map { Self.instructions + " " + $0 } ?? Self.instructions),
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
}
