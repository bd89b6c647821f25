import Foundation
import OpenStackKit

/// `get_snapshots`: Cinder volume snapshots, with their volumes' names.
enum GetSnapshots {
    static var definition: ToolDefinition {
        ListTool<Snapshot>(
            name: "get_snapshots", title: "List volume snapshots",
            description:
                "List Cinder snapshots: status, size, volume. all_projects=true (admin) for the whole cloud.",
            noun: "snapshot",
            extraProperties: [
                "all_projects": Schema.boolean("Every project (admin)", default: false),
                "project_id": Schema.string("Admin; implies all_projects"),
                "status": Schema.enumeration(
                    ["available", "creating", "deleting", "error", "error_deleting", "restoring", "unmanaging", "backing-up"],
                    ""),
                "volume_id": Schema.string(""),
            ],
            request: { arguments in
                let query = try CinderQuery.scoped(arguments) + CinderQuery.passing(arguments, ["status", "volume_id"])
                return ListRequest(service: .blockStorage, path: "/snapshots/detail", collectionKey: "snapshots", query: query)
            },
            searchFields: { [$0.name] },
            lookups: { cloud, snapshots in await NameLookup.volumeLookups(cloud: cloud, volumeIDs: snapshots.map(\.volumeID)) },
            basic: { snapshot, _ in
                .compact([
                    ("id", .string(snapshot.id)), ("name", snapshot.name.json), ("description", snapshot.description.json),
                    ("status", snapshot.status.json), ("size", snapshot.size.json),
                ])
            },
            detailed: { snapshot, found in
                .compact([
                    ("volume_id", snapshot.volumeID.json), ("volume_name", found.name("volume", snapshot.volumeID).json),
                    ("progress", snapshot.progress.json), ("project_id", snapshot.projectID.json),
                    ("user_id", snapshot.userID.json), ("created_at", snapshot.createdAt.json),
                    ("updated_at", snapshot.updatedAt.json),
                    ("metadata", .object(snapshot.metadata.mapValues(JSONValue.string))),
                ])
            }
        ).definition
    }
}

/// Query pieces the Cinder list tools share.
enum CinderQuery {
    /// `all_tenants` (admin) and `project_id`, which implies it.
    static func scoped(_ arguments: ToolArguments) throws -> [URLQueryItem] {
        var query: [URLQueryItem] = []
        let project = try arguments.string("project_id")
        if try arguments.bool("all_projects", default: false) || project != nil {
            query.append(URLQueryItem(name: "all_tenants", value: "1"))
        }
        if let project { query.append(URLQueryItem(name: "project_id", value: project)) }
        return query
    }

    /// String arguments passed on under the same name.
    static func passing(_ arguments: ToolArguments, _ names: [String]) throws -> [URLQueryItem] {
        try names.compactMap { name in try arguments.string(name).map { URLQueryItem(name: name, value: $0) } }
    }
}
