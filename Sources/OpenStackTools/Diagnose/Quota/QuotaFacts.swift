import Foundation
import OpenStackKit

/// One quota of a project: how much of a resource it uses and may use (-1: unlimited).
struct QuotaUsage: Sendable, Equatable {
    var resource: String
    var limit: Int
    var used: Int
}

/// A server or volume that counts against the project's quota, with what it uses.
struct QuotaConsumer: Sendable, Equatable {
    var type: String
    var id: String
    var name: String?
    var userID: String?
    /// What it adds to each quota resource (`cores`, `ram`, `instances`, `gigabytes`, ...).
    var amounts: [String: Int]
    /// What it is, in words (`flavor m1.large`, `50 GiB lvmdriver-1`).
    var label: String
}

/// Everything `diagnose_quota` decides on.
struct QuotaFacts: Sendable {
    var projectID: String
    var projectName: String?
    var compute: Fact<[QuotaUsage]>
    var volume: Fact<[QuotaUsage]>
    var network: Fact<[QuotaUsage]>
    /// The project's servers and volumes, read only when one of their quotas is at 80% or more.
    var servers: Fact<[QuotaConsumer]>?
    var volumes: Fact<[QuotaConsumer]>?
    /// Whether the servers or volumes read stopped at ``QuotaFacts/consumerCap``.
    var serversCapped = false
    var volumesCapped = false

    /// Most servers and most volumes read to name the largest consumers.
    static let consumerCap = 200

    /// Whether a quota is at or above 80% of a finite limit.
    static func isPressed(_ usage: QuotaUsage) -> Bool {
        usage.limit >= 0 && usage.used > 0 && usage.used * 100 >= usage.limit * 80
    }

    static func gather(projectID: String, projectName: String?, cloud: OpenStackCloud) async throws -> QuotaFacts {
        let segment = PathSegment.encode(projectID)
        async let compute = Fact.read("Nova quotas") {
            let response = try await cloud.get(.compute, path: "/os-quota-sets/\(segment)/detail")
            return try ComputeQuotaSet.rows(response.json).map(ComputeQuotaSet.Row.init(json:)).compactMap { row -> QuotaUsage? in
                guard let limit = row.limit else { return nil }
                return QuotaUsage(resource: row.resource, limit: limit, used: (row.inUse ?? 0) + (row.reserved ?? 0))
            }
        }
        async let volume = Fact.read("Cinder quotas") {
            let response = try await cloud.get(.blockStorage, path: "/os-quota-sets/\(segment)", query: [URLQueryItem(name: "usage", value: "true")])
            // per_volume_gigabytes caps one volume's size; it is not used up.
            return try VolumeQuotaSet.show(from: response.json).quotas.filter { $0.key != "per_volume_gigabytes" }
                .map { QuotaUsage(resource: $0.key, limit: $0.value.limit, used: ($0.value.inUse ?? 0) + ($0.value.reserved ?? 0)) }
                .sorted { $0.resource < $1.resource }
        }
        async let network = Fact.read("Neutron quotas") {
            let entries = await QuotaPressure.networkEntries(cloud: cloud, projectID: projectID)
            guard !entries.isEmpty else {
                throw ToolArgumentError(
                    argument: "project", problem: "Neutron gave no quota details (another project's need the admin role; some clouds lack quota_details)")
            }
            return entries.compactMap { entry in entry.limit.map { QuotaUsage(resource: entry.resource, limit: $0, used: entry.used ?? 0) } }
        }
        var facts = await QuotaFacts(projectID: projectID, projectName: projectName, compute: compute, volume: volume, network: network)
        let isAdmin = try await cloud.token().isAdmin
        let computePressed = (facts.compute.value ?? []).contains(where: isPressed)
        let volumePressed = (facts.volume.value ?? []).contains(where: isPressed)
        async let servers: (Fact<[QuotaConsumer]>, Bool)? = computePressed
            ? readServers(projectID: projectID, isAdmin: isAdmin, cloud: cloud) : nil
        async let volumes: (Fact<[QuotaConsumer]>, Bool)? = volumePressed
            ? readVolumes(projectID: projectID, isAdmin: isAdmin, cloud: cloud) : nil
        let (serverRead, volumeRead) = await (servers, volumes)
        (facts.servers, facts.serversCapped) = (serverRead?.0, serverRead?.1 ?? false)
        (facts.volumes, facts.volumesCapped) = (volumeRead?.0, volumeRead?.1 ?? false)
        return facts
    }

    /// An admin names the project (every project's servers are visible); anyone else reads their own.
    private static func scope(_ projectID: String, isAdmin: Bool) -> [URLQueryItem] {
        let own = [URLQueryItem(name: "limit", value: String(consumerCap))]
        return isAdmin ? own + [URLQueryItem(name: "all_tenants", value: "1"), URLQueryItem(name: "project_id", value: projectID)] : own
    }

    static func readServers(projectID: String, isAdmin: Bool, cloud: OpenStackCloud) async -> (Fact<[QuotaConsumer]>, Bool) {
        let fact = await Fact.read("servers") { () async throws -> [QuotaConsumer] in
            let response = try await cloud.get(.compute, path: "/servers/detail", query: scope(projectID, isAdmin: isAdmin))
            let servers = try (response.json["servers"]?.arrayValue ?? []).map(OpenStackKit.Server.init(json:))
            return servers.map { server in
                let flavor = server.flavor
                var amounts = ["instances": 1]
                amounts["cores"] = flavor?.vcpus
                amounts["ram"] = flavor?.ram
                let size = [flavor?.vcpus.map { "\($0) vCPU" }, flavor?.ram.map { "\($0) MB" }].compactMap { $0 }.joined(separator: ", ")
                return QuotaConsumer(
                    type: "server", id: server.id, name: server.name, userID: server.userID, amounts: amounts,
                    label: "flavor \(flavor?.name ?? flavor?.id ?? "?")\(size.isEmpty ? "" : " (\(size))")")
            }
        }
        return (fact, (fact.value?.count ?? 0) >= consumerCap)
    }

    static func readVolumes(projectID: String, isAdmin: Bool, cloud: OpenStackCloud) async -> (Fact<[QuotaConsumer]>, Bool) {
        let fact = await Fact.read("volumes") { () async throws -> [QuotaConsumer] in
            let response = try await cloud.get(.blockStorage, path: "/volumes/detail", query: scope(projectID, isAdmin: isAdmin))
            let volumes = try (response.json["volumes"]?.arrayValue ?? []).map(Volume.init(json:))
            return volumes.map { volume in
                let size = volume.size ?? 0
                var amounts = ["volumes": 1, "gigabytes": size]
                if let type = volume.volumeType {
                    amounts["volumes_\(type)"] = 1
                    amounts["gigabytes_\(type)"] = size
                }
                return QuotaConsumer(
                    type: "volume", id: volume.id, name: volume.name, userID: volume.raw.text("user_id"), amounts: amounts,
                    label: "\(size) GiB \(volume.volumeType ?? "")".trimmingCharacters(in: .whitespaces))
            }
        }
        return (fact, (fact.value?.count ?? 0) >= consumerCap)
    }
}
