import MCP

extension Schema {
    /// The `detail_level` parameter of tools that show one thing.
    static let detailLevel: Value = [
        "type": "string", "enum": ["basic", "detailed", "full"], "default": "detailed",
        "description": "basic: the main figures; detailed: what an operator needs next; full: the whole API object.",
    ]
}

extension ToolArguments {
    /// The `detail_level` argument (default `detailed`).
    func detailLevel() throws -> DetailLevel {
        DetailLevel(rawValue: try choice("detail_level", allowed: DetailLevel.allCases.map(\.rawValue), default: "detailed"))!
    }
}
