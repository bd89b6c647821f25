import MCP

/// Renders `docs/tools.md` from the registry, so the reference cannot drift from the code.
public enum ToolDocumentation {
    /// Markdown for every tool: what it does and every parameter.
    public static func markdown() -> String {
        let tools = ToolRegistry.allTools
        var lines = [
            "# Tools reference",
            "",
            "Generated from the tool registry by `DOCS_RECORD=1 swift test --filter ToolDocsTests`; do not edit by hand.",
            "Every tool is read-only (`readOnlyHint: true`, `openWorldHint: true`).",
            "List tools return `{items, count, next_cursor?, truncated, cloud, region}`; show tools return `{item, cloud, region}`.",
            "",
            "| tool | title |",
            "|---|---|",
        ]
        lines += tools.map { "| [`\($0.name)`](#\($0.name)) | \($0.title) |" }
        for tool in tools {
            lines += ["", "## \(tool.name)", "", tool.description, "", "| parameter | type | required | default | description |", "|---|---|---|---|---|"]
            let properties = tool.inputSchema.objectValue?["properties"]?.objectValue ?? [:]
            let required = Set(tool.inputSchema.objectValue?["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            for (name, schema) in properties.sorted(by: { $0.key < $1.key }) {
                let object = schema.objectValue ?? [:]
                var type = object["type"]?.stringValue ?? "any"
                if let values = object["enum"]?.arrayValue?.compactMap(\.stringValue) {
                    type += ": " + values.map { "`\($0)`" }.joined(separator: ", ")
                }
                if let minimum = object["minimum"]?.intValue, let maximum = object["maximum"]?.intValue {
                    type += " (\(minimum)–\(maximum))"
                }
                let defaultValue = object["default"].map(render) ?? ""
                let description = (object["description"]?.stringValue ?? "").replacingOccurrences(of: "|", with: "\\|")
                lines.append("| `\(name)` | \(type) | \(required.contains(name) ? "yes" : "") | \(defaultValue) | \(description) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): return "`\(text)`"
        case .int(let number): return "`\(number)`"
        case .bool(let flag): return "`\(flag)`"
        case .double(let number): return "`\(number)`"
        default: return ""
        }
    }
}
