import OpenStackKit

/// Renders `docs/tools.md` from the registry, so the reference cannot drift from the code.
public enum ToolDocumentation {
    /// Markdown for every tool: what it does and every parameter.
    public static func markdown() -> String {
        let catalog = ToolRegistry.catalog
        let tools = catalog.map(\.definition)
        var lines = [
            "# Tools reference",
            "",
            "Generated from the tool registry by `DOCS_RECORD=1 swift test --filter ToolDocsTests`; do not edit by hand.",
            "Every tool is read-only (`readOnlyHint: true`, `openWorldHint: true`).",
            "List tools return `{items, count, next_cursor?, truncated, cloud, region, notes?}`; show tools return `{item, cloud, region}`.",
            "",
            "## Toolsets",
            "",
            "`--toolsets` chooses them (default: `default`; `all` is every tool), `--tools` adds tools and `--exclude-tools` removes them;",
            "over HTTP the `X-MCP-Toolsets` and `X-MCP-Tools` headers narrow one request. Tools of a service that no configured cloud has are not offered.",
            "",
            "| toolset | tools |",
            "|---|---|",
        ]
        for name in [ToolSelection.defaultName] + Toolset.allCases.map(\.rawValue) {
            let members = ToolSelection.members(of: name, in: catalog) ?? []
            lines.append("| `\(name)` (\(members.count)) | \(members.map { "`\($0)`" }.joined(separator: ", ")) |")
        }
        lines += [
            "",
            "## Common parameters",
            "",
            "Their schemas are kept bare, since a model reads them on every turn; this is what they mean.",
            "",
            "| parameter | tools | meaning |",
            "|---|---|---|",
            "| `filter` | lists | case-insensitive substring of the name, or a substring of the ID |",
            "| `limit` | lists | 1-1000, default 100 |",
            "| `detail_level` | lists and shows | `basic`: the columns of the openstack CLI; `detailed` (default): what an operator needs next; `full`: the whole API object, secrets redacted |",
            "| `cursor` | lists | `next_cursor` of the previous answer, to continue |",
            "| `cloud`, `region` | every tool but `get_clouds` | which configured cloud and region to ask (see `get_clouds`); default: the first cloud and its configured region |",
            "",
            "An answer's text stays under `--max-result-bytes` (50,000 by default); a longer list is cut at an item, with `truncated: true`, `next_cursor` and a note."
                + " When one item alone is over the limit (one project's `get_usage` at `full` lists every server it ran), its longest inner list loses entries from its end until it fits, and a note names the list and both counts.",
            "",
            "| tool | toolset | title |",
            "|---|---|---|",
        ]
        lines += catalog.map { "| [`\($0.definition.name)`](#\($0.definition.name)) | \($0.toolset.rawValue)\($0.isDefault ? ", default" : "") | \($0.definition.title) |" }
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

    static func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return "`\(text)`"
        case .int(let number): return "`\(number)`"
        case .bool(let flag): return "`\(flag)`"
        case .double(let number): return "`\(number)`"
        default: return ""
        }
    }
}
