import Foundation
import OpenStackKit

/// Heat: stacks, one stack with its outputs and parameters, its resources and its events.
enum StackTools {
    /// How deep `get_stack_resources` and `describe_stack` look into nested stacks by default, and
    /// at most. Heat's own CLI default is 0; 2 reaches a template resource's own resources, and 5
    /// is where Heat's answer for a wide tree grows past what an answer should hold.
    static let defaultDepth = 2
    static let maxDepth = 5

    static var stacks: ToolDefinition {
        ListTool<Stack>(
            name: "get_stacks", title: "List Heat stacks",
            description: "List Heat stacks, newest first: status, status reason, created and updated.",
            noun: "stack",
            extraProperties: Schema.filters(of: Stack.declaration),
            request: Stack.declaration.request,
            searchFields: { [$0.name] },
            basic: { stack, _ in
                .compact([("id", .string(stack.id)), ("stack_name", .string(stack.name)), ("stack_status", stack.status.json)])
            },
            detailed: { stack, _ in
                .compact([
                    ("stack_status_reason", stack.statusReason.json), ("creation_time", stack.createdAt.json),
                    ("updated_time", stack.updatedAt.json), ("project_id", stack.projectID.json), ("parent", stack.parentID.json),
                ])
            }
        ).definition
    }

    static var stack: ToolDefinition {
        ToolDefinition(
            name: "get_stack", title: "Show one Heat stack",
            description: "One Heat stack by ID or name: status and reason, outputs, parameters (secrets redacted).",
            inputSchema: Schema.object(["id": Schema.string("Stack ID or name")], required: ["id"]),
            outputSchema: Schema.showOutput
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let found = try await StackFinder.find(try arguments.string("id"), argument: "id", cloud: cloud)
            let shown = try await cloud.get(.orchestration, path: found.showPath).json["stack"] ?? .null
            return ShowOutput.result(
                item: Redactor.redact(.object(summary(try Stack(json: shown)))), cloud: cloud.name,
                region: await cloud.effectiveRegion())
        }
    }

    /// The fields of a shown stack an operator reads.
    static func summary(_ stack: Stack) -> [String: JSONValue] {
        let outputs = (stack.raw["outputs"]?.arrayValue ?? []).map { output -> JSONValue in
            .object(.compact([
                ("output_key", output["output_key"]), ("output_value", output["output_value"]),
                ("description", output["description"]), ("output_error", output["output_error"]),
            ]))
        }
        return .compact([
            ("id", .string(stack.id)), ("stack_name", .string(stack.name)), ("stack_status", stack.status.json),
            ("stack_status_reason", stack.statusReason.json), ("description", stack.raw["description"]),
            ("creation_time", stack.createdAt.json), ("updated_time", stack.updatedAt.json),
            ("project_id", stack.projectID.json), ("parent", stack.parentID.json), ("tags", stack.raw["tags"]),
            ("timeout_mins", stack.raw["timeout_mins"]), ("disable_rollback", stack.raw["disable_rollback"]),
            ("parameters", stack.raw["parameters"]), ("outputs", .array(outputs)),
        ])
    }

    static let stackProperty = Schema.string("Stack ID or name")

    static var resources: ToolDefinition {
        ListTool<StackResource>(
            name: "get_stack_resources", title: "List a stack's resources",
            description: "A stack's resources, failed first with their reasons, nested stacks included to nested_depth.",
            noun: "resource",
            extraProperties: [
                "stack": stackProperty,
                "nested_depth": ["type": "integer", "minimum": 0, "maximum": .int(maxDepth), "default": .int(defaultDepth)],
            ],
            required: ["stack"],
            request: { arguments in
                let depth = try arguments.int("nested_depth", default: defaultDepth, range: 0...maxDepth)
                return ListRequest(
                    service: .orchestration, path: "", collectionKey: "resources",
                    query: [URLQueryItem(name: "nested_depth", value: String(depth))], supportsPaging: false,
                    markerField: "resource_name")
            },
            searchFields: { [$0.name, $0.type, $0.physicalID, $0.stackName] },
            basic: { resource, _ in
                .compact([
                    ("resource_name", .string(resource.name)), ("resource_type", resource.type.json),
                    ("resource_status", resource.status.json), ("physical_resource_id", resource.physicalID.json),
                    ("resource_status_reason", resource.isFailed ? resource.statusReason.json : nil),
                ])
            },
            detailed: { resource, _ in
                .compact([
                    ("resource_status_reason", resource.statusReason.json), ("stack_name", resource.stackName.json),
                    ("parent_resource", resource.parentResource.json), ("updated_time", resource.updatedAt.json),
                ])
            },
            prepare: { cloud, arguments, request in
                var request = request
                request.path = try await StackFinder.find(try arguments.string("stack"), argument: "stack", cloud: cloud).showPath + "/resources"
                return request
            },
            // Read whole (Heat does not page resources); failed first, each group in Heat's order.
            mergeAllPages: { items in
                let failed = items.filter { $0["resource_status"]?.stringValue?.hasSuffix("_FAILED") == true }
                return failed + items.filter { $0["resource_status"]?.stringValue?.hasSuffix("_FAILED") != true }
            }
        ).definition
    }

    static var events: ToolDefinition {
        ListTool<StackEvent>(
            name: "get_stack_events", title: "List a stack's events",
            description: "A stack's events, newest first: resource, status, reason, time.",
            noun: "event",
            extraProperties: ["stack": stackProperty],
            required: ["stack"],
            request: { _ in
                var request = ListRequest(
                    service: .orchestration, path: "", collectionKey: "events",
                    query: [URLQueryItem(name: "sort_dir", value: "desc")])
                request.pagesWithoutLinks = true
                return request
            },
            searchFields: { [$0.resourceName, $0.status, $0.statusReason] },
            basic: { event, _ in
                .compact([
                    ("event_time", event.time.json), ("resource_name", event.resourceName.json),
                    ("resource_status", event.status.json), ("resource_status_reason", event.statusReason.json),
                ])
            },
            detailed: { event, _ in .compact([("id", .string(event.id)), ("physical_resource_id", event.physicalID.json)]) },
            prepare: { cloud, arguments, request in
                var request = request
                request.path = try await StackFinder.find(try arguments.string("stack"), argument: "stack", cloud: cloud).showPath + "/events"
                return request
            }
        ).definition
    }
}

/// Finds a stack by exact name, else by ID: Heat answers a bare name or ID with a redirect,
/// which this server does not follow, so the list (filtered upstream) gives the name and ID.
enum StackFinder {
    static func find(_ key: String?, argument: String, cloud: OpenStackCloud) async throws -> Stack {
        guard let key, !key.isEmpty else {
            throw ToolArgumentError(argument: argument, problem: "required: the stack's ID or name (get_stacks)")
        }
        // The token's project first. Heat's default policy denies the global list
        // (stacks:global_index) even to admins, so it is only a second try for an admin, and a
        // refusal there means "not in your project", not an error of its own.
        if let stack = try await search(key, argument: argument, cloud: cloud, allProjects: false) { return stack }
        if try await cloud.token().isAdmin {
            do {
                if let stack = try await search(key, argument: argument, cloud: cloud, allProjects: true) { return stack }
            } catch let error as OpenStackError where error.status == 403 {}
        }
        throw OpenStackError(
            kind: .http, service: "Heat", method: "GET", url: Stack.declaration.path.description, status: 404,
            message: "no stack has the ID or name '\(key)'", nextStep: "get_stacks lists them")
    }

    /// The one stack with this exact name, else this ID; nil when there is none.
    static func search(_ key: String, argument: String, cloud: OpenStackCloud, allProjects: Bool) async throws -> Stack? {
        for field in ["name", "id"] {
            var request = try Stack.declaration.listRequest([:], allProjects: allProjects)
            request.query.append(URLQueryItem(name: field, value: key))
            let page = try await Pager(cloud: cloud).collect(request, limit: 20)
            let stacks = try page.items.map(Stack.init(json:))
            if stacks.count == 1 { return stacks[0] }
            if stacks.count > 1 {
                throw ToolArgumentError(
                    argument: argument,
                    problem: "\(stacks.count) stacks are named '\(key)'; pass one of their IDs: \(stacks.map(\.id).joined(separator: ", "))")
            }
        }
        return nil
    }
}
