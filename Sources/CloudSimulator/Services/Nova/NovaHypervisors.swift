import Foundation

/// `os-hypervisors`: list, detail, show and (before 2.88) statistics, admin only. Usage counters
/// follow the servers placed on each host, and disappear at 2.88 as in Nova.
extension NovaAPI {
    func listHypervisors(_ request: IncomingRequest, version: APIVersion, detail: Bool) -> Reply {
        guard request.isAdmin else {
            return policyForbidden("os_compute_api:os-hypervisors:\(detail ? "list-detail" : "list")", request)
        }
        let hosts = environment.data.hypervisorHosts
        let uuids = version >= APIVersion(2, 53)
        let ids = hosts.enumerated().map { uuids ? $1.id : String($0 + 1) }
        if uuids, let pattern = request.query.first("hypervisor_hostname_pattern") {
            if request.query.has("limit") || request.query.has("marker") {
                return error(400, "Paging over hypervisors with the hostname pattern is not supported.", request)
            }
            let matching = hosts.enumerated().filter { $0.element.hypervisorHostname.lowercased().contains(pattern.lowercased()) }
            guard !matching.isEmpty else { return error(404, "No hypervisor matching '\(pattern)' could be found.", request) }
            return .json(["hypervisors": .array(matching.map { renderHypervisor($1, index: $0, request, version, detail: detail) })])
        }
        var limit = hosts.count, start = 0
        if version >= APIVersion(2, 33) {
            switch paging(request, exists: { ids.contains($0) }) {
            case .value(let (pageLimit, marker)):
                limit = pageLimit
                start = marker.flatMap { ids.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            case .reply(let reply): return reply
            }
        }
        let page = Array(hosts.enumerated().dropFirst(start).prefix(limit))
        var body: JSON = ["hypervisors": .array(page.map { renderHypervisor($1, index: $0, request, version, detail: detail) })]
        if let last = page.last, page.count == limit, version >= APIVersion(2, 33) {
            var replacements = [("marker", ids[last.offset])]
            if !request.query.has("limit") { replacements.insert(("limit", String(limit)), at: 0) }
            body.set("hypervisors_links", [["rel": "next", "href": .string(request.link(replacing: replacements))]])
        }
        return .json(body)
    }

    func showHypervisor(_ request: IncomingRequest, id: String, version: APIVersion) -> Reply {
        guard request.isAdmin else { return policyForbidden("os_compute_api:os-hypervisors:show", request) }
        let hosts = environment.data.hypervisorHosts
        let index: Int?
        if version >= APIVersion(2, 53) {
            guard UUID(uuidString: id) != nil else { return error(400, "Invalid uuid \(id)", request) }
            index = hosts.firstIndex { $0.id == id }
        } else {
            index = Int(id).flatMap { (1...hosts.count).contains($0) ? $0 - 1 : nil }
        }
        guard let index else { return error(404, "Hypervisor with ID \(id) could not be found.", request) }
        return .json(["hypervisor": renderHypervisor(hosts[index], index: index, request, version, detail: true)])
    }

    func hypervisorStatistics(_ request: IncomingRequest, version: APIVersion) -> Reply {
        guard version < APIVersion(2, 88) else { return error(404, "The resource could not be found.", request) }
        guard request.isAdmin else { return policyForbidden("os_compute_api:os-hypervisors:statistics", request) }
        var totals: [String: Int] = [:]
        for host in environment.data.hypervisorHosts {
            for (key, value) in hypervisorCounters(host) { totals[key, default: 0] += value }
        }
        var body: JSON = ["count": .int(environment.data.hypervisorHosts.count)]
        for key in totals.keys.sorted() { body.set(key, .int(totals[key]!)) }
        return .json(["hypervisor_statistics": body])
    }

    /// The pre-2.88 usage counters of a host, consistent with Placement (the same servers and
    /// sizes) and with `with_servers` (every server on the host counts as running there).
    private func hypervisorCounters(_ host: DemoHypervisorHost) -> [String: Int] {
        let data = environment.data
        let usage = data.placementUsage(onHost: host.name)
        let ramUsed = 512 + (usage["MEMORY_MB"] ?? 0), diskUsed = usage["DISK_GB"] ?? 0
        return [
            "vcpus": host.vcpus, "vcpus_used": usage["VCPU"] ?? 0, "memory_mb": host.memoryMB, "memory_mb_used": ramUsed,
            "local_gb": host.localGB, "local_gb_used": diskUsed, "free_ram_mb": host.memoryMB - ramUsed,
            "free_disk_gb": host.localGB - diskUsed, "running_vms": data.servers(onHost: host.name).count, "current_workload": 0,
            "disk_available_least": host.localGB - diskUsed,
        ]
    }

    private func renderHypervisor(
        _ host: DemoHypervisorHost, index: Int, _ request: IncomingRequest, _ version: APIVersion, detail: Bool
    ) -> JSON {
        let uuids = version >= APIVersion(2, 53)
        var item: JSON = [:]
        if detail {
            let service = environment.data.computeServices.first { $0.binary == "nova-compute" && $0.host == host.name }
            if version < APIVersion(2, 88) {
                item.set("cpu_info", "{\"arch\": \"x86_64\", \"model\": \"EPYC-Rome\", \"vendor\": \"AMD\"}")
                for (key, value) in hypervisorCounters(host).sorted(by: { $0.key < $1.key }) { item.set(key, .int(value)) }
            }
            item.set("host_ip", .string(host.hostIP))
            item.set("hypervisor_hostname", .string(host.hypervisorHostname))
            item.set("hypervisor_type", "QEMU")
            item.set("hypervisor_version", 8_002_000)
            item.set("id", uuids ? .string(host.id) : .int(index + 1))
            item.set("service", [
                "disabled_reason": .str(service?.disabledReason), "host": .string(host.name),
                "id": uuids ? .str(service?.uuid) : .num(service?.id),
            ])
        } else {
            item.set("hypervisor_hostname", .string(host.hypervisorHostname))
            item.set("id", uuids ? .string(host.id) : .int(index + 1))
        }
        item.set("state", .string(host.state))
        item.set("status", .string(host.status))
        if detail && version >= APIVersion(2, 88) { item.set("uptime", nil) }
        // Nova adds `servers` only for hosts that have some.
        let onHost = environment.data.servers(onHost: host.name)
        if uuids, request.query.flag("with_servers"), !onHost.isEmpty {
            item.set("servers", .array(onHost.map { ["name": .string($0.name), "uuid": .string($0.id)] }))
        }
        return item
    }
}
