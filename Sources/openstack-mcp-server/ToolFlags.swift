import ArgumentParser
import OpenStackTools

/// Which tools the server offers (`--toolsets`, `--tools`, `--exclude-tools`).
struct ToolFlags: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Toolsets to offer, comma-separated or repeated: default, all, or \(Toolset.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "list"))
    var toolsets: [String] = []
    @Option(help: ArgumentHelp("Also offer these tools (comma-separated or repeated).", valueName: "list"))
    var tools: [String] = []
    @Option(help: ArgumentHelp("Do not offer these tools (comma-separated or repeated).", valueName: "list"))
    var excludeTools: [String] = []

    /// The selection these flags make; `default` when no toolset is named.
    var selection: ToolSelection {
        let toolsets = Self.split(toolsets)
        return ToolSelection(
            toolsets: toolsets.isEmpty ? [ToolSelection.defaultName] : toolsets, addedTools: Self.split(tools),
            excludedTools: Self.split(excludeTools))
    }

    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The toolsets and their tools, for `--help`.
    static var overview: String {
        let sets = [ToolSelection.defaultName] + Toolset.allCases.map(\.rawValue)
        return sets.map { name in
            let members = ToolSelection.members(of: name, in: ToolRegistry.catalog) ?? []
            return "  \(name) (\(members.count)): \(members.joined(separator: ", "))"
        }.joined(separator: "\n")
    }
}
