import Foundation

import OpenStackKit

/// `get_instances`: Nova servers, with flavor and image names resolved in one batch per page.
enum GetInstances {
    static let powerStates = [0: "NOSTATE", 1: "RUNNING", 3: "PAUSED", 4: "SHUTDOWN", 6: "CRASHED", 7: "SUSPENDED"]

    static var definition: ToolDefinition {
        ListTool<OpenStackKit.Server>(
            name: "get_instances", title: "List compute instances (servers)",
            description:
                "List Nova servers (VMs): status, addresses, flavor, image. all_projects=true (admin) for the whole cloud; server-side filters below; name and ip are regexes.",
            noun: "server",
            extraProperties: Schema.filters(of: OpenStackKit.Server.declaration),
            request: OpenStackKit.Server.declaration.request,
            searchFields: { [$0.name] },
            lookups: { cloud, servers in await lookups(cloud: cloud, servers: servers) },
            basic: basicColumns,
            detailed: detailedColumns
        ).definition
    }

    /// The columns of `openstack server list`.
    static func basicColumns(_ server: OpenStackKit.Server, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(server.id)), ("name", server.name.json), ("status", server.status.json),
            ("networks", networks(server)),
            ("image", .string(imageLabel(server, found))),
            ("flavor", flavorName(server, found).json),
        ])
    }

    /// What an operator needs next: placement, state, flavor and image details, addresses, fault.
    static func detailedColumns(_ server: OpenStackKit.Server, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("project_id", server.projectID.json), ("user_id", server.userID.json),
            ("host", server.host.json), ("hypervisor_hostname", server.hypervisorHostname.json),
            ("availability_zone", server.availabilityZone.json),
            ("created", server.created.json), ("updated", server.updated.json),
            ("key_name", server.keyName.json),
            ("power_state", server.powerState.map { .string(powerStates[$0] ?? String($0)) }),
            ("vm_state", server.vmState.json), ("task_state", server.taskState.json),
            ("locked", server.locked.json),
            ("flavor", flavorDetail(server, found)),
            ("image", .object(.compact([
                ("id", server.imageID.json), ("name", server.imageID.flatMap { found.imageNames[$0] }.json),
                ("boot_from_volume", server.imageID == nil ? .bool(true) : nil),
            ]))),
            ("addresses", .array(server.addresses.map { address in
                .object(.compact([
                    ("network", .string(address.network)), ("addr", .string(address.address)),
                    ("version", address.version.json), ("type", address.type.json),
                    ("mac_addr", address.macAddress.json),
                ]))
            })),
            ("security_groups", .array(server.securityGroups.map(JSONValue.string))),
            ("volumes_attached", .array(server.attachedVolumeIDs.map(JSONValue.string))),
            ("fault", server.fault.map { fault in
                .object(.compact([
                    ("code", fault.code.json), ("message", fault.message.json), ("created", fault.created.json),
                ]))
            }),
        ])
    }

    /// `{"net": ["10.0.0.3", "203.0.113.9"]}`, like the CLI's Networks column.
    static func networks(_ server: OpenStackKit.Server) -> JSONValue {
        var byNetwork: [String: [JSONValue]] = [:]
        for address in server.addresses { byNetwork[address.network, default: []].append(.string(address.address)) }
        return .object(byNetwork.mapValues(JSONValue.array))
    }

    static func imageLabel(_ server: OpenStackKit.Server, _ found: Lookups) -> String {
        guard let id = server.imageID else { return "N/A (booted from volume)" }
        return found.imageNames[id] ?? id
    }

    static func flavorName(_ server: OpenStackKit.Server, _ found: Lookups) -> String? {
        server.flavor?.name ?? server.flavor?.id.flatMap { found.flavorNames[$0] ?? $0 }
    }

    static func flavorDetail(_ server: OpenStackKit.Server, _ found: Lookups) -> JSONValue? {
        guard let flavor = server.flavor else { return nil }
        return .object(.compact([
            ("id", flavor.id.json), ("name", flavorName(server, found).json), ("vcpus", flavor.vcpus.json),
            ("ram_mb", flavor.ram.json), ("disk_gb", flavor.disk.json),
        ]))
    }

    /// One Glance request for every image on the page (`id=in:...`), and one flavor list only
    /// when an old microversion left the flavor names out. Failures only cost the names.
    static func lookups(cloud: OpenStackCloud, servers: [OpenStackKit.Server]) async -> Lookups {
        let imageIDs = Array(Set(servers.compactMap(\.imageID))).sorted()
        let needFlavors = servers.contains { $0.flavor?.name == nil && $0.flavor?.id != nil }
        async let images = NameLookup.images(cloud: cloud, ids: imageIDs)
        async let flavors = needFlavors ? NameLookup.flavors(cloud: cloud) : [:]
        return Lookups(imageNames: await images, flavorNames: await flavors)
    }
}
