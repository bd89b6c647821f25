import Foundation

/// Nova (Compute v2.1) under `/compute`: discovery, servers, flavors, os-services, and the
/// compute reads routed in `NovaComputeRoutes.swift`.
struct NovaAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "compute"
    let negotiator: MicroversionNegotiator
    /// The newest microversion served (2.100 unless the configuration lowers it).
    let maximumVersion: APIVersion
    /// Flavors by id.
    let flavors: [String: DemoFlavor]
    /// `host_status` by host name (`UP`, `DOWN`, `MAINTENANCE`).
    let hostStatus: [String: String]

    init(environment: ServiceEnvironment) {
        self.environment = environment
        maximumVersion = APIVersion(2, min(100, max(1, environment.configuration.computeMicroversion)))
        negotiator = MicroversionNegotiator(
            serviceType: "compute", legacyHeader: "X-OpenStack-Nova-API-Version",
            minimum: APIVersion(2, 1), maximum: maximumVersion
        )
        flavors = Dictionary(uniqueKeysWithValues: environment.data.flavors.map { ($0.id, $0) })
        var statuses: [String: String] = [:]
        for service in environment.data.computeServices where service.binary == "nova-compute" {
            statuses[service.host] = service.status == "disabled" ? "MAINTENANCE" : service.state == "up" ? "UP" : "DOWN"
        }
        hostStatus = statuses
    }

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        FaultBody.nova(status: status, message: message)
    }

    /// GET, and POST only for a server action (the console output).
    func allows(_ method: String, _ segments: ArraySlice<String>) -> Bool {
        method == "GET" || (method == "POST" && isServerAction(segments))
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool {
        segments.count == 0 || (segments.count == 1 && (segments.first == "v2.1" || segments.first == "v2"))
    }

    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {
        // As real Nova: the version list at `/` carries no request id; a 401 comes from
        // keystonemiddleware, before Nova picks a microversion; a 406 echoes what was asked.
        if request.segments.count == 1 { return reply.removeHeaders(named: "x-openstack-request-id") }
        reply.headers.append(("x-compute-request-id", requestID))
        guard reply.status != 401 else { return }
        let version: String
        switch negotiator.negotiate(request) {
        case .success(let negotiated): version = negotiated.description
        case .failure(.unsupported): version = negotiator.requested(request) ?? ""
        case .failure(.invalid): return
        }
        reply.headers.append(("OpenStack-API-Version", "compute \(version)"))
        reply.headers.append(("X-OpenStack-Nova-API-Version", "\(version)"))
        reply.headers.append(("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version"))
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        var path = Array(segments)
        switch path {
        case []: return .json(["versions": [versionDocument(request, v21: false), versionDocument(request, v21: true)]])
        case ["v2.1"]:
            var document = versionDocument(request, v21: true)
            document.set("links", [
                ["href": .string(request.baseURL + "/compute/v2.1/"), "rel": "self"],
                ["href": "http://docs.openstack.org/", "rel": "describedby", "type": "text/html"],
            ])
            document.set("media-types", [["base": "application/json", "type": "application/vnd.openstack.compute+json;version=2.1"]])
            return .json(["version": document])
        case ["v2"]: return .json(["version": versionDocument(request, v21: false)])
        default: break
        }
        guard path.first == "v2.1" else { return error(404, "The resource could not be found.", request) }
        path.removeFirst()
        if let first = path.first, first == request.projectID || environment.data.projects.contains(where: { $0.id == first }) {
            path.removeFirst()
        }
        let version: APIVersion
        switch negotiator.negotiate(request) {
        case .success(let negotiated): version = negotiated
        case .failure(.invalid(let message)): return error(400, message, request)
        case .failure(.unsupported(let message)): return error(406, message, request)
        }
        if request.method == "POST" { return serverAction(request, serverID: path[1]) }
        switch path {
        case ["servers"]: return listServers(request, version: version, detail: false)
        case ["servers", "detail"]: return listServers(request, version: version, detail: true)
        case ["flavors"]: return listFlavors(request, version: version, detail: false)
        case ["flavors", "detail"]: return listFlavors(request, version: version, detail: true)
        case ["os-services"]: return listServices(request, version: version)
        case ["os-hypervisors"]: return listHypervisors(request, version: version, detail: false)
        case ["os-hypervisors", "detail"]: return listHypervisors(request, version: version, detail: true)
        default:
            if let reply = computeRoute(request, path, version: version) { return reply }
            if path.count == 2, path[0] == "servers" { return showServer(request, id: path[1], version: version) }
            if path.count == 2, path[0] == "flavors" { return showFlavor(request, id: path[1], version: version) }
            return error(404, "The resource could not be found.", request)
        }
    }

    private func versionDocument(_ request: IncomingRequest, v21: Bool) -> JSON {
        let href = request.baseURL + (v21 ? "/compute/v2.1/" : "/compute/v2/")
        return [
            "id": v21 ? "v2.1" : "v2.0",
            "links": [["href": .string(href), "rel": "self"]],
            "status": v21 ? "CURRENT" : "DEPRECATED",
            "version": v21 ? .string(maximumVersion.description) : "",
            "min_version": v21 ? "2.1" : "",
            "updated": v21 ? "2013-07-23T11:33:21Z" : "2025-07-04T12:00:00Z",
        ]
    }

    /// `{"forbidden": ...}` for a Nova policy rule.
    func policyForbidden(_ rule: String, _ request: IncomingRequest) -> Reply {
        error(403, "Policy doesn't allow \(rule) to be performed.", request)
    }

    /// Nova's `[api]/max_limit`.
    var maxLimit: Int { max(1, environment.configuration.computeMaxLimit) }

    /// Parses `limit` (clamped to `max_limit`) and validates `marker` with `exists`.
    func paging(_ request: IncomingRequest, exists: (String) -> Bool) -> Parsed<(Int, String?)> {
        var limit = maxLimit
        if let text = request.query.first("limit") {
            guard let value = Int(text) else { return .reply(error(400, "limit param must be an integer", request)) }
            guard value >= 0 else { return .reply(error(400, "limit param must be positive", request)) }
            limit = value == 0 ? maxLimit : min(value, maxLimit)
        }
        let marker = request.query.first("marker")
        if let marker, !exists(marker) { return .reply(error(400, "marker [\(marker)] not found", request)) }
        return .value((limit, marker))
    }

    /// `self` and `bookmark` links of a Nova resource.
    func links(_ request: IncomingRequest, _ collection: String, _ id: String) -> JSON {
        [
            ["href": .string("\(request.baseURL)/compute/v2.1/\(collection)/\(id)"), "rel": "self"],
            ["href": .string("\(request.baseURL)/compute/\(collection)/\(id)"), "rel": "bookmark"],
        ]
    }
}
