import Foundation
import OpenStackKit

/// `get_routers`: Neutron routers with their gateway and interfaces. Per page: one request for
/// every router's interface ports, then one for the names of the networks involved.
enum GetRouters {
    static var definition: ToolDefinition {
        ListTool<Router>(
            name: "get_routers", title: "List routers",
            description:
                "List Neutron routers: status, external gateway, interfaces, routes.",
            noun: "router",
            searchFields: { [$0.name] },
            lookups: lookups,
            basic: basicColumns,
            detailed: detailedColumns
        ).definition
    }

    static func lookups(_ cloud: OpenStackCloud, _ routers: [Router]) async -> Lookups {
        await lookups(cloud, routers, prefetched: Lookups())
    }

    /// The lookups of a page, reusing the interfaces `prefetched` found for a router already.
    static func lookups(_ cloud: OpenStackCloud, _ routers: [Router], prefetched: Lookups) async -> Lookups {
        var found = Lookups()
        let known = prefetched.network.routerInterfaces
        if routers.allSatisfy({ known[$0.id] != nil }) {
            found.network.routerInterfaces = known
        } else {
            found.network.routerInterfaces = await NeutronLookup.routerInterfaces(cloud, routerIDs: routers.map(\.id))
        }
        let networkIDs = routers.compactMap(\.gateway?.networkID)
            + found.network.routerInterfaces.values.flatMap { $0.compactMap(\.networkID) }
        found.network.networkNames = await NeutronLookup.networkNames(cloud, ids: networkIDs)
        return found
    }

    /// The columns of `openstack router list`.
    static func basicColumns(_ router: Router, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(router.id)), ("name", router.name.json), ("status", router.status.json),
            ("state", router.adminStateUp.map { .string($0 ? "UP" : "DOWN") }), ("project_id", router.projectID.json),
            ("distributed", router.distributed.json), ("ha", router.ha.json),
        ])
    }

    static func detailedColumns(_ router: Router, _ found: Lookups) -> [String: JSONValue] {
        let names = found.network.networkNames
        let gateway: JSONValue? = router.gateway.map { gateway in
            .object(.compact([
                ("network_id", gateway.networkID.json), ("network_name", gateway.networkID.flatMap { names[$0] }.json),
                ("enable_snat", gateway.enableSNAT.json), ("external_fixed_ips", .array(gateway.fixedIPs.map(\.json))),
            ]))
        }
        // One entry per address: a dual-stack interface port has one on each subnet.
        let interfaces: [JSONValue] = (found.network.routerInterfaces[router.id] ?? []).flatMap { port in
            (port.fixedIPs.isEmpty ? [nil] : port.fixedIPs.map(Optional.some)).map { address in
                JSONValue.object(.compact([
                    ("port_id", .string(port.id)), ("network_id", port.networkID.json),
                    ("network_name", port.networkID.flatMap { names[$0] }.json), ("subnet_id", address?.subnetID.json),
                    ("ip_address", address?.ipAddress.json), ("status", port.status.json),
                    ("device_owner", port.deviceOwner == NeutronLookup.routerInterfaceOwners[0] ? nil : port.deviceOwner.json),
                ]))
            }
        }
        let routes: [JSONValue] = router.routes.map { route in
            .object(.compact([("destination", route.destination.json), ("nexthop", route.nexthop.json)]))
        }
        return .compact([
            ("external_gateway", gateway), ("interfaces", .array(interfaces)), ("routes", .array(routes)),
            ("availability_zones", .array(router.availabilityZones.map(JSONValue.string))),
            ("flavor_id", router.flavorID.json), ("description", router.description.json),
            ("created_at", router.createdAt.json), ("updated_at", router.updatedAt.json),
        ])
    }
}
