import Foundation
import OpenStackKit

/// `get_hypervisor`: one compute node by ID or hostname, with its usage and servers (admin).
enum GetHypervisor {
    static var definition: ToolDefinition {
        ShowTool<Hypervisor>(
            name: "get_hypervisor", title: "Show one hypervisor",
            description:
                "Show one compute node (admin) by ID or hostname: capacity, use and its servers.",
            // The declaration adds with_servers=true to the show and the hostname lookup.
            noun: "hypervisor", nameOf: { $0.hostname },
            lookups: { cloud, hypervisors in await GetHypervisors.usageLookups(cloud: cloud, hypervisors: hypervisors) },
            basic: GetHypervisors.basicColumns,
            detailed: { hypervisor, found in
                var columns = GetHypervisors.detailedColumns(hypervisor, found)
                if let servers = hypervisor.servers {
                    columns["servers"] = .array(servers.map { .object(.compact([("id", .string($0.id)), ("name", $0.name.json)])) })
                }
                return columns
            },
            full: GetHypervisors.fullItem, lookupLevels: [.detailed, .full]
        ).definition
    }
}
