import Foundation

/// `GET /os-migrations` (admin): filters, and from 2.59 paging by `uuid` with `changes-since`.
extension NovaAPI {
    func listMigrations(_ request: IncomingRequest, version: APIVersion) -> Reply {
        guard request.isAdmin else { return policyForbidden("os_compute_api:os-migrations:index", request) }
        let query = request.query
        var migrations = environment.data.migrations
        for (name, field) in [("status", \DemoMigration.status), ("migration_type", \.migrationType), ("instance_uuid", \.instanceUUID),
                              ("source_compute", \.sourceCompute)] {
            if let value = query.first(name) { migrations = migrations.filter { $0[keyPath: field] == value } }
        }
        if let host = query.first("host") { migrations = migrations.filter { $0.sourceCompute == host || $0.destCompute == host } }
        if version >= APIVersion(2, 80) {
            if let user = query.first("user_id") { migrations = migrations.filter { $0.userID == user } }
            if let project = query.first("project_id") { migrations = migrations.filter { $0.projectID == project } }
        }
        guard version >= APIVersion(2, 59) else {
            return .json(["migrations": .array(migrations.map { render($0, version) })])
        }
        for (name, minimum, keep) in [
            ("changes-since", APIVersion(2, 59), { (date: Date, bound: Date) in date >= bound }),
            ("changes-before", APIVersion(2, 66), { (date: Date, bound: Date) in date <= bound }),
        ] where version >= minimum {
            guard let text = query.first(name) else { continue }
            guard let bound = Timestamp.parse(text) else {
                return error(400, "Invalid input for query parameters \(name). Value: \(text).", request)
            }
            migrations = migrations.filter { keep($0.updatedAt, bound) }
        }
        let limit: Int, marker: String?
        switch paging(request, exists: { id in migrations.contains { $0.uuid == id } }) {
        case .value(let values): (limit, marker) = values
        case .reply(let reply): return reply
        }
        let start = marker.flatMap { id in migrations.firstIndex { $0.uuid == id } }.map { $0 + 1 } ?? 0
        let page = migrations[start...].prefix(limit)
        var body: JSON = ["migrations": .array(page.map { render($0, version) })]
        if let last = page.last, page.count == limit {
            body.set("migrations_links", [["href": .string(request.link(replacing: [("marker", last.uuid)])), "rel": "next"]])
        }
        return .json(body)
    }

    private func render(_ migration: DemoMigration, _ version: APIVersion) -> JSON {
        var body: JSON = [
            "created_at": .string(Timestamp.format(migration.createdAt, .microseconds)),
            "dest_compute": .string(migration.destCompute), "dest_host": .string(migration.destHost),
            "dest_node": .string(migration.destCompute), "id": .int(migration.id),
            "instance_uuid": .string(migration.instanceUUID), "new_instance_type_id": .int(migration.newFlavor),
            "old_instance_type_id": .int(migration.oldFlavor), "source_compute": .string(migration.sourceCompute),
            "source_node": .string(migration.sourceCompute), "status": .string(migration.status),
            "updated_at": .string(Timestamp.format(migration.updatedAt, .microseconds)),
        ]
        if version >= APIVersion(2, 23) { body.set("migration_type", .string(migration.migrationType)) }
        if version >= APIVersion(2, 59) { body.set("uuid", .string(migration.uuid)) }
        if version >= APIVersion(2, 80) {
            body.set("user_id", .string(migration.userID))
            body.set("project_id", .string(migration.projectID))
        }
        return body
    }
}
