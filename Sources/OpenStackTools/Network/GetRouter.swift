import Foundation
import OpenStackKit

/// `get_router`: one Neutron router by ID or exact name, with its gateway and interfaces. Given
/// an ID, its interface ports (one `device_id=` query) are read at the same time as the router.
enum GetRouter {
    static var definition: ToolDefinition {
        ShowTool<Router>(
            name: "get_router", title: "Show one router",
            description:
                "Show one Neutron router by ID or name, with its gateway and interfaces.",
            noun: "router",
            nameOf: { $0.name },
            lookups: GetRouters.lookups,
            basic: GetRouters.basicColumns,
            detailed: GetRouters.detailedColumns,
            prefetch: { cloud, id in
                var found = Lookups()
                let interfaces = await NeutronLookup.routerInterfaces(cloud, routerIDs: [id])
                found.network.routerInterfaces = [id: interfaces[id] ?? []]
                return found
            },
            lookupsAfterPrefetch: { cloud, routers, prefetched in await GetRouters.lookups(cloud, routers, prefetched: prefetched) }
        ).definition
    }
}
