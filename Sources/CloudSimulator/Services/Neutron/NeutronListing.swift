import Foundation

/// Neutron list semantics: attribute filters (repeated key = OR), then id-ordered paging with
/// `next`/`previous` links. Items are rendered lazily, so a page scans only up to its end.
extension NeutronAPI {
    private static let reserved: Set<String> = ["limit", "marker", "page_reverse", "fields", "sort_key", "sort_dir"]

    func list(_ collection: Collection, path: String, _ items: [Item], request: IncomingRequest) -> Reply {
        let name = collection.key
        var grouped: [(String, [String])] = []
        for item in request.query.items where !Self.reserved.contains(item.name) && !collection.ownFilters.contains(item.name) {
            if let index = grouped.firstIndex(where: { $0.0 == item.name }) {
                grouped[index].1.append(item.value)
            } else {
                grouped.append((item.name, [item.value]))
            }
        }
        let knownKeys = Set(items.first?.render().keys ?? [])
        for (key, _) in grouped where !knownKeys.isEmpty && !knownKeys.contains(key) {
            return .json(Self.error(type: "HTTPBadRequest", message: "[\(key)] is invalid attribute for filtering"), status: 400)
        }
        /// The rendered body when the item passes every filter.
        func accepted(_ item: Item) -> JSON? {
            let body = item.render()
            // Not `cond ? body : nil`: JSON is nil-literal convertible, so that `nil` would be JSON.null.
            guard grouped.allSatisfy({ key, values in values.contains { Self.matches(body[key], $0) } }) else {
                return Optional<JSON>.none
            }
            return body
        }

        guard collection.paged, let limitText = request.query.first("limit") else {
            var all: [JSON] = []
            for item in items {
                if let body = accepted(item) { all.append(selectFields(body, request)) }
            }
            return .json([name: .array(all)])
        }
        guard let parsed = Int(limitText), parsed >= 0 else {
            return .json(Self.error(type: "HTTPBadRequest", message: "Bad limit request: Limit must be an integer 0 or greater and not '\(limitText)'."), status: 400)
        }
        let limit = parsed == 0 ? Int.max : parsed
        let marker = request.query.first("marker")
        if let marker, !items.contains(where: { $0.id == marker }) {
            return notFound(collection, id: marker)
        }
        let reverse = request.query.flag("page_reverse")
        var links: [JSON] = []
        let base = "/network/v2.0/\(path)"
        func link(_ rel: String, _ id: String, reversed: Bool) -> JSON {
            var replacements = [("limit", limitText), ("marker", id)]
            if reversed { replacements.append(("page_reverse", "True")) }
            let href = request.link(path: base, replacing: replacements, removing: reversed ? [] : ["page_reverse"])
            return ["href": .string(href), "rel": .string(rel)]
        }
        // Scan in paging direction and stop one match past the page: that match proves there is more.
        let ordered: AnySequence<Item> = reverse
            ? AnySequence(items.reversed().lazy.filter { marker == nil || $0.id < marker! })
            : AnySequence(items.lazy.filter { marker == nil || $0.id > marker! })
        var page: [(id: String, body: JSON)] = []
        var more = false
        for item in ordered {
            guard let body = accepted(item) else { continue }
            if page.count == limit {
                more = true
                break
            }
            page.append((item.id, body))
        }
        if reverse {
            page.reverse()
            if let first = page.first, more { links.append(link("previous", first.id, reversed: true)) }
            if marker != nil, let last = page.last { links.append(link("next", last.id, reversed: false)) }
        } else {
            if let last = page.last, more { links.append(link("next", last.id, reversed: false)) }
            if marker != nil, let first = page.first { links.append(link("previous", first.id, reversed: true)) }
        }
        var body: JSON = [name: .array(page.map { selectFields($0.body, request) })]
        if !links.isEmpty { body.set("\(name)_links", .array(links)) }
        return .json(body)
    }

    /// Whether an attribute equals a query value: booleans case-insensitively, lists by membership,
    /// and lists of objects by `key=value` (`fixed_ips=ip_address=10.0.0.5`, `ip_address_substr=`).
    private static func matches(_ value: JSON?, _ wanted: String) -> Bool {
        guard let value else { return false }
        switch value {
        case .bool(let flag):
            return ["true", "1"].contains(wanted.lowercased()) == flag && ["true", "1", "false", "0"].contains(wanted.lowercased())
        case .array(let elements):
            if let equals = wanted.firstIndex(of: "="), elements.contains(where: { if case .object = $0 { true } else { false } }) {
                let key = String(wanted[..<equals]), expected = String(wanted[wanted.index(after: equals)...])
                if key == "ip_address_substr" {
                    return elements.contains { $0["ip_address"]?.filterText?.contains(expected) == true }
                }
                return elements.contains { $0[key]?.filterText == expected }
            }
            let needed = wanted.split(separator: ",").map(String.init)
            return needed.allSatisfy { item in elements.contains { $0.filterText == item } }
        case .null:
            return wanted.isEmpty || wanted.lowercased() == "none"
        default:
            return value.filterText == wanted
        }
    }
}
