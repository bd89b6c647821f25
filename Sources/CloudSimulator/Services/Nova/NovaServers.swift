import Foundation

/// `GET /servers`, `/servers/detail`, `/servers/{id}`: filters, project scoping and marker paging.
extension NovaAPI {
    static let knownStatuses: Set<String> = [
        "ACTIVE", "BUILD", "DELETED", "ERROR", "HARD_REBOOT", "MIGRATING", "PASSWORD", "PAUSED", "REBOOT",
        "REBUILD", "RESCUE", "RESIZE", "REVERT_RESIZE", "SHELVED", "SHELVED_OFFLOADED", "SHUTOFF",
        "SOFT_DELETED", "SUSPENDED", "UNKNOWN", "VERIFY_RESIZE",
    ]

    func listServers(_ request: IncomingRequest, version: APIVersion, detail: Bool) -> Reply {
        let query = request.query
        let allTenants = query.flag("all_tenants")
        if allTenants && !request.isAdmin {
            return policyForbidden("os_compute_api:servers:\(detail ? "detail" : "index"):get_all_tenants", request)
        }
        let data = environment.data
        let limit: Int, marker: String?
        switch paging(request, exists: { data.serverIndex[$0] != nil }) {
        case .value(let values): (limit, marker) = values
        case .reply(let reply): return reply
        }

        let project: String? = allTenants ? (query.first("project_id") ?? query.first("tenant_id")) : request.projectID
        let statuses = Set(query.all("status").map { $0.uppercased() })
        if !statuses.isEmpty && !statuses.isSubset(of: Self.knownStatuses) {
            if version >= APIVersion(2, 38) {
                return error(400, "Invalid status value", request)
            }
            return serverPage([], request: request, version: version, detail: detail, limit: limit)
        }
        let host = request.isAdmin ? query.first("host") : nil
        let flavor = query.first("flavor"), image = query.first("image")
        let namePattern = query.first("name").map(TextPattern.init)
        let ipPattern = query.first("ip").map(TextPattern.init)
        var changesSince: Date?
        if let text = query.first("changes-since") {
            guard let date = Timestamp.parse(text) else {
                return error(400, "Invalid input for field/attribute changes-since. Value: \(text).", request)
            }
            changesSince = date
        }

        let start = marker.flatMap { data.serverIndex[$0] }.map { $0 + 1 } ?? 0
        var page: [DemoServer] = []
        page.reserveCapacity(min(limit, 1000))
        var index = start
        while index < data.servers.count && page.count < limit {
            let server = data.servers[index]
            index += 1
            if let project, server.projectID != project { continue }
            if !statuses.isEmpty && !statuses.contains(server.status) { continue }
            if let host, server.host != host { continue }
            if let flavor, server.flavorID != flavor { continue }
            if let image, server.imageID != image { continue }
            if let changesSince, server.updated < changesSince { continue }
            if let namePattern, !namePattern.matches(server.name) { continue }
            if let ipPattern, !server.addresses.contains(where: { $0.version == 4 && ipPattern.matches($0.address) }) { continue }
            page.append(server)
        }
        return serverPage(page, request: request, version: version, detail: detail, limit: limit)
    }

    private func serverPage(_ page: [DemoServer], request: IncomingRequest, version: APIVersion, detail: Bool, limit: Int) -> Reply {
        let items = page.map { server -> JSON in
            detail
                ? renderServer(server, request: request, version: version)
                : ["id": .string(server.id), "links": links(request, "servers", server.id), "name": .string(server.name)]
        }
        var body: JSON = ["servers": .array(items)]
        if let last = page.last, page.count == limit {
            var replacements = [("marker", last.id)]
            if !request.query.has("limit") { replacements.insert(("limit", String(limit)), at: 0) }
            body.set("servers_links", [["rel": "next", "href": .string(request.link(replacing: replacements))]])
        }
        return .json(body)
    }

    func showServer(_ request: IncomingRequest, id: String, version: APIVersion) -> Reply {
        guard let server = environment.data.server(id: id), request.isAdmin || server.projectID == request.projectID else {
            return error(404, "Instance \(id) could not be found.", request)
        }
        return .json(["server": renderServer(server, request: request, version: version)])
    }
}

/// A Nova-style regular-expression filter (Python `re.search`, case-insensitive); falls back to a
/// case-insensitive substring match when the pattern does not compile.
struct TextPattern {
    private let regex: NSRegularExpression?
    private let literal: String

    init(_ pattern: String) {
        regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        literal = pattern.lowercased()
    }

    func matches(_ text: String) -> Bool {
        guard let regex else { return text.lowercased().contains(literal) }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
