import Foundation
import OpenStackKit

/// `get_hypervisors`: compute nodes with their state and usage (admin).
///
/// Nova reports usage itself before microversion 2.88; from 2.88 (what this client negotiates on
/// current clouds) it does not, and the usage comes from each node's Placement resource provider.
enum GetHypervisors {
    static var definition: ToolDefinition {
        ListTool<Hypervisor>(
            name: "get_hypervisors", title: "List hypervisors (compute nodes)",
            description:
                "List compute nodes (admin): state, status, type, IP; detailed adds vCPU/RAM/disk capacity, use and server count.",
            noun: "hypervisor hostname",
            searchFields: { [$0.hostname, $0.serviceHost] },
            lookups: { cloud, hypervisors in await usageLookups(cloud: cloud, hypervisors: hypervisors) },
            basic: basicColumns,
            detailed: detailedColumns,
            lookupLevels: [.detailed, .full],
            full: fullItem
        ).definition
    }

    /// Nova's object, plus (when Nova no longer reports usage) the node's Placement inventories
    /// and usages as Placement sent them.
    static func fullItem(_ hypervisor: Hypervisor, _ found: Lookups) -> JSONValue {
        guard case .object(var members) = hypervisor.raw, let placement = found.values["placement"]?[hypervisor.id] else {
            return hypervisor.raw
        }
        members["resource_provider"] = .object(.compact([
            ("uuid", .string(hypervisor.id)), ("inventories", placement["inventories"]), ("usages", placement["usages"]),
        ]))
        return .object(members)
    }

    /// The columns of `openstack hypervisor list`.
    static func basicColumns(_ hypervisor: Hypervisor, _: Lookups) -> [String: JSONValue] {
        .compact([
            ("id", .string(hypervisor.id)), ("hypervisor_hostname", .string(hypervisor.hostname)),
            ("hypervisor_type", hypervisor.hypervisorType.json), ("host_ip", hypervisor.hostIP.json),
            ("state", hypervisor.state.json), ("status", hypervisor.status.json),
        ])
    }

    static func detailedColumns(_ hypervisor: Hypervisor, _ found: Lookups) -> [String: JSONValue] {
        .compact([
            ("hypervisor_version", hypervisor.hypervisorVersion.json), ("service_host", hypervisor.serviceHost.json),
            ("service_id", hypervisor.serviceID.json), ("disabled_reason", hypervisor.disabledReason.json),
            ("uptime", hypervisor.uptime.json),
            ("usage", usage(hypervisor, found)),
        ])
    }

    /// Nova's counters when it sent them, else what Placement reported, else nil.
    static func usage(_ hypervisor: Hypervisor, _ found: Lookups) -> JSONValue? {
        guard let usage = hypervisor.usage else { return found.values["placement"]?[hypervisor.id]?["usage"] }
        return render(usage)
    }

    static func render(_ usage: Hypervisor.Usage) -> JSONValue {
        var fields: [(String, JSONValue?)] = [
            ("source", .string(usage.source)),
            ("vcpus", usage.vcpus.json), ("vcpus_used", usage.vcpusUsed.json),
            ("memory_mb", usage.memoryMB.json), ("memory_mb_used", usage.memoryMBUsed.json),
            ("local_gb", usage.localGB.json), ("local_gb_used", usage.localGBUsed.json),
            ("running_vms", usage.runningVMs.json),
        ]
        if let ratio = usage.allocationRatios["VCPU"] { fields.append(("vcpu_allocation_ratio", .double(ratio))) }
        if let ratio = usage.allocationRatios["MEMORY_MB"] { fields.append(("ram_allocation_ratio", .double(ratio))) }
        if let ratio = usage.allocationRatios["DISK_GB"] { fields.append(("disk_allocation_ratio", .double(ratio))) }
        if let reserved = usage.reserved["MEMORY_MB"] { fields.append(("memory_mb_reserved", .int(reserved))) }
        return .object(.compact(fields))
    }

    /// Placement usage for the hypervisors of a page that Nova gave none for. Their IDs (UUIDs
    /// from 2.53) are their resource providers' UUIDs.
    static func usageLookups(cloud: OpenStackCloud, hypervisors: [Hypervisor]) async -> Lookups {
        let missing = hypervisors.filter { $0.usage == nil && $0.idIsUUID }
        guard !missing.isEmpty else { return Lookups() }
        let entries = await ProviderUsageLookup.fetch(cloud: cloud, uuids: missing.map(\.id))
        var extra: [String: JSONValue] = [:]
        for hypervisor in missing {
            guard let entry = entries[hypervisor.id] else { continue }
            // Nova leaves `servers` out for a host without any.
            let usage = Hypervisor.Usage(
                inventory: entry.inventory, usages: entry.usages, runningVMs: hypervisor.servers?.count ?? 0)
            extra[hypervisor.id] = .object([
                "usage": render(usage), "inventories": entry.inventory.raw["inventories"] ?? .null,
                "usages": entry.usages.raw["usages"] ?? .null,
            ])
        }
        return Lookups(values: ["placement": extra])
    }
}
