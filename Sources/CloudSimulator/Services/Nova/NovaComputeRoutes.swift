import Foundation

/// Routes of the compute reads beyond servers, flavors and services (`path` is below `/v2.1`).
extension NovaAPI {
    func computeRoute(_ request: IncomingRequest, _ path: [String], version: APIVersion) -> Reply? {
        guard let first = path.first else { return nil }
        let rest = Array(path.dropFirst())
        switch (first, rest.count) {
        case ("os-hypervisors", 1) where rest[0] == "statistics": return hypervisorStatistics(request, version: version)
        case ("os-hypervisors", 1): return showHypervisor(request, id: rest[0], version: version)
        case ("os-availability-zone", 0): return listAvailabilityZones(request, detail: false)
        case ("os-availability-zone", 1) where rest[0] == "detail": return listAvailabilityZones(request, detail: true)
        case ("os-keypairs", 0): return listKeypairs(request, version: version)
        case ("os-keypairs", 1): return showKeypair(request, name: rest[0], version: version)
        case ("os-server-groups", 0): return listServerGroups(request, version: version)
        case ("os-server-groups", 1): return showServerGroup(request, id: rest[0], version: version)
        case ("os-aggregates", 0): return listAggregates(request, version: version)
        case ("os-aggregates", 1): return showAggregate(request, id: rest[0], version: version)
        case ("limits", 0): return showLimits(request, version: version)
        case ("os-migrations", 0): return listMigrations(request, version: version)
        case ("os-quota-sets", 1), ("os-quota-sets", 2):
            return showQuotaSet(request, project: rest[0], variant: rest.count == 2 ? rest[1] : nil, version: version)
        case ("os-simple-tenant-usage", 0): return tenantUsage(request, project: nil, version: version)
        case ("os-simple-tenant-usage", 1): return tenantUsage(request, project: rest[0], version: version)
        case ("servers", 2) where rest[1] == "os-instance-actions":
            return listInstanceActions(request, serverID: rest[0], version: version)
        case ("servers", 3) where rest[1] == "os-instance-actions":
            return showInstanceAction(request, serverID: rest[0], requestID: rest[2], version: version)
        case ("servers", 2) where rest[1] == "os-interface":
            return listInterfaces(request, serverID: rest[0], portID: nil, version: version)
        case ("servers", 3) where rest[1] == "os-interface":
            return listInterfaces(request, serverID: rest[0], portID: rest[2], version: version)
        default: return nil
        }
    }
}
