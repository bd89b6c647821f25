import Foundation
import OpenStackKit

/// `cloud_overview`: "how is my cloud?" in one call.
///
/// All reads run concurrently: server and volume counts by status (paged, capped), the servers and
/// volumes in ERROR, services and agents that are down, hypervisor capacity against usage (from
/// Placement inventories and usages), and quota pressure of the token's project. A part that fails
/// (often: it needs the admin role) becomes a note; the rest still answers.
enum CloudOverview {
    static let name = "cloud_overview"
    /// Most items counted per collection, so that the overview stays bounded on a huge cloud.
    static let countCap = 10_000

    static var definition: ToolDefinition {
        let properties: [String: JSONValue] = [:]
        return ToolDefinition(
            name: name, title: "Cloud overview: health, capacity and quota pressure",
            description:
                "How is the cloud? Servers and volumes by status, what is in ERROR, services and agents down, hypervisor capacity, quota use.",
            inputSchema: ["type": "object", "properties": .object(properties), "additionalProperties": false],
            outputSchema: Schema.showOutput
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            return try await overview(cloud: cloud)
        }
    }

    static func overview(cloud: OpenStackCloud) async throws -> ToolResult {
        let pager = Pager(cloud: cloud)
        let allServers = ListRequest(
            service: .compute, path: "/servers/detail", collectionKey: "servers",
            query: [URLQueryItem(name: "all_tenants", value: "True")])
        let allVolumes = ListRequest(
            service: .blockStorage, path: "/volumes/detail", collectionKey: "volumes",
            query: [URLQueryItem(name: "all_tenants", value: "1")])
        async let servers = DescribeInstance.part("server counts") {
            summarize(try await pager.collect(allServers, limit: countCap), kind: "servers")
        }
        async let volumes = DescribeInstance.part("volume counts") {
            summarize(try await pager.collect(allVolumes, limit: countCap), kind: "volumes")
        }
        async let computeServices = DescribeInstance.part("compute services") {
            down(try await cloud.get(.compute, path: "/os-services").json["services"], name: "binary")
        }
        async let volumeServices = DescribeInstance.part("volume services") {
            down(try await cloud.get(.blockStorage, path: "/os-services").json["services"], name: "binary")
        }
        async let agents = DescribeInstance.part("network agents") {
            let list = try await cloud.get(.network, path: "/agents").json["agents"]?.arrayValue ?? []
            let dead = list.filter { $0["alive"]?.boolValue == false || $0["admin_state_up"]?.boolValue == false }
            return ["total": .int(list.count), "down": .array(dead.map { agent in
                .object(.compact([("agent_type", agent["agent_type"]), ("host", agent["host"]), ("alive", agent["alive"])]))
            })]
        }
        async let capacity = DescribeInstance.part("hypervisor capacity") { try await PlacementCapacity.read(cloud: cloud) }
        async let quotas = DescribeInstance.part("quota usage") { try await QuotaPressure.read(cloud: cloud) }

        let parts: [(String, (value: JSONValue?, note: String?))] = await [
            ("servers", servers), ("volumes", volumes), ("compute_services", computeServices),
            ("volume_services", volumeServices), ("network_agents", agents), ("capacity", capacity), ("quotas", quotas),
        ]
        var item: [String: JSONValue] = [:]
        var notes: [String] = []
        for (key, part) in parts {
            if let value = part.value { item[key] = value }
            if let note = part.note { notes.append(note) }
        }
        return ShowOutput.result(item: .object(item), cloud: cloud.name, region: await cloud.effectiveRegion(), notes: notes)
    }

    /// Counts by status, and the items in ERROR (with their fault for servers).
    static func summarize(_ result: ListResult, kind: String) -> JSONValue {
        var counts: [String: Int] = [:]
        for item in result.items { counts[(item["status"]?.stringValue ?? "UNKNOWN").uppercased(), default: 0] += 1 }
        let errors = result.items.filter { $0["status"]?.stringValue?.uppercased() == "ERROR" }.prefix(50).map { item in
            JSONValue.object(.compact([
                ("id", item["id"]), ("name", item["name"]),
                ("host", item["OS-EXT-SRV-ATTR:host"] ?? item["os-vol-host-attr:host"]),
                ("project_id", item["tenant_id"] ?? item["os-vol-tenant-attr:tenant_id"]),
                ("fault", item["fault"]?["message"]),
            ]))
        }
        return .object(.compact([
            ("total", .int(result.items.count)), ("by_status", .object(counts.mapValues(JSONValue.int))),
            ("in_error", .array(errors)), ("counted_first", result.nextMarker == nil ? nil : .int(countCap)),
        ]))
    }

    /// Services that are down or disabled.
    static func down(_ services: JSONValue?, name: String) -> JSONValue {
        let list = services?.arrayValue ?? []
        let bad = list.filter { $0["state"]?.stringValue == "down" || $0["status"]?.stringValue == "disabled" }
        return ["total": .int(list.count), "down_or_disabled": .array(bad.map { service in
            .object(.compact([
                (name, service[name]), ("host", service["host"]), ("state", service["state"]), ("status", service["status"]),
                ("disabled_reason", service["disabled_reason"]),
            ]))
        })]
    }
}
