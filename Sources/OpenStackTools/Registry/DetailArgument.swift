import OpenStackKit

extension Schema {
    /// The `detail_level` parameter, one schema for every tool. What each level shows is said once,
    /// in the server's instructions and docs/tools.md, not in every tool's schema.
    static let detailLevel: JSONValue = ["type": "string", "enum": ["basic", "detailed", "full"]]
}

extension ToolArguments {
    /// The `detail_level` argument (default `detailed`).
    func detailLevel() throws -> DetailLevel {
        DetailLevel(rawValue: try choice("detail_level", allowed: DetailLevel.allCases.map(\.rawValue), default: "detailed"))!
    }
}
