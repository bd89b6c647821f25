import Foundation
import OpenStackKit

/// Quota usage of the token's project, with the resources at 80% or more called out: from the
/// compute and volume `limits` APIs, which every user may read, and from Neutron's quota details
/// (left out when this Neutron lacks the quota_details extension). Three concurrent requests.
enum QuotaPressure {
    /// (label, max key, used key) in the `absolute` block of Nova's and Cinder's limits.
    static let compute = [
        ("instances", "maxTotalInstances", "totalInstancesUsed"), ("cores", "maxTotalCores", "totalCoresUsed"),
        ("ram_mb", "maxTotalRAMSize", "totalRAMUsed"),
    ]
    static let volume = [
        ("volumes", "maxTotalVolumes", "totalVolumesUsed"), ("gigabytes", "maxTotalVolumeGigabytes", "totalGigabytesUsed"),
        ("snapshots", "maxTotalSnapshots", "totalSnapshotsUsed"),
    ]

    /// Neutron resources whose quota runs out in practice.
    static let network = ["floatingip", "port", "network", "router", "security_group"]

    static func read(cloud: OpenStackCloud) async throws -> JSONValue {
        let token = try await cloud.token()
        async let computeLimits = cloud.get(.compute, path: "/limits")
        async let volumeLimits = cloud.get(.blockStorage, path: "/limits")
        async let networkQuota = networkEntries(cloud: cloud, projectID: token.projectID)
        var usage: [String: JSONValue] = [:]
        var pressure: [JSONValue] = []
        func add(_ label: String, limit: Int, used: Int) {
            usage[label] = ["limit": .int(limit), "used": .int(used)]
            if limit > 0, used * 100 >= limit * 80 {
                pressure.append(["resource": .string(label), "used": .int(used), "limit": .int(limit)])
            }
        }
        for (absolute, table) in [
            (try await computeLimits.json["limits"]?["absolute"], compute), (try await volumeLimits.json["limits"]?["absolute"], volume),
        ] {
            for (label, maxKey, usedKey) in table {
                guard let limit = absolute?[maxKey]?.intValue, let used = absolute?[usedKey]?.intValue else { continue }
                add(label, limit: limit, used: used)
            }
        }
        for entry in await networkQuota where network.contains(entry.resource) {
            guard let limit = entry.limit, let used = entry.used else { continue }
            add(entry.resource, limit: limit, used: used)
        }
        return .object(.compact([("project", token.projectName.json), ("usage", .object(usage)), ("at_or_above_80_percent", .array(pressure))]))
    }

    /// The project's Neutron quota with usage, or nothing when it cannot be read.
    static func networkEntries(cloud: OpenStackCloud, projectID: String?) async -> [NetworkQuota.Entry] {
        guard let projectID,
            let response = try? await cloud.get(.network, path: "/quotas/\(PathSegment.encode(projectID))/details.json"),
            let quota = try? NetworkQuota.show(from: response.json)
        else { return [] }
        return quota.entries
    }
}
