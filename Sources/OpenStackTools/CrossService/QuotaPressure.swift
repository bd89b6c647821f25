import Foundation
import OpenStackKit

/// Quota usage of the token's project from the compute and volume `limits` APIs, which every
/// user may read, with the resources at 80% or more called out.
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

    static func read(cloud: OpenStackCloud) async throws -> JSONValue {
        async let computeLimits = cloud.get(.compute, path: "/limits")
        async let volumeLimits = cloud.get(.blockStorage, path: "/limits")
        var usage: [String: JSONValue] = [:]
        var pressure: [JSONValue] = []
        for (absolute, table) in [
            (try await computeLimits.json["limits"]?["absolute"], compute), (try await volumeLimits.json["limits"]?["absolute"], volume),
        ] {
            for (label, maxKey, usedKey) in table {
                guard let limit = absolute?[maxKey]?.intValue, let used = absolute?[usedKey]?.intValue else { continue }
                usage[label] = ["limit": .int(limit), "used": .int(used)]
                if limit > 0, used * 100 >= limit * 80 {
                    pressure.append(["resource": .string(label), "used": .int(used), "limit": .int(limit)])
                }
            }
        }
        let project = try await cloud.token().projectName
        return .object(.compact([("project", project.json), ("usage", .object(usage)), ("at_or_above_80_percent", .array(pressure))]))
    }
}
