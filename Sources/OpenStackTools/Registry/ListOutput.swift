import Foundation
import MCP
import OpenStackKit

/// Builds the result of a list tool: structured content plus the same data as compact JSON text.
enum ListOutput {
    /// Cuts `items` to the byte cap; returns the kept items and whether it cut.
    static func capped(_ items: [JSONValue], maxBytes: Int) -> (kept: [JSONValue], truncated: Bool) {
        var total = 2
        for (index, item) in items.enumerated() {
            total += item.compactByteCount + 1
            if total > maxBytes {
                // Always return at least one item so that a cursor makes progress.
                return (Array(items.prefix(max(index, 1))), index < items.count)
            }
        }
        return (items, false)
    }

    static func result(
        items: [JSONValue], nextCursor: String?, truncated: Bool, cloud: String, region: String?,
        notes: [String] = []
    ) -> CallTool.Result {
        var document: [String: JSONValue] = [
            "items": .array(items), "count": .int(items.count), "truncated": .bool(truncated), "cloud": .string(cloud),
        ]
        if let nextCursor { document["next_cursor"] = .string(nextCursor) }
        if let region { document["region"] = .string(region) }
        if !notes.isEmpty { document["notes"] = .array(notes.map(JSONValue.string)) }
        let json = JSONValue.object(document)
        return CallTool.Result(content: [.text(text: json.compactText(), annotations: nil, _meta: nil)], structuredContent: Optional<Value>.some(Value(json)), isError: false)
    }

    /// An `isError` result whose text says what failed and what to do next.
    static func error(_ message: String) -> CallTool.Result {
        CallTool.Result(content: [.text(text: message, annotations: nil, _meta: nil)], isError: true)
    }
}
