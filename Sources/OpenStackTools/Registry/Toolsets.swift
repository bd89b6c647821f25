import OpenStackKit

/// A named group of tools, chosen with `--toolsets` and narrowed per request with `X-MCP-Toolsets`.
public enum Toolset: String, Sendable, CaseIterable {
    case compute, network, storage, image, identity, placement, overview
    case orchestration, loadBalancer = "load-balancer", objectStore = "object-store"
    case dns, keyManager = "key-manager", baremetal
    case sharedFileSystem = "shared-file-system", metric, alarming
    /// The `diagnose_*` tools: why, with evidence, across services.
    case diagnose
    /// A server's console log: guest output that may hold secrets, so offered only when asked for.
    case console

    /// The OpenStack service the group's tools need, if one (`overview` spans several).
    var service: ServiceType? {
        switch self {
        case .compute, .console: return .compute
        case .network: return .network
        case .storage: return .blockStorage
        case .image: return .image
        case .identity: return .identity
        case .placement: return .placement
        case .overview, .diagnose: return nil
        case .orchestration: return .orchestration
        case .loadBalancer: return .loadBalancer
        case .objectStore: return .objectStore
        case .keyManager: return .keyManager
        case .baremetal: return .baremetal
        case .sharedFileSystem: return .sharedFileSystem
        case .metric: return .metric
        case .alarming: return .alarming
        case .dns: return .dns
        }
    }
}

/// One tool in the catalog: its declaration, its group, and whether the default surface has it.
public struct ToolEntry: Sendable {
    public let definition: ToolDefinition
    public let toolset: Toolset
    /// In `default`: the questions operators ask most.
    public let isDefault: Bool
    /// The service it reads, for hiding it when no configured cloud has that service.
    public let service: ServiceType?
    /// Answers only for the admin role under OpenStack's default policies. With
    /// `--identity caller` it is hidden from callers without that role.
    public let adminOnly: Bool

    init(definition: ToolDefinition, toolset: Toolset, isDefault: Bool, service: ServiceType?, adminOnly: Bool = false) {
        self.definition = definition.addingCloudScope()
        self.toolset = toolset
        self.isDefault = isDefault
        self.service = service
        self.adminOnly = adminOnly
    }
}

/// Which tools a server offers: `--toolsets`, `--tools` and `--exclude-tools`, then the catalog.
public struct ToolSelection: Sendable, Equatable {
    /// The pseudo-toolsets besides the named groups.
    public static let defaultName = "default"
    public static let allName = "all"

    public var toolsets: [String]
    public var addedTools: [String]
    public var excludedTools: [String]

    public init(toolsets: [String] = [Self.defaultName], addedTools: [String] = [], excludedTools: [String] = []) {
        self.toolsets = toolsets
        self.addedTools = addedTools
        self.excludedTools = excludedTools
    }

    /// Every toolset name a user may write.
    public static var toolsetNames: [String] { [defaultName, allName] + Toolset.allCases.map(\.rawValue) }

    /// The tool names of toolset `name` in catalog order, or nil for an unknown name.
    public static func members(of name: String, in catalog: [ToolEntry]) -> [String]? {
        let name = name.lowercased()
        if name == defaultName { return catalog.filter(\.isDefault).map(\.definition.name) }
        if name == allName { return catalog.map(\.definition.name) }
        guard let set = Toolset(rawValue: name) else { return nil }
        return catalog.filter { $0.toolset == set }.map(\.definition.name)
    }

    /// The chosen tools, in catalog order; an unknown toolset or tool is an error that lists the valid names.
    public func resolve(in catalog: [ToolEntry]) throws -> Set<String> {
        let known = Set(catalog.map(\.definition.name))
        var chosen = Set<String>()
        for name in toolsets.map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let members = Self.members(of: name, in: catalog) else {
                throw ToolSelectionError(
                    message: "unknown toolset '\(name)'; toolsets: \(Self.toolsetNames.joined(separator: ", "))")
            }
            chosen.formUnion(members)
        }
        for name in addedTools + excludedTools where !known.contains(name) {
            throw ToolSelectionError(message: "unknown tool '\(name)'\(ToolNames.suggestion(for: name, among: known))")
        }
        chosen.formUnion(addedTools)
        chosen.subtract(excludedTools)
        return chosen
    }
}

/// A `--toolsets`, `--tools` or `--exclude-tools` value that names nothing.
public struct ToolSelectionError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// "Did you mean" for tool names.
public enum ToolNames {
    /// ` (did you mean a or b?)` with the closest names, or an empty string.
    public static func suggestion(for name: String, among names: some Collection<String>) -> String {
        let closest = nearest(to: name, among: names)
        guard let last = closest.last else { return "" }
        let listed = closest.count == 1 ? last : closest.dropLast().joined(separator: ", ") + " or " + last
        return " (did you mean \(listed)?)"
    }

    /// Up to three names closest to `name`: those that contain it or that it contains first,
    /// then by edit distance (at most a third of the name's length).
    static func nearest(to name: String, among names: some Collection<String>) -> [String] {
        let target = name.lowercased()
        let scored = names.map { candidate -> (String, Int) in
            let lower = candidate.lowercased()
            if lower.contains(target) || target.contains(lower) { return (candidate, 0) }
            return (candidate, distance(target, lower))
        }
        let limit = max(2, target.count / 3)
        return scored.filter { $0.1 <= limit }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension ToolSelection {
    /// The tools one HTTP request may see, from its `X-MCP-Toolsets` and `X-MCP-Tools` headers
    /// (comma-separated): the union of what they name, within `offered`. They can only narrow:
    /// a tool the server does not offer stays hidden. Nil when neither header is present.
    public static func narrowing(toolsets: String?, tools: String?, offered: [ToolDefinition]) throws -> Set<String>? {
        guard toolsets != nil || tools != nil else { return nil }
        let split = { (text: String?) in
            (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var named = Set<String>()
        for name in split(toolsets) {
            guard let members = members(of: name, in: ToolRegistry.catalog) else {
                throw ToolSelectionError(
                    message: "X-MCP-Toolsets names an unknown toolset '\(name)'; toolsets: \(toolsetNames.joined(separator: ", "))")
            }
            named.formUnion(members)
        }
        let all = Set(ToolRegistry.catalog.map(\.definition.name))
        for name in split(tools) {
            guard all.contains(name) else {
                throw ToolSelectionError(
                    message: "X-MCP-Tools names an unknown tool '\(name)'\(ToolNames.suggestion(for: name, among: all))")
            }
            named.insert(name)
        }
        return named.intersection(offered.map(\.name))
    }
}
