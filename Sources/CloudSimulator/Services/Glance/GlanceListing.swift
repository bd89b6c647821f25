import Foundation

/// `GET /image/v2/images`: filters (including `in:` lists and custom properties), sorting, paging.
extension GlanceAPI {
    private static let pagingKeys: Set<String> = ["limit", "marker", "sort_key", "sort_dir", "sort"]

    func listImages(_ request: IncomingRequest) -> Reply {
        let query = request.query
        var limit = 25
        if let text = query.first("limit") {
            guard let value = Int(text), value >= 0 else { return error(400, "limit param must be an integer", request) }
            limit = min(value, environment.configuration.imageMaxLimit)
        }
        let visibility = query.first("visibility")
        var images = environment.data.images.filter { listed($0, request, visibility: visibility) }
        for item in query.items where !Self.pagingKeys.contains(item.name) && item.name != "visibility" {
            images = images.filter { matches($0, item.name, item.value) }
        }
        if !query.has("os_hidden") { images = images.filter { !$0.osHidden } }
        images = sorted(images, query)

        var start = 0
        if let marker = query.first("marker") {
            guard let index = images.firstIndex(where: { $0.id == marker }) else {
                return error(400, "No image found with ID \(marker)", request)
            }
            start = index + 1
        }
        let page = images[start...].prefix(limit)
        let firstQuery = query.replacing([], removing: ["marker"]).encoded
        var body: JSON = [
            "images": .array(page.map(render)),
            "first": .string("/v2/images" + (firstQuery.isEmpty ? "" : "?" + firstQuery)),
            "schema": "/v2/schemas/images",
        ]
        if let last = page.last, page.count == limit {
            var replacements = [("marker", last.id)]
            if !query.has("limit") { replacements.insert(("limit", String(limit)), at: 0) }
            body.set("next", .string("/v2/images?" + query.replacing(replacements).encoded))
        }
        return .json(body)
    }

    /// Glance filter semantics: `in:a,b` lists for core attributes, exact match otherwise,
    /// unknown names filter on custom properties.
    private func matches(_ image: DemoImage, _ name: String, _ value: String) -> Bool {
        let wanted: [String] = value.hasPrefix("in:")
            ? value.dropFirst(3).split(separator: ",").map { $0.trimmingCharacters(in: .init(charactersIn: "\" ")) }
            : [value]
        func check(_ actual: String?) -> Bool { actual.map(wanted.contains) ?? false }
        switch name {
        case "id": return check(image.id)
        case "name": return check(image.name)
        case "status": return check(image.status)
        case "owner": return check(image.owner)
        case "container_format": return check(image.containerFormat)
        case "disk_format": return check(image.diskFormat)
        case "protected": return check(image.protected ? "true" : "false")
        case "os_hidden": return check(image.osHidden ? "true" : "false")
        case "tag": return image.tags.contains(value)
        case "size_min": return (image.size ?? 0) >= (Int(value) ?? 0)
        case "size_max": return (image.size ?? 0) <= (Int(value) ?? Int.max)
        case "member_status": return true
        default: return check(image.properties[name])
        }
    }

    private func sorted(_ images: [DemoImage], _ query: QueryString) -> [DemoImage] {
        var key = "created_at", ascending = false
        if let sort = query.first("sort") {
            let first = sort.split(separator: ",").first.map(String.init) ?? ""
            let parts = first.split(separator: ":").map(String.init)
            key = parts.first ?? key
            ascending = parts.count > 1 && parts[1] == "asc"
        } else if let sortKey = query.first("sort_key") {
            key = sortKey
            ascending = query.first("sort_dir") == "asc"
        }
        guard key != "created_at" || ascending else { return images }
        let ordered = images.sorted { lhs, rhs in
            switch key {
            case "name": return (lhs.name, lhs.id) < (rhs.name, rhs.id)
            case "status": return (lhs.status, lhs.id) < (rhs.status, rhs.id)
            case "size": return (lhs.size ?? 0, lhs.id) < (rhs.size ?? 0, rhs.id)
            case "updated_at": return (lhs.updatedAt, lhs.id) < (rhs.updatedAt, rhs.id)
            case "id": return lhs.id < rhs.id
            default: return (lhs.createdAt, lhs.id) < (rhs.createdAt, rhs.id)
            }
        }
        return ascending ? ordered : ordered.reversed()
    }
}
