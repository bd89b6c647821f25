import Foundation
import OpenStackKit

/// Everything `diagnose_instance` decides on, read once and concurrently.
struct InstanceFacts: Sendable {
    var server: JSONValue
    /// The most recent failed actions, each with its events.
    var failedActions: Fact<[JSONValue]>
    /// `nova-compute` on the server's host, and that host's hypervisor; nil when the server has
    /// no host (it never got one, or the viewer may not see it).
    var computeService: Fact<JSONValue?>
    var hypervisor: Fact<JSONValue?>
    var ports: Fact<[JSONValue]>
    var volumes: Fact<[JSONValue]>
    /// What Placement says about the server's request; nil unless it failed to schedule.
    var scheduling: Fact<SchedulingFacts>?
    /// Its server group and the usable hosts; nil unless it failed to schedule.
    var serverGroup: Fact<ServerGroupFacts>? = nil

    var id: String { server["id"]?.stringValue ?? "" }
    var name: String? { server["name"]?.stringValue }
    var status: String { server["status"]?.stringValue ?? "UNKNOWN" }
    var host: String? { server["OS-EXT-SRV-ATTR:host"]?.stringValue }
    var faultMessage: String? { server["fault"]?["message"]?.stringValue }

    func evidence(_ field: String, _ value: JSONValue) -> Evidence {
        Evidence("server", id: id, name: name, field: field, value: value)
    }

    /// Failed to schedule: in ERROR with Nova's "No valid host" fault, or (for an admin, who sees
    /// the host attribute) in ERROR without a host.
    static func failedScheduling(_ server: JSONValue) -> Bool {
        guard server["status"]?.stringValue == "ERROR" else { return false }
        if let fault = server["fault"]?["message"]?.stringValue, fault.localizedCaseInsensitiveContains("no valid host") {
            return true
        }
        return server["OS-EXT-SRV-ATTR:host"] == .null
    }
}

extension InstanceFacts {
    /// Most failed actions whose events are read, and most attached volumes read.
    static let actionsRead = 3
    static let volumesRead = 8

    static func gather(_ server: OpenStackKit.Server, cloud: OpenStackCloud) async -> InstanceFacts {
        let raw = server.raw
        let serverPath = ResourcePath("servers").appending(server.id)
        let host = raw["OS-EXT-SRV-ATTR:host"]?.stringValue
        let hypervisorName = raw["OS-EXT-SRV-ATTR:hypervisor_hostname"]?.stringValue ?? host
        async let actions = Fact<[JSONValue]>.read("the server's actions") {
            let list = try await cloud.get(.compute, path: serverPath.appending(literal: "os-instance-actions").description).json
            let failed = (list["instanceActions"]?.arrayValue ?? []).filter { $0["message"]?.stringValue != nil }
            return try await withThrowingTaskGroup(of: (Int, JSONValue).self) { group in
                for (index, action) in failed.prefix(actionsRead).enumerated() {
                    guard let request = action["request_id"]?.stringValue else { continue }
                    group.addTask {
                        let path = serverPath.appending(literal: "os-instance-actions").appending(request).description
                        return (index, try await cloud.get(.compute, path: path).json["instanceAction"] ?? action)
                    }
                }
                var detailed: [(Int, JSONValue)] = []
                for try await entry in group { detailed.append(entry) }
                return detailed.sorted { $0.0 < $1.0 }.map(\.1)
            }
        }
        async let service = Fact<JSONValue?>.read("the host's nova-compute service") {
            guard let host else { return nil }
            let query = [URLQueryItem(name: "binary", value: "nova-compute"), URLQueryItem(name: "host", value: host)]
            return try await cloud.get(.compute, path: "/os-services", query: query).json["services"]?.arrayValue?.first
        }
        async let hypervisor = Fact<JSONValue?>.read("the host's hypervisor") {
            guard let hypervisorName else { return nil }
            let query = [URLQueryItem(name: "hypervisor_hostname_pattern", value: hypervisorName)]
            let list = try await cloud.get(.compute, path: "/os-hypervisors", query: query).json["hypervisors"]?.arrayValue
            return list?.first { $0["hypervisor_hostname"]?.stringValue == hypervisorName } ?? list?.first
        }
        async let ports = Fact<[JSONValue]>.read("the server's ports") {
            try await cloud.get(.network, path: "/ports", query: [URLQueryItem(name: "device_id", value: server.id)])
                .json["ports"]?.arrayValue ?? []
        }
        async let volumes = Fact<[JSONValue]>.read("the attached volumes") {
            try await withThrowingTaskGroup(of: JSONValue?.self) { group in
                for id in server.attachedVolumeIDs.prefix(volumesRead) {
                    group.addTask {
                        try await cloud.get(.blockStorage, path: ResourcePath("volumes").appending(id).description).json["volume"]
                    }
                }
                var found: [JSONValue] = []
                for try await volume in group { if let volume { found.append(volume) } }
                return found.sorted { ($0["id"]?.stringValue ?? "") < ($1["id"]?.stringValue ?? "") }
            }
        }
        let schedulingFailed = failedScheduling(raw)
        async let scheduling = schedulingFailed ? SchedulingFacts.gather(server, cloud: cloud) : nil
        async let group = schedulingFailed ? ServerGroupFacts.gather(serverID: server.id, cloud: cloud) : nil
        return InstanceFacts(
            server: raw, failedActions: await actions, computeService: await service, hypervisor: await hypervisor,
            ports: await ports, volumes: await volumes, scheduling: await scheduling, serverGroup: await group)
    }
}
