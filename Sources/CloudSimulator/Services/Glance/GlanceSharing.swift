import Foundation

/// Glance's image members, tasks (admin) and stores: `/v2/images/{id}/members`, `/v2/tasks[/{id}]`
/// and `/v2/info/stores[/detail]`, shaped on the api-ref samples and glance's serializers.
extension GlanceAPI {
    /// The demo Glance runs with three stores (`enabled_backends`), Ceph the default.
    static let stores: [(id: String, type: String, description: String, isDefault: Bool, properties: JSON)] = [
        ("ceph", "rbd", "Replicated Ceph pool for most images", true, ["pool": "images", "chunk_size": 8_388_608, "thin_provisioning": false]),
        ("local", "file", "Controller disk, for small test images", false, ["datadir": "/var/lib/glance/images", "chunk_size": 65_536, "thin_provisioning": false]),
        ("web", "http", "Images served from the distribution mirrors", false, [:]),
    ]

    /// The routes of this file, or nil for other paths.
    func sharingRoute(_ path: [String], _ request: IncomingRequest) -> Reply? {
        switch path {
        case let members where members.count == 4 && members[0] == "v2" && members[1] == "images" && members[3] == "members":
            return listMembers(imageID: members[2], request)
        case ["v2", "tasks"]:
            return listTasks(request)
        case let task where task.count == 3 && task[0] == "v2" && task[1] == "tasks":
            guard request.isAdmin else { return error(403, "You are not authorized to complete get_task action.", request) }
            guard let found = environment.data.imageTasks.first(where: { $0.id == task[2] }) else {
                return error(404, "Task with the given id \(task[2]) not found", request)
            }
            return .json(render(found, full: true))
        case ["v2", "info", "stores"]:
            return .json(["stores": .array(Self.stores.map { store in
                var body: JSON = ["id": .string(store.id), "description": .string(store.description)]
                if store.isDefault { body.set("default", "true") }
                if store.type == "http" { body.set("read-only", "true") }
                return body
            })])
        case ["v2", "info", "stores", "detail"]:
            guard request.isAdmin else { return error(403, "You are not authorized to complete stores_info_detail action.", request) }
            return .json(["stores": .array(Self.stores.map { store in
                var body: JSON = ["id": .string(store.id), "type": .string(store.type), "description": .string(store.description)]
                if store.isDefault { body.set("default", "true") }
                body.set("properties", store.properties)
                return body
            })])
        default:
            return nil
        }
    }

    private func listMembers(imageID: String, _ request: IncomingRequest) -> Reply {
        guard let image = environment.data.image(id: imageID), canSee(image, request) else {
            return error(404, "Image \(imageID) not found.", request)
        }
        guard image.visibility == "shared" else {
            return error(403, "Not allowed to list members for image \(imageID): Only shared images have members.", request)
        }
        let members = environment.data.imageMembers.filter { $0.imageID == image.id }.map { member -> JSON in
            [
                "created_at": .string(Timestamp.format(member.createdAt, .seconds)), "image_id": .string(member.imageID),
                "member_id": .string(member.memberID), "schema": "/v2/schemas/member", "status": .string(member.status),
                "updated_at": .string(Timestamp.format(member.updatedAt, .seconds)),
            ]
        }
        return .json(["members": .array(members), "schema": "/v2/schemas/members"])
    }

    /// Admin only (Glance's `tasks_api_access`), newest first, paged like images with a `next` link.
    private func listTasks(_ request: IncomingRequest) -> Reply {
        guard request.isAdmin else { return error(403, "You are not authorized to complete get_tasks action.", request) }
        var tasks = environment.data.imageTasks
        if let status = request.query.first("status") {
            guard ["pending", "processing", "success", "failure"].contains(status) else {
                return error(400, "Invalid status value: \(status)", request)
            }
            tasks = tasks.filter { $0.status == status }
        }
        if let type = request.query.first("type") {
            guard type == "import" else { return error(400, "Invalid type value: \(type)", request) }
            tasks = tasks.filter { $0.type == type }
        }
        var limit = 25
        if let text = request.query.first("limit") {
            guard let value = Int(text), value >= 0 else { return error(400, "limit param must be an integer", request) }
            limit = min(value, environment.configuration.imageMaxLimit)
        }
        var start = 0
        if let marker = request.query.first("marker") {
            guard let index = tasks.firstIndex(where: { $0.id == marker }) else {
                return error(400, "Invalid marker. Task could not be found.", request)
            }
            start = index + 1
        }
        let page = tasks[start...].prefix(limit)
        let firstQuery = request.query.replacing([], removing: ["marker"]).encoded
        var body: JSON = [
            "tasks": .array(page.map { render($0, full: false) }),
            "first": .string("/v2/tasks" + (firstQuery.isEmpty ? "" : "?" + firstQuery)), "schema": "/v2/schemas/tasks",
        ]
        if let last = page.last, start + page.count < tasks.count {
            body.set("next", .string("/v2/tasks?" + request.query.replacing([("limit", String(limit)), ("marker", last.id)]).encoded))
        }
        return .json(body)
    }

    /// A task as the list's stub or as its show, which adds input, result and message.
    private func render(_ task: DemoImageTask, full: Bool) -> JSON {
        var body: JSON = [
            "id": .string(task.id), "type": .string(task.type), "status": .string(task.status), "owner": .string(task.owner),
            "created_at": .string(Timestamp.format(task.createdAt, .seconds)),
            "updated_at": .string(Timestamp.format(task.updatedAt, .seconds)),
            "self": .string("/v2/tasks/\(task.id)"), "schema": "/v2/schemas/task",
        ]
        if let expires = task.expiresAt { body.set("expires_at", .string(Timestamp.format(expires, .seconds))) }
        guard full else { return body }
        body.set("input", .stringMap(task.input))
        body.set("result", task.status == "success" ? ["image_id": .str(task.imageID)] : .null)
        body.set("message", .string(task.message))
        if let image = task.imageID { body.set("image_id", .string(image)) }
        return body
    }
}
