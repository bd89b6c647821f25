import OpenStackKit

/// Shortens one item that alone is over the answer size limit.
///
/// Cutting a list between items cannot help when its first item is itself too big: one
/// project's usage at `detail_level=full` lists every server it ran, 165 KB on a 2,000-server
/// cloud. Rather than send an answer over the limit, the longest list inside the item loses
/// entries from its end until the item fits, and a note says which list and by how much.
enum ItemShortener {
    /// The item cut to fit `maxBytes`, and a note for each list that was shortened; the item is
    /// returned unchanged when it has no list that could make it fit.
    static func shorten(_ item: JSONValue, toFit maxBytes: Int) -> (item: JSONValue, notes: [String]) {
        var item = item
        var notes: [String] = []
        // Each pass shortens the longest list; a few passes cover an item with several big lists.
        for _ in 0..<4 {
            let excess = item.compactByteCount - maxBytes
            guard excess > 0, let longest = longestList(in: item, at: []), longest.bytes > 2 else { break }
            var removed = 0
            var count = longest.items.count
            while count > 0 && removed < excess {
                count -= 1
                removed += longest.items[count].compactByteCount + 1
            }
            item = replacing(in: item, at: longest.path, with: .array(Array(longest.items.prefix(count))))
            notes.append(
                "\(longest.path.joined(separator: ".")) in the first item was cut from \(longest.items.count) to "
                    + "\(count) entries to fit the answer size limit (--max-result-bytes); ask for less "
                    + "(detail_level=basic or detailed, or a narrower filter) to see it whole.")
        }
        return (item, notes)
    }

    private struct Found {
        var path: [String]
        var items: [JSONValue]
        var bytes: Int
    }

    /// The list with the most bytes anywhere under objects (lists inside lists are left whole:
    /// their entries have no name to report).
    private static func longestList(in value: JSONValue, at path: [String]) -> Found? {
        guard case .object(let members) = value else { return nil }
        var best: Found?
        for (key, member) in members {
            var candidate: Found?
            if case .array(let items) = member, !items.isEmpty {
                candidate = Found(path: path + [key], items: items, bytes: member.compactByteCount)
            } else {
                candidate = longestList(in: member, at: path + [key])
            }
            if let candidate, candidate.bytes > (best?.bytes ?? 0) { best = candidate }
        }
        return best
    }

    private static func replacing(in value: JSONValue, at path: [String], with new: JSONValue) -> JSONValue {
        guard let key = path.first, case .object(var members) = value, let member = members[key] else { return new }
        members[key] = path.count == 1 ? new : replacing(in: member, at: Array(path.dropFirst()), with: new)
        return .object(members)
    }
}
