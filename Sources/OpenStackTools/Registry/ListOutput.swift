import Foundation
import OpenStackKit

/// Builds the result of a list tool: structured content plus the same data as compact JSON text.
enum ListOutput {
    /// Bytes kept free under the cap for the rest of the answer: count, cursor, cloud and notes.
    static let envelopeReserve = 2048

    /// Cuts `items` so that the whole answer stays under `maxBytes` (the text block is compact
    /// JSON, so bytes bound its characters); returns the kept items, whether it cut, and notes
    /// that say what was shortened inside a first item that alone was over the limit.
    static func capped(_ items: [JSONValue], maxBytes: Int) -> (kept: [JSONValue], truncated: Bool, notes: [String]) {
        let maxBytes = max(maxBytes - envelopeReserve, 512)
        var total = 2
        for (index, item) in items.enumerated() {
            total += item.compactByteCount + 1
            if total > maxBytes {
                guard index == 0 else { return (Array(items.prefix(index)), true, []) }
                // Always return at least one item so that a cursor makes progress, shortened to fit.
                let (short, notes) = ItemShortener.shorten(item, toFit: maxBytes - 4)
                return ([short], items.count > 1, notes)
            }
        }
        return (items, false, [])
    }

    static func result(
        items: [JSONValue], nextCursor: String?, truncated: Bool, cloud: String, region: String?,
        notes: [String] = []
    ) -> ToolResult {
        var document: [String: JSONValue] = [
            "items": .array(items), "count": .int(items.count), "truncated": .bool(truncated), "cloud": .string(cloud),
        ]
        if let nextCursor { document["next_cursor"] = .string(nextCursor) }
        if let region { document["region"] = .string(region) }
        var notes = notes
        if truncated { notes.insert(truncationNote(kept: items.count), at: 0) }
        if !notes.isEmpty { document["notes"] = .array(notes.map(JSONValue.string)) }
        return .structured(.object(document))
    }

    /// Says how to get the rest of a cut answer.
    static func truncationNote(kept: Int) -> String {
        "Cut after \(kept) items to fit the answer size limit (--max-result-bytes): call again with the same arguments "
            + "and cursor=next_cursor for the rest, or ask for less (a smaller limit, detail_level=basic, or a filter)."
    }

    /// Says in words that nothing matched, and where and with what the tool looked, so that an
    /// empty list is never mistaken for missing data.
    static func emptyNote(
        noun: String, arguments: ToolArguments, projectScoped: Bool, project: String?, cloud: String, region: String?
    ) -> String {
        let ignored: Set<String> = ["limit", "detail_level", "cursor", "cloud", "region", "all_projects"]
        let criteria = arguments.values.filter { !ignored.contains($0.key) }
            .sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.stringValue ?? $0.value.compactText())" }
        var scope = ""
        if projectScoped {
            let all = (try? arguments.bool("all_projects", default: false)) ?? false
            scope = all || arguments.values["project_id"] != nil
                ? " in any project" : " in project \(project ?? "of the token") (all_projects=false)"
        }
        let matching = criteria.isEmpty ? "" : " match " + criteria.joined(separator: ", ")
        return "0 \(plural(noun))\(matching)\(scope) on cloud \(cloud)\(region.map { ", region \($0)" } ?? "")."
    }

    /// "policy" → "policies", "port" → "ports".
    static func plural(_ noun: String) -> String {
        guard noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) else { return noun + "s" }
        return noun.dropLast() + "ies"
    }

    /// An `isError` result whose text says what failed and what to do next.
    static func error(_ message: String) -> ToolResult {
        .failure(message)
    }
}
