import Foundation

/// Cinder (Block Storage v3) under `/volume`: volumes (with or without the project segment),
/// os-services, and (CinderRoutes) snapshots, backups, types, pools, limits, quotas, attachments.
struct CinderAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "volume"
    /// The newest microversion served (3.71 unless the configuration lowers it).
    var maximumVersion: APIVersion { APIVersion(3, min(71, max(0, environment.configuration.volumeMicroversion))) }
    var negotiator: MicroversionNegotiator {
        MicroversionNegotiator(serviceType: "volume", legacyHeader: nil, minimum: APIVersion(3, 0), maximum: maximumVersion)
    }

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        FaultBody.nova(status: status, message: message)
    }

    /// Only the version list at `/` is public; real Cinder wants a token for `/v3/` too.
    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool {
        segments.isEmpty
    }

    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {
        // Cinder still sends Nova's request-id header, and the microversion even on `/`;
        // a 401 comes from keystonemiddleware, before either.
        guard reply.status != 401 else { return }
        reply.headers.append(("x-compute-request-id", requestID))
        guard case .success(let version) = negotiator.negotiate(request) else { return }
        reply.headers.append(("OpenStack-API-Version", "volume \(version)"))
        reply.headers.append(("Vary", "OpenStack-API-Version"))
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        var path = Array(segments)
        if path.isEmpty {
            return Reply.json(["versions": [versionDocument(request)]], status: 300)
        }
        if path == ["v3"] { return .json(["versions": [versionDocument(request)]]) }
        guard path.first == "v3" else { return error(404, "The resource could not be found.", request) }
        path.removeFirst()
        var projectSegment = request.projectID
        if let first = path.first, Self.looksLikeProjectID(first) {
            projectSegment = first
            path.removeFirst()
        }
        let version: APIVersion
        switch negotiator.negotiate(request) {
        case .success(let negotiated): version = negotiated
        case .failure(.invalid(let message)): return error(400, message, request)
        case .failure(.unsupported(let message)): return error(406, message, request)
        }
        let context = CinderCall(request: request, version: version, projectSegment: projectSegment)
        switch path {
        case ["volumes"]: return listVolumes(context, detail: false)
        case ["volumes", "detail"]: return listVolumes(context, detail: true)
        case ["os-services"]: return listServices(context)
        case ["messages"]: return listMessages(context)
        default:
            if path.count == 2, path[0] == "messages" { return showMessage(context, id: path[1]) }
            if path.count == 2, path[0] == "volumes" { return showVolume(context, id: path[1]) }
            if let reply = routeStorage(context, path) { return reply }
            return error(404, "The resource could not be found.", request)
        }
    }

    /// 32 hex digits (Keystone project ids) or a UUID.
    static func looksLikeProjectID(_ text: String) -> Bool {
        let hex = text.replacingOccurrences(of: "-", with: "")
        return hex.count == 32 && hex.allSatisfy(\.isHexDigit)
    }

    private func versionDocument(_ request: IncomingRequest) -> JSON {
        [
            "id": "v3.0",
            "links": [
                ["href": "https://docs.openstack.org/", "rel": "describedby", "type": "text/html"],
                ["href": .string(request.baseURL + "/volume/v3/"), "rel": "self"],
            ],
            "media-types": [["base": "application/json", "type": "application/vnd.openstack.volume+json;version=3"]],
            "min_version": "3.0",
            "status": "CURRENT",
            "updated": "2023-08-31T00:00:00Z",
            "version": .string(maximumVersion.description),
        ]
    }

    private func listServices(_ call: CinderCall) -> Reply {
        let request = call.request
        guard request.isAdmin else {
            return error(403, "Policy doesn't allow volume_extension:services:index to be performed.", request)
        }
        let binary = request.query.first("binary"), host = request.query.first("host")
        let services = environment.data.volumeServices.filter {
            (binary == nil || $0.binary == binary) && (host == nil || $0.host == host)
        }
        let items = services.map { service -> JSON in
            var item: JSON = [
                "binary": .string(service.binary), "disabled_reason": .str(service.disabledReason),
                "host": .string(service.host), "state": .string(service.state), "status": .string(service.status),
                "updated_at": .string(Timestamp.format(service.updatedAt, .microseconds)), "zone": .string(service.zone),
            ]
            if call.version >= APIVersion(3, 7) { item.set("cluster", nil) }
            if service.binary == "cinder-volume" {
                item.set("frozen", false)
                item.set("replication_status", "disabled")
                item.set("active_backend_id", nil)
                if call.version >= APIVersion(3, 49) { item.set("backend_state", service.state == "up" ? "up" : "down") }
            }
            return item
        }
        return .json(["services": .array(items)])
    }
}

/// A Cinder request after version negotiation.
struct CinderCall {
    let request: IncomingRequest
    let version: APIVersion
    /// Project id used in links (`/volume/v3/{project_id}/volumes/...`).
    let projectSegment: String
}
