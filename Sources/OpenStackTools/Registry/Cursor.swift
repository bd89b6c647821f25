import Foundation

/// The opaque `next_cursor` of a list: where to continue, bound to the tool that made it.
enum Cursor {
    static func encode(tool: String, marker: String) -> String {
        let text = "\(tool)\u{1F}\(marker)"
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The marker inside a cursor; throws if the cursor is damaged or belongs to another tool.
    static func decode(_ cursor: String, tool: String) throws -> String {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            throw ToolArgumentError(argument: "cursor", problem: "not a cursor from this server; pass next_cursor unchanged")
        }
        let parts = text.split(separator: "\u{1F}", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == tool, !parts[1].isEmpty else {
            throw ToolArgumentError(
                argument: "cursor", problem: "this cursor belongs to another tool or call; pass the next_cursor of the same tool")
        }
        return parts[1]
    }
}
