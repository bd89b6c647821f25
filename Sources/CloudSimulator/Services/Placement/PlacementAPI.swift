import Foundation

/// Placement under `/placement`: discovery and resource providers (one per compute host) with
/// their inventories, usages, traits and aggregates.
struct PlacementAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "placement"
    /// The newest microversion served (1.39 unless the configuration lowers it).
    var maximumVersion: APIVersion { APIVersion(1, min(39, max(0, environment.configuration.placementMicroversion))) }
    var negotiator: MicroversionNegotiator {
        MicroversionNegotiator(serviceType: "placement", legacyHeader: nil, minimum: APIVersion(1, 0), maximum: maximumVersion)
    }

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        [
            "errors": [[
                "status": .int(status), "title": .string(reasonPhrase(status)), "detail": .string(message),
                "request_id": nil,
            ]]
        ]
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool {
        segments.isEmpty
    }

    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {
        guard !isPublic(request.segments.dropFirst(), method: request.method),
            case .success(let version) = negotiator.negotiate(request)
        else { return }
        reply.headers.append(("OpenStack-API-Version", "placement \(version)"))
        reply.headers.append(("Vary", "OpenStack-API-Version"))
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        let path = Array(segments)
        if path.isEmpty {
            return .json([
                "versions": [[
                    "id": "v1.0", "max_version": .string(maximumVersion.description), "min_version": "1.0", "status": "CURRENT",
                    "links": [["href": "", "rel": "self"]],
                ]]
            ])
        }
        let version: APIVersion
        switch negotiator.negotiate(request) {
        case .success(let negotiated): version = negotiated
        case .failure(.invalid(let message)): return error(400, message, request)
        case .failure(.unsupported(let message)): return error(406, message, request)
        }
        switch (path.first, path.count) {
        case ("resource_providers", ...3): break
        case ("allocation_candidates", 1) where version >= APIVersion(1, 10):
            guard request.isAdmin else { return error(403, "Policy does not allow placement:allocation_candidates:list to be performed.", request) }
            return listAllocationCandidates(request, version: version)
        case ("allocations", 2):
            guard request.isAdmin else { return error(403, "Policy does not allow placement:allocations:list to be performed.", request) }
            return showAllocations(consumer: path[1], version: version)
        case ("traits", 1) where version >= APIVersion(1, 6):
            guard request.isAdmin else { return error(403, "Policy does not allow placement:traits:list to be performed.", request) }
            return listTraits(request)
        default: return error(404, "The resource could not be found.", request)
        }
        guard request.isAdmin else { return error(403, "Policy does not allow placement:resource_providers:list to be performed.", request) }
        let hosts = environment.data.hypervisorHosts
        guard path.count > 1 else { return listProviders(request, version: version) }
        guard let index = hosts.firstIndex(where: { $0.id == path[1] }) else {
            return error(404, "No resource provider with uuid \(path[1]) found", request)
        }
        let host = hosts[index]
        guard path.count == 3 else { return .json(render(host, generation: index + 1, version: version)) }
        return providerDetail(host, generation: index + 1, part: path[2], request, version: version)
    }

    func render(_ host: DemoHypervisorHost, generation: Int, version: APIVersion) -> JSON {
        let base = "/placement/resource_providers/\(host.id)"
        var links: [JSON] = [["href": .string(base), "rel": "self"]]
        for (rel, minimum) in [("aggregates", 1), ("inventories", 0), ("usages", 0), ("traits", 6), ("allocations", 11)]
        where version >= APIVersion(1, minimum) {
            links.append(["href": .string("\(base)/\(rel)"), "rel": .string(rel)])
        }
        var body: JSON = ["generation": .int(generation), "uuid": .string(host.id), "links": .array(links), "name": .string(host.name)]
        if version >= APIVersion(1, 14) {
            body.set("parent_provider_uuid", nil)
            body.set("root_provider_uuid", .string(host.id))
        }
        return body
    }
}
