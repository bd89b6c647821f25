import Foundation
import OpenStackKit

/// `describe_instance`: one server with everything around it, gathered concurrently.
///
/// After the server itself (by ID or name), it makes one round of concurrent reads: the image,
/// the server's ports (`device_id`), and each attached volume. A second round batches the
/// floating IPs of all ports (repeated `port_id`) and the security groups with their rules
/// (repeated `id`). Parts that fail are reported in `notes`, not silently dropped.
enum DescribeInstance {
    static let name = "describe_instance"

    static var definition: ToolDefinition {
        let properties: [String: JSONValue] = [
            "id": Schema.string("The server's ID, or its exact name."),
        ]
        return ToolDefinition(
            name: name, title: "Describe an instance with its network, storage and security",
            description:
                "Everything about one server: status, fault, flavor, image, ports, IPs, floating IPs, volumes, security group rules. For 'why can't it reach the network?'.",
            inputSchema: ["type": "object", "properties": .object(properties), "required": ["id"], "additionalProperties": false],
            outputSchema: Schema.showOutput
        ) { context, arguments in
            guard let key = try arguments.string("id") else {
                throw ToolArgumentError(argument: "id", problem: "required: the server's ID or name")
            }
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            return try await describe(key, cloud: cloud)
        }
    }

    static func describe(_ key: String, cloud: OpenStackCloud) async throws -> ToolResult {
        let server = try await GetInstance.find(key, cloud: cloud)
        var notes: [String] = []

        async let imageRead = part("image") { @Sendable () async throws -> JSONValue? in
            guard let id = server.imageID else { return nil }
            return try await cloud.get(.image, path: ResourcePath("images").appending(id).description).json
        }
        async let portsRead = part("ports") { @Sendable () async throws -> JSONValue? in
            try await cloud.get(.network, path: "/ports", query: [URLQueryItem(name: "device_id", value: server.id)]).json["ports"]
        }
        async let volumesRead = part("volumes") { @Sendable () async throws -> JSONValue? in
            try await withThrowingTaskGroup(of: JSONValue?.self) { group in
                for id in server.attachedVolumeIDs {
                    group.addTask { try await cloud.get(.blockStorage, path: ResourcePath("volumes").appending(id).description).json["volume"] }
                }
                var volumes: [JSONValue] = []
                for try await volume in group { if let volume { volumes.append(volume) } }
                return .array(volumes)
            }
        }
        let (image, ports, volumes) = await (imageRead, portsRead, volumesRead)
        notes += [image.note, ports.note, volumes.note].compactMap { $0 }

        let portList = ports.value?.arrayValue ?? []
        let portIDs = portList.compactMap { $0["id"]?.stringValue }
        let groupIDs = Array(Set(portList.flatMap { $0["security_groups"]?.arrayValue?.compactMap(\.stringValue) ?? [] })).sorted()
        async let floatingRead = part("floating IPs") { @Sendable () async throws -> JSONValue? in
            guard !portIDs.isEmpty else { return .array([]) }
            let query = portIDs.map { URLQueryItem(name: "port_id", value: $0) }
            return try await cloud.get(.network, path: "/floatingips", query: query).json["floatingips"]
        }
        async let groupsRead = part("security groups") { @Sendable () async throws -> JSONValue? in
            guard !groupIDs.isEmpty else { return .array([]) }
            let query = groupIDs.map { URLQueryItem(name: "id", value: $0) }
            return try await cloud.get(.network, path: "/security-groups", query: query).json["security_groups"]
        }
        let (floating, groups) = await (floatingRead, groupsRead)
        notes += [floating.note, groups.note].compactMap { $0 }

        var item = GetInstances.basicColumns(server, Lookups()).merging(GetInstances.detailedColumns(server, Lookups())) { _, new in new }
        item["image"] = image.value.map { image in
            .object(.compact([("id", image["id"]), ("name", image["name"]), ("status", image["status"])]))
        } ?? item["image"]
        item["ports"] = .array(portList.map(portSummary))
        item["floating_ips"] = .array((floating.value?.arrayValue ?? []).map { ip in
            .object(.compact([
                ("floating_ip_address", ip["floating_ip_address"]), ("fixed_ip_address", ip["fixed_ip_address"]),
                ("port_id", ip["port_id"]), ("status", ip["status"]), ("router_id", ip["router_id"]),
            ]))
        })
        item["volumes"] = .array((volumes.value?.arrayValue ?? []).map { volume in
            .object(.compact([
                ("id", volume["id"]), ("name", volume["name"]), ("status", volume["status"]), ("size", volume["size"]),
                ("bootable", volume["bootable"]?.boolValue.map(JSONValue.bool)),
                ("device", volume["attachments"]?.arrayValue?.first { $0["server_id"]?.stringValue == server.id }?["device"]),
            ]))
        })
        item["security_group_rules"] = .array((groups.value?.arrayValue ?? []).map(groupSummary))
        return ShowOutput.result(
            item: Redactor.redact(.object(item)), cloud: cloud.name, region: await cloud.effectiveRegion(), notes: notes)
    }

    static func portSummary(_ port: JSONValue) -> JSONValue {
        .object(.compact([
            ("id", port["id"]), ("network_id", port["network_id"]), ("status", port["status"]),
            ("mac_address", port["mac_address"]), ("fixed_ips", port["fixed_ips"]),
            ("security_groups", port["security_groups"]), ("port_security_enabled", port["port_security_enabled"]),
        ]))
    }

    static func groupSummary(_ group: JSONValue) -> JSONValue {
        let rules = (group["security_group_rules"]?.arrayValue ?? []).map { rule -> JSONValue in
            .object(.compact([
                ("direction", rule["direction"]), ("ethertype", rule["ethertype"]), ("protocol", rule["protocol"]),
                ("port_range_min", rule["port_range_min"]), ("port_range_max", rule["port_range_max"]),
                ("remote_ip_prefix", rule["remote_ip_prefix"]), ("remote_group_id", rule["remote_group_id"]),
            ]))
        }
        return .object(.compact([("id", group["id"]), ("name", group["name"]), ("rules", .array(rules))]))
    }

    /// Runs one part; a failure becomes a note instead of failing the whole answer.
    static func part(
        _ label: String, _ read: @Sendable () async throws -> JSONValue?
    ) async -> (value: JSONValue?, note: String?) {
        do {
            return (try await read(), nil)
        } catch let error as OpenStackError {
            return (nil, "\(label) unavailable: \(error.description)")
        } catch {
            return (nil, "\(label) unavailable: \(error)")
        }
    }
}
