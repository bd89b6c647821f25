import Foundation
import OpenStackKit

/// `get_hypervisor`: one compute node by ID or hostname, with its usage and servers (admin).
enum GetHypervisor {
    static var definition: ToolDefinition {
        ShowTool<Hypervisor>(
            name: "get_hypervisor", title: "Show one hypervisor",
            description:
                "Show one compute node (admin) by ID or hostname: capacity, use and its servers.",
            noun: "hypervisor", service: .compute,
            path: { "/os-hypervisors/\($0)" },
            findByName: { name in
                ListRequest(
                    service: .compute, path: "/os-hypervisors/detail", collectionKey: "hypervisors",
                    query: [
                        URLQueryItem(name: "hypervisor_hostname_pattern", value: name),
                        URLQueryItem(name: "with_servers", value: "true"),
                    ],
                    supportsPaging: false)
            },
            nameOf: { $0.hostname },
            query: [URLQueryItem(name: "with_servers", value: "true")],
            lookups: { cloud, hypervisors in await GetHypervisors.usageLookups(cloud: cloud, hypervisors: hypervisors) },
            basic: GetHypervisors.basicColumns,
            detailed: { hypervisor, found in
                var columns = GetHypervisors.detailedColumns(hypervisor, found)
                if let servers = hypervisor.servers {
                    columns["servers"] = .array(servers.map { .object(.compact([("id", .string($0.id)), ("name", $0.name.json)])) })
                }
                return columns
            },
            full: GetHypervisors.fullItem,
            lookupLevels: [.detailed, .full]
        ).definition
    }
}
