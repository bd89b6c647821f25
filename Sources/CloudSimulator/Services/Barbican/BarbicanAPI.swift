import Foundation

/// Barbican (Key Manager v1) under `/key-manager`: secrets, containers and orders of the
/// caller's project (Barbican scopes every list to the token's project, an admin's too), paged
/// with `limit`/`offset`, `next`/`previous` hrefs and `total`; a secret's ACL. Like real
/// Barbican it hands out a secret's payload at `/payload`, and at the secret itself to an
/// Accept other than JSON: the MCP server must never ask (the request log shows it did not).
struct BarbicanAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "key-manager"

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        ["code": .int(status), "title": .string(reasonPhrase(status)), "description": .string(message)]
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool { segments.count <= 1 }

    /// Every answer past authentication names Barbican's microversion, as Barbican's middleware does.
    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        route(request, segments).adding("OpenStack-API-Version", "key-manager 1.0").adding("Vary", "OpenStack-API-Version")
    }

    private func route(_ request: IncomingRequest, _ segments: ArraySlice<String>) -> Reply {
        let path = Array(segments)
        let root = request.baseURL + "/key-manager"
        if path.isEmpty {
            return .json(["versions": ["values": [version(root)]]], status: 300)
        }
        guard path[0] == "v1" else { return error(404, "", request) }
        if path.count == 1 { return .json(["version": version(root)]) }
        let data = environment.data.keyManager
        let (items, key, missing): ([DemoBarbicanObject], String, String)
        switch path[1] {
        case "secrets": (items, key, missing) = (data.secrets, "secret", "Secret not found.")
        case "containers": (items, key, missing) = (data.containers, "container", "Secrets container not found.")
        case "orders": (items, key, missing) = (data.orders, "order", "Order not found.")
        default: return error(404, "", request)
        }
        let own = items.filter { $0.projectID == request.projectID }
        let base = root + "/v1/" + path[1]
        if path.count == 2 { return list(own, collection: path[1], refKey: key + "_ref", base: base, request) }
        guard let item = own.first(where: { $0.id == path[2] }) else {
            return error(404, missing, request)
        }
        switch Array(path.dropFirst(3)) {
        case [] where key == "secret" && !Self.wantsJSON(request.header("Accept")):
            return Reply(status: 200, body: .text(item.payload ?? ""))
        case []: return .json(Self.rendered(item, refKey: key + "_ref", base: base, root: root))
        case ["payload"] where key == "secret": return Reply(status: 200, body: .text(item.payload ?? ""))
        case ["acl"] where key == "secret": return .json(item.acl)
        default: return error(404, "", request)
        }
    }

    private func version(_ root: String) -> JSON {
        [
            "id": "v1", "status": "stable", "updated": "2015-04-28T00:00:00Z",
            "links": [["rel": "self", "href": .string(root + "/v1/")]],
            "media-types": [["base": "application/json", "type": "application/vnd.openstack.key-manager-v1+json"]],
        ]
    }

    /// Barbican serves the metadata to `application/json` (and to no Accept at all).
    static func wantsJSON(_ accept: String?) -> Bool {
        guard let accept, !accept.isEmpty else { return true }
        return accept.split(separator: ",").contains { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces) == "application/json" }
    }

    /// The body with its own ref, and the refs to other objects made absolute.
    static func rendered(_ item: DemoBarbicanObject, refKey: String, base: String, root: String) -> JSON {
        var body = item.body
        body.set(refKey, .string(base + "/" + item.id))
        if let secret = body["secret_ref"]?.stringValue, refKey != "secret_ref" {
            body.set("secret_ref", .string(root + "/v1/secrets/" + secret))
        }
        if case .array(let refs)? = body["secret_refs"] {
            body.set("secret_refs", .array(refs.map { ref in
                var ref = ref
                ref.set("secret_ref", .string(root + "/v1/secrets/" + (ref["secret_ref"]?.stringValue ?? "")))
                return ref
            }))
        }
        return body
    }

    private func list(_ items: [DemoBarbicanObject], collection: String, refKey: String, base: String, _ request: IncomingRequest) -> Reply {
        var limit = 10
        var offset = 0
        if let text = request.query.first("limit") {
            guard let parsed = Int(text) else { return error(400, "Provided limit is not an integer.", request) }
            limit = min(max(parsed, 0), 100)
        }
        if let text = request.query.first("offset") {
            guard let parsed = Int(text) else { return error(400, "Provided offset is not an integer.", request) }
            offset = max(parsed, 0)
        }
        var matching = items
        if collection == "secrets" {
            guard let filtered = Self.filterSecrets(items, request) else {
                return error(400, "Invalid date filter in the request.", request)
            }
            matching = filtered
        } else if let name = request.query.first("name") {
            matching = matching.filter { $0.body["name"]?.stringValue == name }
        }
        if collection == "containers", let type = request.query.first("type") {
            matching = matching.filter { $0.body["type"]?.stringValue == type }
        }
        let root = request.baseURL + "/key-manager"
        let page = matching.dropFirst(offset).prefix(limit).map { Self.rendered($0, refKey: refKey, base: base, root: root) }
        var body: JSON = ["total": .int(matching.count)]
        body.set(collection, .array(Array(page)))
        if offset + limit < matching.count {
            body.set("next", .string(request.link(replacing: [("limit", String(limit)), ("offset", String(offset + limit))])))
        }
        if offset > 0 {
            body.set("previous", .string(request.link(replacing: [("limit", String(limit)), ("offset", String(max(0, offset - limit)))])))
        }
        return .json(body)
    }

    /// Barbican's secret filters: name, alg, mode, bits, secret_type, and the `expiration` date
    /// filter (`gte:`, `gt:`, `lte:`, `lt:` times, comma-separated). Nil for a malformed date.
    static func filterSecrets(_ items: [DemoBarbicanObject], _ request: IncomingRequest) -> [DemoBarbicanObject]? {
        var result = items
        let fields = ["name": "name", "alg": "algorithm", "mode": "mode", "bits": "bit_length", "secret_type": "secret_type"]
        for (word, field) in fields {
            if let value = request.query.first(word) { result = result.filter { $0.body[field]?.filterText == value } }
        }
        guard let filter = request.query.first("expiration") else { return result }
        for part in filter.split(separator: ",") {
            let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
            let (op, text) = pieces.count == 2 && ["gt", "gte", "lt", "lte"].contains(pieces[0]) ? (pieces[0], pieces[1]) : ("eq", String(part))
            guard let bound = Timestamp.parse(text) else { return nil }
            result = result.filter { secret in
                guard let date = secret.expiration else { return false }
                switch op {
                case "gt": return date > bound
                case "gte": return date >= bound
                case "lt": return date < bound
                case "lte": return date <= bound
                default: return date == bound
                }
            }
        }
        return result
    }
}
