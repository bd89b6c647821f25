import Foundation
import OpenStackKit

/// What `diagnose_connectivity` decides on: the server's ports and, around each, its network,
/// subnets, security groups, floating IPs, routers and agents, read in two concurrent rounds.
struct ConnectivityFacts: Sendable {
    var server: JSONValue
    var flow: Flow
    var ports: Fact<[JSONValue]>
    var networks: Fact<[String: JSONValue]>
    var subnets: Fact<[String: JSONValue]>
    var groups: Fact<[String: JSONValue]>
    var floatingIPs: Fact<[JSONValue]>
    /// Router interface ports on the server's networks, and the routers behind them.
    var routerInterfaces: Fact<[JSONValue]>
    var routers: Fact<[String: JSONValue]>
    /// Agents by router ID (L3) and by network ID (DHCP).
    var l3Agents: Fact<[String: [JSONValue]]>
    var dhcpAgents: Fact<[String: [JSONValue]]>

    var serverID: String { server["id"]?.stringValue ?? "" }
    var serverName: String { server["name"]?.stringValue ?? serverID }

    /// The subnets each port has an address on.
    func subnets(of port: JSONValue) -> [JSONValue] {
        (port["fixed_ips"]?.arrayValue ?? []).compactMap { $0["subnet_id"]?.stringValue }.compactMap { subnets.value?[$0] }
    }

    /// The router with an interface on `subnet`, if one.
    func router(on subnet: String) -> JSONValue? {
        let interface = routerInterfaces.value?.first { port in
            port["fixed_ips"]?.arrayValue?.contains { $0["subnet_id"]?.stringValue == subnet } == true
        }
        return interface?["device_id"]?.stringValue.flatMap { routers.value?[$0] }
    }
}

extension ConnectivityFacts {
    static let interfaceOwners = ["network:router_interface", "network:router_interface_distributed", "network:ha_router_replicated_interface"]
    /// Most routers and networks whose agents are read.
    static let agentReads = 4

    static func gather(server: OpenStackKit.Server, flow: Flow, cloud: OpenStackCloud) async -> ConnectivityFacts {
        let ports = await Fact<[JSONValue]>.read("the server's ports") {
            try await cloud.get(.network, path: "/ports", query: [URLQueryItem(name: "device_id", value: server.id)]).json["ports"]?.arrayValue ?? []
        }
        let portList = ports.value ?? []
        let networkIDs = unique(portList.compactMap { $0["network_id"]?.stringValue })
        let subnetIDs = unique(portList.flatMap { $0["fixed_ips"]?.arrayValue ?? [] }.compactMap { $0["subnet_id"]?.stringValue })
        let groupIDs = unique(portList.flatMap { $0["security_groups"]?.arrayValue ?? [] }.compactMap(\.stringValue))
        let portIDs = portList.compactMap { $0["id"]?.stringValue }

        async let networks = byID("networks", "networks", networkIDs, cloud)
        async let subnets = byID("subnets", "subnets", subnetIDs, cloud)
        async let groups = byID("security-groups", "security_groups", groupIDs, cloud)
        async let floating = Fact<[JSONValue]>.read("the floating IPs") {
            guard !portIDs.isEmpty else { return [] }
            return try await cloud.get(.network, path: "/floatingips", query: portIDs.map { URLQueryItem(name: "port_id", value: $0) })
                .json["floatingips"]?.arrayValue ?? []
        }
        async let interfaces = Fact<[JSONValue]>.read("the router interfaces") {
            guard !networkIDs.isEmpty else { return [] }
            let query = networkIDs.map { URLQueryItem(name: "network_id", value: $0) } + interfaceOwners.map { URLQueryItem(name: "device_owner", value: $0) }
            return try await cloud.get(.network, path: "/ports", query: query).json["ports"]?.arrayValue ?? []
        }
        let routerInterfaces = await interfaces
        let routerIDs = unique((routerInterfaces.value ?? []).compactMap { $0["device_id"]?.stringValue })
        async let routers = byID("routers", "routers", routerIDs, cloud)
        async let l3 = agents(routerIDs, resource: "routers", sub: "l3-agents", what: "the routers' L3 agents", cloud)
        async let dhcp = agents(networkIDs, resource: "networks", sub: "dhcp-agents", what: "the networks' DHCP agents", cloud)
        return ConnectivityFacts(
            server: server.raw, flow: flow, ports: ports, networks: await networks, subnets: await subnets, groups: await groups,
            floatingIPs: await floating, routerInterfaces: routerInterfaces, routers: await routers, l3Agents: await l3,
            dhcpAgents: await dhcp)
    }

    /// One batched read of a collection by repeated `id`.
    static func byID(_ path: String, _ key: String, _ ids: [String], _ cloud: OpenStackCloud) async -> Fact<[String: JSONValue]> {
        await Fact.read("the \(path.replacingOccurrences(of: "-", with: " "))") {
            guard !ids.isEmpty else { return [:] }
            let items = try await cloud.get(.network, path: "/\(path)", query: ids.map { URLQueryItem(name: "id", value: $0) }).json[key]?.arrayValue ?? []
            return Dictionary(items.compactMap { item in item["id"]?.stringValue.map { ($0, item) } }, uniquingKeysWith: { first, _ in first })
        }
    }

    static func agents(
        _ ids: [String], resource: String, sub: String, what: String, _ cloud: OpenStackCloud
    ) async -> Fact<[String: [JSONValue]]> {
        await Fact.read(what) {
            try await withThrowingTaskGroup(of: (String, [JSONValue]).self) { group in
                for id in ids.prefix(agentReads) {
                    group.addTask {
                        let path = ResourcePath(resource).appending(id).appending(literal: sub).description
                        return (id, try await cloud.get(.network, path: path).json["agents"]?.arrayValue ?? [])
                    }
                }
                var found: [String: [JSONValue]] = [:]
                for try await (id, agents) in group { found[id] = agents }
                return found
            }
        }
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
