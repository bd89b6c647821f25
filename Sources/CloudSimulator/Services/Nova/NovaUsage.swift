import Foundation

/// `os-simple-tenant-usage`: usage per project over a period, computed from the servers' launch
/// times and flavors as Nova does, paged by instance from 2.40.
extension NovaAPI {
    func tenantUsage(_ request: IncomingRequest, project requested: String?, version: APIVersion) -> Reply {
        if let requested {
            guard request.isAdmin || requested == request.projectID else {
                return policyForbidden("os_compute_api:os-simple-tenant-usage:show", request)
            }
        } else if !request.isAdmin {
            return policyForbidden("os_compute_api:os-simple-tenant-usage:list", request)
        }
        let now = Date()
        var period: [Date] = []
        for name in ["start", "end"] {
            guard let text = request.query.first(name), !text.isEmpty else { period.append(now); continue }
            guard let date = Timestamp.parse(text), text.count >= 19 else {
                return error(400, "Invalid input for field/attribute \(name). Datetime is in invalid format", request)
            }
            period.append(date)
        }
        let (start, end) = (period[0], period[1])
        guard start <= end else {
            return error(400, "Invalid start time. The start time cannot occur after the end time.", request)
        }
        // Oldest first, as Nova reads them; servers never launched have no usage.
        let data = environment.data
        let inWindow = data.servers.reversed().filter { server in
            guard let launched = server.launchedAt, launched < end else { return false }
            return requested == nil || server.projectID == requested
        }
        var page = inWindow[...]
        var limit = inWindow.count
        if version >= APIVersion(2, 40) {
            switch paging(request, exists: { id in inWindow.contains { $0.id == id } }) {
            case .value(let (pageLimit, marker)):
                limit = pageLimit
                let first = marker.flatMap { id in inWindow.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
                page = inWindow[first...].prefix(limit)
            case .reply(let reply): return reply
            }
        }
        let detailed = requested != nil || request.query.first("detailed") == "1"
        var order: [String] = []
        var byProject: [String: [DemoServer]] = [:]
        for server in page {
            if byProject[server.projectID] == nil { order.append(server.projectID) }
            byProject[server.projectID, default: []].append(server)
        }
        let usages = order.map { project in
            renderTenantUsage(project, byProject[project]!, start: start, end: end, now: now, detailed: detailed)
        }
        let key = requested == nil ? "tenant_usages" : "tenant_usage"
        var body: JSON = requested == nil ? [key: .array(usages)] : [key: usages.first ?? [:]]
        if let last = page.last, page.count == limit, version >= APIVersion(2, 40) {
            body.set("\(key)_links", [["rel": "next", "href": .string(request.link(replacing: [("marker", last.id)]))]])
        }
        return .json(body)
    }

    private func renderTenantUsage(
        _ project: String, _ servers: [DemoServer], start: Date, end: Date, now: Date, detailed: Bool
    ) -> JSON {
        var totals = (hours: 0.0, vcpus: 0.0, memory: 0.0, disk: 0.0)
        var entries: [JSON] = []
        for server in servers {
            let launched = server.launchedAt!
            let hours = max(0, end.timeIntervalSince(max(launched, start))) / 3600
            let flavor = flavors[server.flavorID]
            totals.hours += hours
            totals.vcpus += hours * Double(flavor?.vcpus ?? 0)
            totals.memory += hours * Double(flavor?.ram ?? 0)
            totals.disk += hours * Double(flavor?.disk ?? 0)
            guard detailed else { continue }
            entries.append([
                "ended_at": nil, "flavor": .string(flavor?.name ?? ""), "hours": .double(hours),
                "instance_id": .string(server.id), "local_gb": .int(flavor?.disk ?? 0), "memory_mb": .int(flavor?.ram ?? 0),
                "name": .string(server.name), "started_at": .string(Timestamp.format(launched, .microseconds)),
                "state": .string(server.vmState), "tenant_id": .string(project),
                "uptime": .int(Int(now.timeIntervalSince(launched))), "vcpus": .int(flavor?.vcpus ?? 0),
            ])
        }
        var body: JSON = [:]
        if detailed { body.set("server_usages", .array(entries)) }
        body.set("start", .string(Timestamp.format(start, .microseconds)))
        body.set("stop", .string(Timestamp.format(end, .microseconds)))
        body.set("tenant_id", .string(project))
        body.set("total_hours", .double(totals.hours))
        body.set("total_local_gb_usage", .double(totals.disk))
        body.set("total_memory_mb_usage", .double(totals.memory))
        body.set("total_vcpus_usage", .double(totals.vcpus))
        return body
    }
}
