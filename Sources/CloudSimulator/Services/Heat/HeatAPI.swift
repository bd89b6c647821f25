import Foundation

/// Heat (Orchestration v1) under `/orchestration`: stacks, one stack by name and ID (a bare name
/// or ID is redirected there, as Heat does), its resources with `nested_depth`, and its events.
struct HeatAPI: ServiceAPI {
    let environment: ServiceEnvironment
    let mount = "orchestration"

    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON {
        [
            "code": .int(status), "title": .string(reasonPhrase(status)),
            "explanation": .string(message),
            "error": ["type": .string(status == 404 ? "EntityNotFound" : "HTTPError"), "message": .string(message), "traceback": nil],
        ]
    }

    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool { segments.isEmpty }

    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply {
        let path = Array(segments)
        if path.isEmpty {
            let link: JSON = ["href": .string(request.baseURL + "/orchestration/v1/"), "rel": "self"]
            return Reply.json(["versions": [["id": "v1.0", "status": "CURRENT", "links": [link]]]], status: 300)
        }
        guard path.count >= 3, path[0] == "v1", path[2] == "stacks" else { return error(404, "The resource could not be found.", request) }
        guard path[1] == request.projectID else {
            return error(403, "You are not authorized to use global_index or another project's stacks.", request)
        }
        let rest = Array(path.dropFirst(3))
        switch rest.count {
        case 0: return list(request)
        case 1: return redirect(rest[0], request)
        default:
            guard let stack = visible(request).first(where: { $0.id == rest[1] && $0.name == rest[0] }) else {
                return error(404, "The Stack (\(rest[0])) could not be found.", request)
            }
            switch Array(rest.dropFirst(2)) {
            case []: return .json(["stack": render(stack, request, full: true)])
            case ["resources"]: return resources(of: stack, request)
            case ["events"]: return events(of: stack, request)
            case ["template"]: return .json(DemoStackTemplate.template(of: stack))
            default: return error(404, "The resource could not be found.", request)
            }
        }
    }

    /// The stacks the caller may read: its project's, or every project's for an admin.
    private func visible(_ request: IncomingRequest) -> [DemoStack] {
        environment.data.extras.stacks.filter { request.isAdmin || $0.projectID == request.projectID }
    }

    private func list(_ request: IncomingRequest) -> Reply {
        let global = request.query.flag("global_tenant")
        if global && !request.isAdmin {
            return error(403, "You are not authorized to complete stacks:global_index action.", request)
        }
        let query = request.query
        let nested = query.flag("show_nested")
        // Heat's database query keeps an admin's plain list unscoped too, so global_tenant changes
        // nothing for an admin beyond the policy check above: the list is what `visible` allows.
        let stacks = visible(request).filter { stack in
            (nested || stack.parentID == nil)
                && (query.all("status").isEmpty || query.all("status").contains(stack.status))
                && (query.all("action").isEmpty || query.all("action").contains(stack.action))
                && (query.all("name").isEmpty || query.all("name").contains(stack.name))
                && (query.all("id").isEmpty || query.all("id").contains(stack.id))
        }
        let ordered = query.first("sort_dir") == "asc" ? stacks.reversed() : stacks
        switch SimplePaging.page(ordered, key: \.id, request: request) {
        case .page(let page, _):
            var body: JSON = ["stacks": .array(page.map { render($0, request, full: false) })]
            // Heat links the next page whenever a page asked with a limit comes back full.
            if let limit = query.first("limit").flatMap(Int.init), limit > 0, page.count == limit, let last = page.last {
                body.set("links", [["rel": "next", "href": .string(request.link(replacing: [("marker", last.id)]))]])
            }
            return .json(body)
        case .unknownMarker: return error(404, "The Stack (\(query.first("marker") ?? "")) could not be found.", request)
        case .badLimit(let text): return error(400, "Value '\(text)' is not an integer", request)
        }
    }

    private func redirect(_ key: String, _ request: IncomingRequest) -> Reply {
        guard let stack = visible(request).first(where: { $0.id == key || $0.name == key }) else {
            return error(404, "The Stack (\(key)) could not be found.", request)
        }
        return Reply(status: 302, body: .empty).adding("Location", stackURL(stack, request))
    }

    private func stackURL(_ stack: DemoStack, _ request: IncomingRequest) -> String {
        "\(request.baseURL)/orchestration/v1/\(stack.projectID)/stacks/\(QueryString.encode(stack.name))/\(stack.id)"
    }

    private func render(_ stack: DemoStack, _ request: IncomingRequest, full: Bool) -> JSON {
        var body: JSON = [
            "creation_time": .string(Timestamp.format(stack.createdAt, .seconds)), "deletion_time": nil,
            "description": .string("Demo stack \(stack.name)"), "id": .string(stack.id),
            "links": [["href": .string(stackURL(stack, request)), "rel": "self"]],
            "parent": .str(stack.parentID), "stack_name": .string(stack.name),
            "stack_owner": nil, "stack_status": .string("\(stack.action)_\(stack.status)"),
            "stack_status_reason": .string(stack.reason), "stack_user_project_id": .string(stack.projectID),
            "tags": nil, "updated_time": nil,
        ]
        // Heat names the owning project only to an admin (its view adds `project` for is_admin).
        if request.isAdmin { body.set("project", .string(stack.projectID)) }
        guard full else { return body }
        body.set("capabilities", .array([]))
        body.set("disable_rollback", true)
        body.set("notification_topics", .array([]))
        body.set("timeout_mins", 60)
        body.set("template_description", .string("Demo stack \(stack.name)"))
        body.set("parameters", .object(stack.parameters.map { JSONMember(key: $0.0, value: .string($0.1)) }))
        body.set("outputs", .array(stack.outputs.map { output in
            ["output_key": .string(output.key), "output_value": output.value, "description": .string(output.description)]
        }))
        return body
    }

    private func resources(of stack: DemoStack, _ request: IncomingRequest) -> Reply {
        guard let depth = Int(request.query.first("nested_depth") ?? "0"), depth >= 0 else {
            return error(400, "Only integer is acceptable by 'nested_depth'.", request)
        }
        var rendered: [JSON] = []
        func walk(_ stack: DemoStack, level: Int, parentResource: String?) {
            for resource in stack.resources {
                rendered.append(render(resource, in: stack, parentResource: parentResource, request))
                if level < depth, let nestedID = resource.nestedStackID,
                    let nested = environment.data.extras.stacks.first(where: { $0.id == nestedID })
                {
                    walk(nested, level: level + 1, parentResource: resource.name)
                }
            }
        }
        walk(stack, level: 0, parentResource: nil)
        return .json(["resources": .array(rendered)])
    }

    private func render(_ resource: DemoStackResource, in stack: DemoStack, parentResource: String?, _ request: IncomingRequest) -> JSON {
        let base = stackURL(stack, request)
        var links: [JSON] = [
            ["href": .string(base + "/resources/" + QueryString.encode(resource.name)), "rel": "self"],
            ["href": .string(base), "rel": "stack"],
        ]
        if let nested = resource.nestedStackID, let child = environment.data.extras.stacks.first(where: { $0.id == nested }) {
            links.append(["href": .string(stackURL(child, request)), "rel": "nested"])
        }
        var body: JSON = [
            "creation_time": .string(Timestamp.format(resource.updatedAt, .seconds)), "links": .array(links),
            "logical_resource_id": .string(resource.name), "physical_resource_id": .string(resource.physicalID),
            "required_by": .array([]), "resource_name": .string(resource.name),
            "resource_status": .string("\(resource.action)_\(resource.status)"),
            "resource_status_reason": .string(resource.reason), "resource_type": .string(resource.type),
            "updated_time": .string(Timestamp.format(resource.updatedAt, .seconds)),
        ]
        if let parentResource { body.set("parent_resource", .string(parentResource)) }
        return body
    }

    private func events(of stack: DemoStack, _ request: IncomingRequest) -> Reply {
        let ordered = request.query.first("sort_dir") == "desc" ? stack.events.reversed() : stack.events
        switch SimplePaging.page(ordered, key: \.id, request: request) {
        case .page(let page, _):
            let base = stackURL(stack, request)
            return .json(["events": .array(page.map { event in
                [
                    "event_time": .string(Timestamp.format(event.time, .seconds)), "id": .string(event.id),
                    "links": [
                        ["href": .string(base + "/resources/" + QueryString.encode(event.resourceName) + "/events/" + event.id), "rel": "self"],
                        ["href": .string(base + "/resources/" + QueryString.encode(event.resourceName)), "rel": "resource"],
                        ["href": .string(base), "rel": "stack"],
                    ],
                    "logical_resource_id": .string(event.resourceName), "physical_resource_id": .string(event.physicalID),
                    "resource_name": .string(event.resourceName), "resource_status": .string("\(event.action)_\(event.status)"),
                    "resource_status_reason": .string(event.reason),
                ]
            })])
        case .unknownMarker: return error(404, "The Event (\(request.query.first("marker") ?? "")) could not be found.", request)
        case .badLimit(let text): return error(400, "Value '\(text)' is not an integer", request)
        }
    }
}
