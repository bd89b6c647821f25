import Foundation

/// Neutron list semantics: attribute filters (repeated key = OR), then id-ordered paging with
/// `next`/`previous` links.
extension NeutronAPI {
    private static let reserved: Set<String> = ["limit", "marker", "page_reverse", "fields", "sort_key", "sort_dir"]

    func list(_ name: String, _ items: [(id: String, body: JSON)], request: IncomingRequest) -> Reply {
        var grouped: [(String, [String])] = []
        for item in request.query.items where !Self.reserved.contains(item.name) {
            if let index = grouped.firstIndex(where: { $0.0 == item.name }) {
                grouped[index].1.append(item.value)
            } else {
                grouped.append((item.name, [item.value]))
            }
        }
        let knownKeys = Set(items.first?.body.keys ?? [])
        for (key, _) in grouped where !knownKeys.isEmpty && !knownKeys.contains(key) {
            return .json(Self.error(type: "HTTPBadRequest", message: "[\(key)] is invalid attribute for filtering"), status: 400)
        }
        let filtered = items.filter { item in
            grouped.allSatisfy { key, values in values.contains { Self.matches(item.body[key], $0) } }
        }

        guard let limitText = request.query.first("limit") else {
            return .json([name: .array(filtered.map { selectFieldsForList($0.body, request) })])
        }
        guard let parsed = Int(limitText), parsed >= 0 else {
            return .json(Self.error(type: "HTTPBadRequest", message: "Bad limit request: Limit must be an integer 0 or greater and not '\(limitText)'."), status: 400)
        }
        let limit = parsed == 0 ? Int.max : parsed
        let marker = request.query.first("marker")
        if let marker, !items.contains(where: { $0.id == marker }) {
            let singular = String(name.dropLast())
            return .json(Self.error(type: "\(singular.capitalized)NotFound", message: "\(singular.capitalized) \(marker) could not be found."), status: 404)
        }
        let reverse = request.query.flag("page_reverse")
        var page: [(id: String, body: JSON)]
        var links: [JSON] = []
        let base = "/network/v2.0/\(name)"
        func link(_ rel: String, _ id: String, reversed: Bool) -> JSON {
            var replacements = [("limit", limitText), ("marker", id)]
            if reversed { replacements.append(("page_reverse", "True")) }
            let href = request.link(path: base, replacing: replacements, removing: reversed ? [] : ["page_reverse"])
            return ["href": .string(href), "rel": .string(rel)]
        }
        if reverse {
            let candidates = filtered.filter { marker == nil || $0.id < marker! }
            page = Array(candidates.suffix(limit))
            if let first = page.first, candidates.count > page.count { links.append(link("previous", first.id, reversed: true)) }
            if marker != nil, let last = page.last { links.append(link("next", last.id, reversed: false)) }
        } else {
            let candidates = filtered.filter { marker == nil || $0.id > marker! }
            page = Array(candidates.prefix(limit))
            if let last = page.last, candidates.count > page.count { links.append(link("next", last.id, reversed: false)) }
            if marker != nil, let first = page.first { links.append(link("previous", first.id, reversed: true)) }
        }
        var body: JSON = [name: .array(page.map { selectFieldsForList($0.body, request) })]
        if !links.isEmpty { body.set("\(name)_links", .array(links)) }
        return .json(body)
    }

    private func selectFieldsForList(_ body: JSON, _ request: IncomingRequest) -> JSON {
        let fields = request.query.all("fields").flatMap { $0.split(separator: ",").map(String.init) }
        return fields.isEmpty ? body : body.selecting(Set(fields))
    }

    /// Whether an attribute equals a query value (booleans case-insensitively; lists by membership).
    private static func matches(_ value: JSON?, _ wanted: String) -> Bool {
        guard let value else { return false }
        switch value {
        case .bool(let flag):
            return ["true", "1"].contains(wanted.lowercased()) == flag && ["true", "1", "false", "0"].contains(wanted.lowercased())
        case .array(let elements):
            let needed = wanted.split(separator: ",").map(String.init)
            return needed.allSatisfy { item in elements.contains { $0.filterText == item } }
        case .null:
            return wanted.isEmpty || wanted.lowercased() == "none"
        default:
            return value.filterText == wanted
        }
    }
}
