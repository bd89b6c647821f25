import Foundation

/// Swift (Object Storage v1) under `/object-store`: the account, its containers and their
/// objects, as JSON listings (`prefix`, `delimiter`, `limit`, `marker`) and as HEAD metadata.
/// A token reaches only its own project's account (`AUTH_<project>`), an admin's any.
struct SwiftAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "object-store"

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        ["error": .string(message)]
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool { segments == ["info"] }

    func allows(_ method: String, _ segments: ArraySlice<String>) -> Bool { method == "GET" || method == "HEAD" }

    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {
        // Swift's proxy names each transaction; plain-text errors, as Swift sends.
        reply.headers.append(("X-Trans-Id", "tx" + requestID.suffix(21)))
        // The missing-token 401 comes from the shared Keystone check, with Keystone's nested body.
        if reply.status >= 400, case .json(let body) = reply.body,
            let message = body["error"]?.filterText ?? body["error"]?["message"]?.filterText {
            reply.body = .text("<html><h1>\(reasonPhrase(reply.status))</h1><p>\(message)</p></html>")
            reply.headers.append(("Content-Type", "text/html; charset=UTF-8"))
        }
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        let path = Array(segments)
        if path == ["info"] { return .json(["swift": ["version": "2.36.0", "account_listing_limit": 10000, "container_listing_limit": 10000]]) }
        guard path.count >= 2, path[0] == "v1", path[1].hasPrefix("AUTH_") else {
            return error(404, "The resource could not be found.", request)
        }
        let project = String(path[1].dropFirst("AUTH_".count))
        guard request.isAdmin || project == request.projectID else { return error(403, "Forbidden", request) }
        guard let account = environment.data.extras.accounts[project] else {
            // Swift creates an account on first use: an unknown one is empty, not missing.
            return accountReply(DemoAccount(quotaBytes: nil, containers: [], createdAt: DemoDataGenerator.referenceDate), request)
        }
        switch path.count {
        case 2: return accountReply(account, request)
        case 3:
            guard let container = account.containers.first(where: { $0.name == path[2] }) else { return error(404, "Not Found", request) }
            return containerReply(container, request)
        default:
            let name = path[3...].joined(separator: "/")
            guard let container = account.containers.first(where: { $0.name == path[2] }),
                let object = container.objects.first(where: { $0.name == name })
            else { return error(404, "Not Found", request) }
            return objectReply(object, request)
        }
    }

    private func accountReply(_ account: DemoAccount, _ request: IncomingRequest) -> Reply {
        let listed = listing(account.containers.map { container -> (String, JSON) in
            (container.name, [
                "name": .string(container.name), "count": .int(container.objects.count), "bytes": .int(container.bytes),
                "storage_policy": "Policy-0",
                "last_modified": .string(Timestamp.format(container.lastModified, .microseconds)),
            ])
        }, request)
        var reply = request.method == "HEAD" ? Reply(status: 204, body: .empty) : listed
        reply.headers += [
            ("X-Account-Container-Count", String(account.containers.count)), ("X-Account-Object-Count", String(account.objectCount)),
            ("X-Account-Bytes-Used", String(account.bytesUsed)), ("X-Timestamp", String(Int(account.createdAt.timeIntervalSince1970))),
        ]
        if let quota = account.quotaBytes { reply.headers.append(("X-Account-Meta-Quota-Bytes", String(quota))) }
        reply.headers += [
            ("X-Account-Meta-Temp-URL-Key", DemoCanaries.accountTempURLKey),
            ("X-Account-Meta-Temp-URL-Key-2", DemoCanaries.accountTempURLKey2),
        ]
        return reply
    }

    private func containerReply(_ container: DemoContainer, _ request: IncomingRequest) -> Reply {
        let listed = listing(container.objects.map { object -> (String, JSON) in
            (object.name, [
                "hash": .string(object.hash), "last_modified": .string(Timestamp.format(object.lastModified, .microseconds)),
                "bytes": .int(object.bytes), "name": .string(object.name), "content_type": .string(object.contentType),
            ])
        }, request)
        var reply = request.method == "HEAD" ? Reply(status: 204, body: .empty) : listed
        reply.headers += [
            ("X-Container-Object-Count", String(container.objects.count)), ("X-Container-Bytes-Used", String(container.bytes)),
            ("X-Container-Meta-Temp-URL-Key", DemoCanaries.containerTempURLKey), ("X-Container-Sync-Key", DemoCanaries.containerSyncKey),
        ]
        return reply
    }

    private func objectReply(_ object: DemoObject, _ request: IncomingRequest) -> Reply {
        var reply = request.method == "HEAD"
            ? Reply(status: 200, body: .empty)
            : Reply(status: 200, body: .text(String(repeating: "x", count: min(object.bytes, 64))))
        reply.headers += [
            ("Content-Type", object.contentType), ("Etag", object.hash),
            ("Last-Modified", Self.httpDate(object.lastModified)), ("X-Timestamp", String(Int(object.lastModified.timeIntervalSince1970))),
            ("Accept-Ranges", "bytes"),
        ]
        // A HEAD has no body to count: the object's length is said, as Swift says it.
        if request.method == "HEAD" { reply.headers.append(("Content-Length", String(object.bytes))) }
        reply.headers += (object.metadata + [DemoCanaries.objectOrigin]).map { ("X-Object-Meta-" + $0.0, $0.1) }
        return reply
    }

    /// A JSON listing in name order with `prefix`, `delimiter`, `marker`, `end_marker` and `limit`;
    /// an empty one is a 204, as Swift answers.
    private func listing(_ entries: [(name: String, body: JSON)], _ request: IncomingRequest) -> Reply {
        let query = request.query
        let prefix = query.first("prefix") ?? ""
        let delimiter = query.first("delimiter").flatMap(\.first)
        let marker = query.first("marker") ?? ""
        let end = query.first("end_marker")
        let limit = min(Int(query.first("limit") ?? "") ?? 10_000, 10_000)
        var out: [JSON] = []
        var lastFolder: String?
        for entry in entries where entry.name.hasPrefix(prefix) && entry.name > marker && (end == nil || entry.name < end!) {
            if out.count == limit { break }
            if let delimiter, let cut = entry.name.dropFirst(prefix.count).firstIndex(of: delimiter) {
                let folder = String(entry.name[...cut])
                if folder != lastFolder && folder > marker { out.append(["subdir": .string(folder)]) }
                lastFolder = folder
                continue
            }
            out.append(entry.body)
        }
        return out.isEmpty ? Reply(status: 204, body: .empty) : .json(.array(out))
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
