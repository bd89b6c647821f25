import Foundation

/// `GET /allocation_candidates`: every compute provider is checked against the request as
/// Placement does (capacity, units, traits, aggregates, tree), with its parameters gated by
/// microversion.
extension PlacementAPI {
    /// Standard resource classes (os-resource-classes); a name outside them is unknown.
    static let resourceClasses: Set<String> = [
        "VCPU", "MEMORY_MB", "DISK_GB", "PCI_DEVICE", "SRIOV_NET_VF", "NUMA_SOCKET", "NUMA_CORE", "NUMA_THREAD",
        "NUMA_MEMORY_MB", "IPV4_ADDRESS", "VGPU", "VGPU_DISPLAY_HEAD", "NET_BW_EGR_KILOBIT_PER_SEC",
        "NET_BW_IGR_KILOBIT_PER_SEC", "PCPU", "MEM_ENCRYPTION_CONTEXT", "FPGA", "PGPU", "NET_PACKET_RATE_KILOPACKET_PER_SEC",
    ]

    /// Query parameters of the unnumbered request group, with the microversion that added each.
    private static let candidateParameters: [(String, Int)] = [
        ("resources", 10), ("limit", 16), ("required", 17), ("member_of", 21), ("group_policy", 25), ("in_tree", 31),
    ]

    /// What one request asks for, parsed and checked.
    private struct CandidateRequest {
        var resources: [(String, Int)] = []
        /// Each term must hold: the provider has one of `anyOf` (all of them when `all`), or lacks `forbidden`.
        var required: Set<String> = []
        var forbidden: Set<String> = []
        var anyOf: [Set<String>] = []
        var memberOf: [Set<String>] = []
        var notMemberOf: Set<String> = []
        var inTree: String?
        var limit: Int?
    }

    func listAllocationCandidates(_ request: IncomingRequest, version: APIVersion) -> Reply {
        let parsed: CandidateRequest
        switch parseCandidateRequest(request, version: version) {
        case .value(let value): parsed = value
        case .reply(let reply): return reply
        }
        let data = environment.data
        var chosen: [(Int, DemoHypervisorHost)] = []
        for (index, host) in data.hypervisorHosts.enumerated() where satisfies(host, parsed) {
            chosen.append((index, host))
            if let limit = parsed.limit, chosen.count == limit { break }
        }
        let requests: [JSON] = chosen.map { _, host in
            let resources = JSON.object(parsed.resources.map { JSONMember(key: $0.0, value: .int($0.1)) })
            guard version >= APIVersion(1, 12) else {
                return ["allocations": [["resource_provider": ["uuid": .string(host.id)], "resources": resources]]]
            }
            var item: JSON = ["allocations": .object([JSONMember(key: host.id, value: ["resources": resources])])]
            if version >= APIVersion(1, 34) { item.set("mappings", .object([JSONMember(key: "", value: .strings([host.id]))])) }
            return item
        }
        let requested = Set(parsed.resources.map(\.0))
        let summaries = chosen.map { _, host -> JSONMember in
            let usage = data.placementUsage(onHost: host.name)
            // Before 1.27 a summary shows only the requested classes.
            let classes = data.placementInventory(of: host).filter { version >= APIVersion(1, 27) || requested.contains($0.resourceClass) }
            var summary: JSON = [
                "resources": .object(classes.map { entry in
                    JSONMember(key: entry.resourceClass, value: [
                        "capacity": .int(Self.capacity(entry)), "used": .int(usage[entry.resourceClass] ?? 0),
                    ])
                })
            ]
            if version >= APIVersion(1, 17) { summary.set("traits", .strings(data.traits(of: host))) }
            if version >= APIVersion(1, 29) {
                summary.set("parent_provider_uuid", nil)
                summary.set("root_provider_uuid", .string(host.id))
            }
            return JSONMember(key: host.id, value: summary)
        }
        return .json(["allocation_requests": .array(requests), "provider_summaries": .object(summaries)])
    }

    /// `(total - reserved) * allocation_ratio`, as Placement computes it.
    static func capacity(_ entry: DemoInventory) -> Int {
        Int(Double(entry.total - entry.reserved) * entry.allocationRatio)
    }

    private func satisfies(_ host: DemoHypervisorHost, _ wanted: CandidateRequest) -> Bool {
        let data = environment.data
        if let tree = wanted.inTree, tree != host.id { return false }
        let aggregates = Set(data.aggregates(ofHost: host.name).map(\.uuid))
        if wanted.memberOf.contains(where: { aggregates.isDisjoint(with: $0) }) || !aggregates.isDisjoint(with: wanted.notMemberOf) {
            return false
        }
        let traits = Set(data.traits(of: host))
        guard wanted.required.isSubset(of: traits), traits.isDisjoint(with: wanted.forbidden),
            !wanted.anyOf.contains(where: { traits.isDisjoint(with: $0) })
        else { return false }
        let usage = data.placementUsage(onHost: host.name)
        let inventory = Dictionary(uniqueKeysWithValues: data.placementInventory(of: host).map { ($0.resourceClass, $0) })
        return wanted.resources.allSatisfy { resourceClass, amount in
            guard let entry = inventory[resourceClass] else { return false }
            return amount >= entry.minUnit && amount <= entry.maxUnit && amount % entry.stepSize == 0
                && (usage[resourceClass] ?? 0) + amount <= Self.capacity(entry)
        }
    }

    private func parseCandidateRequest(_ request: IncomingRequest, version: APIVersion) -> Parsed<CandidateRequest> {
        let query = request.query
        let allowed = Dictionary(uniqueKeysWithValues: Self.candidateParameters)
        for name in query.items.map(\.name) where (allowed[name].map { version < APIVersion(1, $0) } ?? true) {
            return .reply(badQuery("Additional properties are not allowed ('\(name)' was unexpected)", request))
        }
        guard let resources = query.first("resources") else {
            return .reply(badQuery("'resources' is a required property", request))
        }
        var parsed = CandidateRequest()
        for entry in resources.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let amount = Int(parts[1]) else {
                return .reply(error(400, "Badly formed resources parameter. Expected resources query string parameter in form: ?resources=VCPU:2,MEMORY_MB:1024. Got: \(entry).", request))
            }
            guard amount > 0 else {
                return .reply(error(400, "Requested resource \(parts[0]) requires amount >= 1. Got: \(amount).", request))
            }
            guard Self.resourceClasses.contains(String(parts[0])) else {
                return .reply(error(400, "Invalid resource class in resources parameter: No such resource class \(parts[0]).", request))
            }
            parsed.resources.append((String(parts[0]), amount))
        }
        if let text = query.first("limit") {
            guard let limit = Int(text), limit > 0 else { return .reply(badQuery("'\(text)' does not match '^[1-9][0-9]*$'", request)) }
            parsed.limit = limit
        }
        let known = Set(environment.data.placementTraits)
        var unknown: [String] = []
        for term in query.all("required") {
            let anyOf = term.hasPrefix("in:") && version >= APIVersion(1, 39)
            let names = (anyOf ? String(term.dropFirst(3)) : term).split(separator: ",").map(String.init)
            for name in names where name.hasPrefix("!") && (anyOf || version < APIVersion(1, 22)) {
                return .reply(badQuery("Expected 'required' parameter value of the form: HW_CPU_X86_VMX,CUSTOM_MAGIC. Got: \(term)", request))
            }
            unknown += names.map { $0.hasPrefix("!") ? String($0.dropFirst()) : $0 }.filter { !known.contains($0) }
            if anyOf { parsed.anyOf.append(Set(names)); continue }
            for name in names {
                if name.hasPrefix("!") { parsed.forbidden.insert(String(name.dropFirst())) } else { parsed.required.insert(name) }
            }
        }
        if !unknown.isEmpty { return .reply(error(400, "No such trait(s): \(unknown.joined(separator: ", ")).", request)) }
        for term in query.all("member_of") {
            let negated = term.hasPrefix("!") && version >= APIVersion(1, 32)
            var body = negated ? String(term.dropFirst()) : term
            if body.hasPrefix("in:") { body.removeFirst(3) }
            let ids = body.split(separator: ",").map(String.init)
            guard !ids.isEmpty, ids.allSatisfy({ UUID(uuidString: $0) != nil }) else {
                return .reply(error(400, "Expected 'member_of' parameter to contain valid UUID(s). Got: \(term)", request))
            }
            if negated { parsed.notMemberOf.formUnion(ids) } else { parsed.memberOf.append(Set(ids)) }
        }
        if let tree = query.first("in_tree") {
            guard UUID(uuidString: tree) != nil else { return .reply(badQuery("'\(tree)' is not a 'uuid'", request)) }
            parsed.inTree = tree
        }
        return .value(parsed)
    }

    /// Placement's answer to a query that its JSON schema for this microversion refuses.
    private func badQuery(_ detail: String, _ request: IncomingRequest) -> Reply {
        error(400, "Invalid query string parameters: \(detail)", request)
    }

    /// `GET /allocations/{consumer_uuid}`: what a server holds, on the provider of its host.
    func showAllocations(consumer: String, version: APIVersion) -> Reply {
        let data = environment.data
        guard let server = data.server(id: consumer), server.status != "ERROR", let hostName = server.host,
            let index = data.hypervisorHosts.firstIndex(where: { $0.name == hostName })
        else { return .json(["allocations": .object([])]) }
        let resources = data.placementResources(of: server).filter { $0.value > 0 }
        var body: JSON = [
            "allocations": .object([
                JSONMember(key: data.hypervisorHosts[index].id, value: [
                    "generation": .int(index + 1),
                    "resources": .object(resources.keys.sorted().map { JSONMember(key: $0, value: .int(resources[$0]!)) }),
                ])
            ])
        ]
        if version >= APIVersion(1, 28) { body.set("consumer_generation", 1) }
        if version >= APIVersion(1, 12) {
            body.set("project_id", .string(server.projectID))
            body.set("user_id", .string(server.userID))
        }
        if version >= APIVersion(1, 38) { body.set("consumer_type", "INSTANCE") }
        return .json(body)
    }

    /// `GET /traits` with `name=in:A,B` or `name=startswith:PREFIX`, and `associated`.
    func listTraits(_ request: IncomingRequest) -> Reply {
        let data = environment.data
        var traits = data.placementTraits
        if let name = request.query.first("name") {
            if name.hasPrefix("in:") {
                let names = Set(name.dropFirst(3).split(separator: ",").map(String.init))
                traits = traits.filter { names.contains($0) }
            } else if name.hasPrefix("startswith:") {
                let prefix = String(name.dropFirst(11))
                traits = traits.filter { $0.hasPrefix(prefix) }
            } else {
                return error(400, "Badly formatted name parameter. Expected name query string parameter in form: ?name=startswith:CUSTOM_HONEY or ?name=in:HW_CPU_X86_AVX,HW_CPU_X86_SSE. Got: \(name).", request)
            }
        }
        if let associated = request.query.first("associated") {
            let held = Set(data.hypervisorHosts.flatMap { data.traits(of: $0) })
            let wanted = associated.lowercased() != "false"
            traits = traits.filter { held.contains($0) == wanted }
        }
        return .json(["traits": .strings(traits)])
    }
}
