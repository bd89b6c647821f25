import Foundation
import OpenStackKit

/// `get_flavor_access`: the projects that may use a private flavor (admin), with their names.
enum GetFlavorAccess {
    static var definition: ToolDefinition {
        ListTool<FlavorAccess>(
            name: "get_flavor_access", title: "List who may use a private flavor",
            description: "The projects that may use a private Nova flavor (admin); a public flavor has no list.",
            noun: "project with access",
            extraProperties: ["flavor": Schema.string("Flavor ID or name")],
            required: ["flavor"],
            request: { arguments in
                guard let flavor = try arguments.string("flavor") else {
                    throw ToolArgumentError(argument: "flavor", problem: "required: the flavor's ID or exact name")
                }
                return ListRequest(service: .compute, path: path(flavor), collectionKey: FlavorAccess.collectionKey, supportsPaging: false)
            },
            searchFields: { [$0.projectID] },
            lookups: { cloud, entries in await projectNames(cloud: cloud, ids: entries.map(\.projectID)) },
            basic: { access, _ in ["flavor_id": .string(access.flavorID), "project_id": .string(access.projectID)] },
            detailed: { access, found in .compact([("project_name", found.name("project", access.projectID).json)]) },
            prepare: { cloud, arguments, request in
                var request = request
                // A name is looked up (private flavors included, for an admin); an ID is used as is.
                request.path = path(try await GetFlavor.tool.find(try arguments.string("flavor")!, cloud: cloud).id)
                return request
            },
            lookupLevels: [.detailed, .full]
        ).definition
    }

    /// Most projects named per page: Keystone has no batch read by ID, so one read each.
    static let namesRead = 20

    /// The projects' names (Keystone, admin), a few at a time; a project that cannot be read keeps its ID only.
    static func projectNames(cloud: OpenStackCloud, ids: [String]) async -> Lookups {
        let names = await BoundedConcurrency.map(Array(Set(ids)).sorted().prefix(namesRead).map { $0 }, limit: 4) { id in
            try await cloud.get(.identity, path: ResourcePath("projects").appending(id).description).json["project"]?["name"] ?? .null
        }
        return Lookups(values: ["project": names.filter { $0.value != .null }])
    }

    static func path(_ flavor: String) -> String {
        ResourcePath("flavors").appending(flavor).appending(literal: "os-flavor-access").description
    }
}
