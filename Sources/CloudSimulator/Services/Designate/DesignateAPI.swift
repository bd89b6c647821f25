import Foundation

/// Designate (DNS v2) under `/dns`: zones with their recordsets, recordsets across zones, the PTR
/// records of floating IPs, zone transfer requests and pools (admin). Lists filter on their
/// fields with `*` wildcards, page with `limit`/`marker` and a `links.next`. The project scope is
/// a header: `X-Auth-All-Projects: true` for every project, `X-Auth-Sudo-Project-ID` for one (admin).
struct DesignateAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "dns"

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        let type: String
        switch status {
        case 400: type = "invalid_object"
        case 403: type = "forbidden"
        case 404: type = "not_found"
        default: type = "service_unavailable"
        }
        var body: JSON = ["code": .int(status), "type": .string(type), "request_id": .string("req-" + UUID().uuidString.lowercased())]
        // Designate's policy refusals carry no message; its other errors do.
        if status != 403 { body.set("message", .string(message)) }
        return body
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool { segments.isEmpty }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        let path = Array(segments)
        if path.isEmpty { return .json(versions(request)) }
        guard path[0] == "v2", path.count >= 2 else { return error(404, "The resource could not be found.", request) }
        let projects: Set<String>?
        switch scope(request) {
        case .failure(let refusal): return refusal.reply
        case .success(let value): projects = value
        }
        let dns = environment.data.dns
        let visible = { (items: [DemoDNSObject]) in projects.map { set in items.filter { set.contains($0.projectID) } } ?? items }
        let rest = Array(path.dropFirst())
        switch rest {
        case ["zones"]: return list(visible(dns.zones), key: "zones", request, counted: true)
        case ["recordsets"]: return list(visible(dns.recordsets), key: "recordsets", request, counted: true)
        case let tail where tail.first == "pools" && tail.count <= 2:
            guard request.isAdmin else { return error(403, "You are not authorized to perform this action.", request) }
            return rest.count == 1 ? list(dns.pools, key: "pools", request) : one(dns.pools, rest[1], "Pool", "pools", request)
        case ["zones", "tasks", "transfer_requests"]:
            // Outgoing offers and those made to the caller's project.
            let offers = dns.transferRequests.filter { offer in
                projects.map { $0.contains(offer.projectID) || $0.contains(offer.body["target_project_id"]?.filterText ?? "") } ?? true
            }
            return list(offers, key: "transfer_requests", request)
        case let tail where tail.count == 4 && tail[0] == "zones" && tail[1] == "tasks" && tail[2] == "transfer_requests":
            return one(
                dns.transferRequests.filter { projects == nil || projects!.contains($0.projectID) }, tail[3], "ZoneTransferRequest",
                "zones/tasks/transfer_requests", request)
        case ["reverse", "floatingips"]: return .json(["floatingips": .array(pointers(request, dns)), "links": ["self": .string(request.link(replacing: []))]])
        case let tail where tail.count == 3 && tail[0] == "reverse" && tail[1] == "floatingips":
            guard let item = pointers(request, dns).first(where: { $0["id"]?.filterText == tail[2] }) else {
                return error(404, "FloatingIP \(tail[2]) is not associated for project \"\(request.projectID)\"", request)
            }
            return .json(item)
        case let tail where tail.count >= 2 && tail[0] == "zones":
            guard let zone = visible(dns.zones).first(where: { $0.id == tail[1] }) else {
                return error(404, "Could not find Zone", request)
            }
            switch Array(tail.dropFirst(2)) {
            case []: return .json(linked(zone.body, request, "zones/\(zone.id)"))
            case ["recordsets"]: return list(dns.recordsets.filter { $0.zoneID == zone.id }, key: "recordsets", request, counted: true)
            case let more where more.count == 2 && more[0] == "recordsets":
                return one(dns.recordsets.filter { $0.zoneID == zone.id }, more[1], "RecordSet", "recordsets", request)
            default: return error(404, "The resource could not be found.", request)
            }
        case let tail where tail.count == 2 && tail[0] == "recordsets":
            return one(visible(dns.recordsets), tail[1], "RecordSet", "recordsets", request)
        default:
            return error(404, "The resource could not be found.", request)
        }
    }

    /// The projects the caller sees (nil: all), from the scope headers; only an admin may send them.
    private func scope(_ request: IncomingRequest) -> Result<Set<String>?, ScopeRefusal> {
        let all = request.header("X-Auth-All-Projects").map { ["true", "1", "yes"].contains($0.lowercased()) } ?? false
        let sudo = request.header("X-Auth-Sudo-Project-ID")
        if (all || sudo != nil) && !request.isAdmin {
            return .failure(ScopeRefusal(reply: error(403, "You are not authorized to perform this action.", request)))
        }
        if let sudo { return .success([sudo]) }
        return .success(all ? nil : [request.projectID])
    }

    struct ScopeRefusal: Error { let reply: Reply }

    /// Every floating IP of the caller's project (all of them for an admin, as Neutron lists them
    /// to an admin token), with its PTR name or null.
    private func pointers(_ request: IncomingRequest, _ dns: DemoDNS) -> [JSON] {
        let floating = environment.data.floatingIPs.filter { request.isAdmin || $0.projectID == request.projectID }
        return floating.map { ip in
            let id = "RegionOne:" + ip.id
            let name = dns.floatingIPPointers[ip.id]
            return linked([
                "id": .string(id), "address": .string(ip.floatingIPAddress), "ptrdname": name.map(JSON.string) ?? nil,
                "ttl": name == nil ? nil : 3600, "description": nil, "status": name == nil ? nil : "ACTIVE",
                "action": name == nil ? nil : "NONE",
            ], request, "reverse/floatingips/\(id)")
        }
    }

    private func one(_ items: [DemoDNSObject], _ id: String, _ noun: String, _ key: String, _ request: IncomingRequest) -> Reply {
        guard let item = items.first(where: { $0.id == id }) else { return error(404, "Could not find \(noun)", request) }
        return .json(linked(item, key: key, request))
    }

    /// An item with its `links.self`, as Designate shows every item (recordsets under their zone).
    private func linked(_ item: DemoDNSObject, key: String, _ request: IncomingRequest) -> JSON {
        switch key {
        case "recordsets": return linked(item.body, request, "zones/\(item.zoneID ?? "")/recordsets/\(item.id)")
        case "transfer_requests": return linked(item.body, request, "zones/tasks/transfer_requests/\(item.id)")
        default: return linked(item.body, request, "\(key)/\(item.id)")
        }
    }

    private func linked(_ body: JSON, _ request: IncomingRequest, _ path: String) -> JSON {
        var body = body
        body.set("links", ["self": .string(request.baseURL + "/dns/v2/" + path)])
        return body
    }

    /// A page of `items`; `counted` lists (zones, recordsets) also say the total, as Designate does.
    private func list(_ items: [DemoDNSObject], key: String, _ request: IncomingRequest, counted: Bool = false) -> Reply {
        let filters = request.query.items.filter { !["limit", "marker", "sort_key", "sort_dir"].contains($0.name) }
        let matching = items.filter { item in filters.allSatisfy { Self.matches(item.body, $0.name, $0.value) } }
        switch SimplePaging.page(matching, key: \.id, request: request) {
        case .page(let page, let more):
            var links: JSON = ["self": .string(request.link(replacing: []))]
            if more, let last = page.last {
                links.set("next", .string(request.link(replacing: [("limit", request.query.first("limit") ?? "1000"), ("marker", last.id)])))
            }
            var body: JSON = [key: .array(page.map { linked($0, key: key, request) }), "links": links]
            if counted { body.set("metadata", ["total_count": .int(matching.count)]) }
            return .json(body)
        case .unknownMarker:
            return error(400, "Marker \(request.query.first("marker") ?? "") could not be found", request)
        case .badLimit(let text):
            return error(400, "limit must be an integer, got '\(text)'", request)
        }
    }

    /// A field (for `data`, any of the records) equals the value, with `*` as a wildcard.
    static func matches(_ body: JSON, _ name: String, _ value: String) -> Bool {
        let candidates: [String]
        if name == "data", case .array(let records)? = body["records"] {
            candidates = records.compactMap(\.filterText)
        } else {
            guard let text = body[name]?.filterText else { return false }
            candidates = [text]
        }
        let pattern = "^" + value.split(separator: "*", omittingEmptySubsequences: false).map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: ".*") + "$"
        return candidates.contains { $0.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil }
    }

    private func versions(_ request: IncomingRequest) -> JSON {
        let href = request.baseURL + "/dns/v2"
        return ["versions": [
            ["id": "v2.0", "status": "SUPPORTED", "links": [["href": .string(href), "rel": "self"]]],
            ["id": "v2.1", "status": "CURRENT", "links": [["href": .string(href), "rel": "self"]]],
        ]]
    }
}
