import Foundation

/// Keystone (Identity v3) under `/identity`: discovery, token issue, catalog, services, endpoints,
/// and (KeystoneDirectory) projects, users, domains, regions, roles and role assignments.
struct KeystoneAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "identity"

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        FaultBody.keystone(status: status, message: message)
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool {
        let path = Array(segments)
        return path.isEmpty || path == ["v3"] || (path == ["v3", "auth", "tokens"] && method == "POST")
            || (Self.isFederationPath(path) && method == "POST")
    }

    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {
        reply.headers.append(("Vary", "X-Auth-Token"))
    }

    func allows(_ method: String, _ segments: ArraySlice<String>) -> Bool {
        method == "GET" || (method == "POST" && (Array(segments) == ["v3", "auth", "tokens"] || Self.isFederationPath(Array(segments))))
    }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        let path = Array(segments)
        switch path {
        case []:
            return Reply.json(["versions": ["values": [versionDocument(request)]]], status: 300)
                .adding("Location", request.baseURL + "/identity/v3/")
        case ["v3"]:
            return .json(["version": versionDocument(request)])
        case ["v3", "auth", "tokens"]:
            return request.method == "POST" ? issueToken(request) : validateToken(request)
        case ["v3", "auth", "projects"]:
            return scopableProjects(request)
        case ["v3", "auth", "catalog"]:
            return .json([
                "catalog": catalog(request, projectID: request.token?.project?.id),
                "links": ["self": .string(request.baseURL + request.path), "previous": nil, "next": nil],
            ])
        case ["v3", "services"]:
            return listServices(request)
        case ["v3", "endpoints"]:
            return listEndpoints(request)
        default:
            if Self.isFederationPath(path) { return federatedAuth(request, identityProvider: path[3], protocolName: path[5]) }
            if path.count == 3, path[0] == "v3", path[1] == "services" || path[1] == "endpoints" {
                return showAdminItem(request, collection: path[1], id: path[2])
            }
            if let reply = routeGroupsAndLimits(request, path) { return reply }
            if let reply = routeDirectory(request, path) { return reply }
            return error(404, "The resource could not be found.", request)
        }
    }

    private func versionDocument(_ request: IncomingRequest) -> JSON {
        [
            "id": "v3.14", "status": "stable", "updated": "2020-04-07T00:00:00Z",
            "links": [["rel": "self", "href": .string(request.baseURL + "/identity/v3/")]],
            "media-types": [["base": "application/json", "type": "application/vnd.openstack.identity-v3+json"]],
        ]
    }

    /// The token catalog: every service with its public and internal endpoints. Without a project
    /// (domain or system scope), endpoints that need `$(project_id)s` are left out, as Keystone does.
    func catalog(_ request: IncomingRequest, projectID: String?) -> JSON {
        .array(
            environment.data.identityServices.compactMap { service -> JSON? in
                let endpoints = environment.data.endpoints.filter {
                    $0.serviceID == service.id && (projectID != nil || !$0.pathTemplate.contains("$(project_id)s"))
                }.map { endpoint -> JSON in
                    [
                        "id": .string(endpoint.id), "interface": .string(endpoint.interface),
                        "region": .string(endpoint.regionID), "region_id": .string(endpoint.regionID),
                        "url": .string(endpoint.url(base: request.baseURL, projectID: projectID)),
                    ]
                }
                if endpoints.isEmpty { return nil }
                return [
                    "endpoints": .array(endpoints), "id": .string(service.id), "type": .string(service.type),
                    "name": .string(service.name),
                ]
            }
        )
    }

    func forbidden(_ action: String, _ request: IncomingRequest) -> Reply {
        error(403, "You are not authorized to perform the requested action: identity:\(action).", request)
    }

    func listLinks(_ request: IncomingRequest) -> JSON {
        let query = request.rawQuery.isEmpty ? "" : "?" + request.rawQuery
        return ["self": .string(request.baseURL + request.path + query), "previous": nil, "next": nil]
    }

    private func serviceJSON(_ service: DemoIdentityService, _ request: IncomingRequest) -> JSON {
        [
            "description": .string(service.description), "enabled": .bool(service.enabled), "id": .string(service.id),
            "links": ["self": .string(request.baseURL + "/identity/v3/services/" + service.id)],
            "name": .string(service.name), "type": .string(service.type),
        ]
    }

    private func endpointJSON(_ endpoint: DemoEndpoint, _ request: IncomingRequest) -> JSON {
        [
            "enabled": .bool(endpoint.enabled), "id": .string(endpoint.id), "interface": .string(endpoint.interface),
            "links": ["self": .string(request.baseURL + "/identity/v3/endpoints/" + endpoint.id)],
            "region": .string(endpoint.regionID), "region_id": .string(endpoint.regionID),
            "service_id": .string(endpoint.serviceID), "url": .string(endpoint.url(base: request.baseURL)),
        ]
    }

    private func listServices(_ request: IncomingRequest) -> Reply {
        guard request.isAdmin else { return forbidden("list_services", request) }
        let type = request.query.first("type"), name = request.query.first("name")
        let services = environment.data.identityServices.filter {
            (type == nil || $0.type == type) && (name == nil || $0.name == name)
        }
        return .json(["services": .array(services.map { serviceJSON($0, request) }), "links": listLinks(request)])
    }

    private func listEndpoints(_ request: IncomingRequest) -> Reply {
        guard request.isAdmin else { return forbidden("list_endpoints", request) }
        let interface = request.query.first("interface")
        let serviceID = request.query.first("service_id")
        let region = request.query.first("region_id")
        let endpoints = environment.data.endpoints.filter {
            (interface == nil || $0.interface == interface) && (serviceID == nil || $0.serviceID == serviceID)
                && (region == nil || $0.regionID == region)
        }
        return .json(["endpoints": .array(endpoints.map { endpointJSON($0, request) }), "links": listLinks(request)])
    }

    private func showAdminItem(_ request: IncomingRequest, collection: String, id: String) -> Reply {
        let isService = collection == "services"
        guard request.isAdmin else { return forbidden(isService ? "get_service" : "get_endpoint", request) }
        if isService, let service = environment.data.identityServices.first(where: { $0.id == id }) {
            return .json(["service": serviceJSON(service, request)])
        }
        if !isService, let endpoint = environment.data.endpoints.first(where: { $0.id == id }) {
            return .json(["endpoint": endpointJSON(endpoint, request)])
        }
        return error(404, "Could not find \(isService ? "service" : "endpoint"): \(id).", request)
    }
}
