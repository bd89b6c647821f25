import Foundation
import OpenStackKit

/// For a server that failed to schedule: its server group, where the group's other members run,
/// and which compute hosts could take a server at all.
struct ServerGroupFacts: Sendable {
    /// The group (`id`, `name`, `policy` or `policies`, `members`); nil when the server is in none.
    var group: JSONValue?
    /// The host of each other member, by server ID (nil: not placed).
    var memberHosts: [String: String?]
    /// nova-compute hosts that are up and enabled.
    var usableHosts: Set<String>

    /// Nova names the policy `policy` from 2.64, `policies` (a list of one) before.
    var policy: String? {
        group?["policy"]?.stringValue ?? group?["policies"]?.arrayValue?.first?.stringValue
    }

    /// Most other members whose host is read (one GET each; Nova has no batch read by ID).
    static let membersRead = 10

    static func gather(serverID: String, cloud: OpenStackCloud) async -> Fact<ServerGroupFacts> {
        await Fact.read("the server's group and the compute hosts") {
            async let groupsRead = cloud.get(.compute, path: "/os-server-groups", query: [URLQueryItem(name: "all_projects", value: "True")])
            async let servicesRead = cloud.get(.compute, path: "/os-services", query: [URLQueryItem(name: "binary", value: "nova-compute")])
            let groups = try await groupsRead.json["server_groups"]?.arrayValue ?? []
            let group = groups.first { ($0["members"]?.arrayValue ?? []).contains(.string(serverID)) }
            let others = (group?["members"]?.arrayValue ?? []).compactMap(\.stringValue).filter { $0 != serverID }
            let hosts = await BoundedConcurrency.map(Array(others.prefix(membersRead)), limit: 4) { id in
                try await cloud.get(.compute, path: ResourcePath("servers").appending(id).description).json["server"]?["OS-EXT-SRV-ATTR:host"]?.stringValue ?? ""
            }
            let services = try await servicesRead.json["services"]?.arrayValue ?? []
            let usable = services.filter { $0["state"]?.stringValue == "up" && $0["status"]?.stringValue == "enabled" }
                .compactMap { $0["host"]?.stringValue }
            return ServerGroupFacts(
                group: group, memberHosts: hosts.mapValues { $0.isEmpty ? nil : $0 }, usableHosts: Set(usable))
        }
    }
}
