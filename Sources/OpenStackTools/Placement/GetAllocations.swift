import Foundation
import OpenStackKit

/// `get_allocations`: what a server holds in Placement, per resource provider (admin).
enum GetAllocations {
    static var definition: ToolDefinition {
        ListTool<ConsumerAllocation>(
            name: "get_allocations", title: "List a server's Placement allocations",
            description:
                "A server's Placement allocations per resource provider (admin).",
            noun: "allocation",
            extraProperties: ["server": Schema.string("Server UUID or name")], required: ["server"],
            request: { arguments in
                guard let server = try arguments.string("server") else {
                    throw ToolArgumentError(argument: "server", problem: "required: the server's UUID")
                }
                var request = try ConsumerAllocation.declaration.request(arguments)
                request.path = ConsumerAllocation.path(consumer: server)
                return request
            },
            searchFields: { [$0.providerUUID] },
            lookups: { cloud, _ in Lookups(values: ["provider": (await ProviderArgument.names(cloud: cloud)).mapValues(JSONValue.string)]) },
            basic: { allocation, found in
                .compact([
                    ("resource_provider_uuid", .string(allocation.providerUUID)),
                    ("resource_provider_name", found.name("provider", allocation.providerUUID).json),
                    ("resources", .object(allocation.resources.mapValues(JSONValue.int))),
                ])
            },
            detailed: { allocation, _ in
                .compact([
                    ("project_id", allocation.projectID.json), ("user_id", allocation.userID.json),
                    ("consumer_type", allocation.consumerType.json), ("generation", allocation.generation.json),
                ])
            },
            prepare: { cloud, arguments, request in
                var request = request
                // Placement knows consumers by UUID only; a name is looked up in Nova first.
                request.path = ConsumerAllocation.path(consumer: try await GetInstance.serverID(try arguments.string("server")!, cloud: cloud))
                return request
            },
            emptyExplanation: { _ in
                "Placement holds no allocations for this consumer: a server that was never scheduled (ERROR with no host), was deleted, or is not a server UUID holds none."
            }
        ).definition
    }
}
