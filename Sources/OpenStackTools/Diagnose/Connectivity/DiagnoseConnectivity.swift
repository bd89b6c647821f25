import Foundation
import OpenStackKit

/// `diagnose_connectivity`: why a server cannot reach, or be reached from, the internet, an
/// address or another server: its ports, the security-group rules evaluated for the flow, the
/// subnet's gateway and DHCP, the router and its external gateway, the floating IP and the agents.
enum DiagnoseConnectivity {
    static let rules: [any DiagnosisRule<ConnectivityFacts>] = [
        FlowPortRule(), RouteRule(), SubnetRule(), FloatingIPRule(), SecurityGroupFlowRule(), AgentRule(),
    ]

    static var definition: ToolDefinition {
        ToolDefinition(
            name: "diagnose_connectivity", title: "Diagnose a server's connectivity",
            description: "Why a server can't reach or be reached (e.g. SSH): security-group rules, subnet, router, floating IP, agents.",
            inputSchema: Schema.object([
                "server": Schema.string("Server ID or name"),
                "to": Schema.string("internet (default), an IP or a server"),
                "protocol": Schema.enumeration(["tcp", "udp", "icmp", "any"], ""),
                "port": ["type": "integer", "minimum": 1, "maximum": 65535],
                "direction": Schema.enumeration(["ingress", "egress"], "Default: ingress with a port"),
            ], required: ["server"]),
            outputSchema: DiagnosisReport.outputSchema
        ) { context, arguments in
            guard let key = try arguments.string("server") else {
                throw ToolArgumentError(argument: "server", problem: "required: the server's ID or exact name")
            }
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let port = arguments.values["port"] == nil ? nil : try arguments.int("port", default: 0, range: 1...65535)
            let proto = try arguments.choice("protocol", allowed: ["tcp", "udp", "icmp", "any"], default: port == nil ? "any" : "tcp")
            if port != nil, !["tcp", "udp"].contains(proto) {
                throw ToolArgumentError(argument: "port", problem: "a port applies to tcp or udp only; drop it or set protocol to tcp or udp")
            }
            let direction = try arguments.choice("direction", allowed: ["ingress", "egress"], default: port == nil ? "egress" : "ingress")
            async let serverRead = GetInstance.find(key, cloud: cloud)
            let peer = try await peer(try arguments.string("to"), cloud: cloud)
            let server = try await serverRead
            let flow = Flow(peer: peer, proto: proto, port: port, direction: direction)
            let facts = await ConnectivityFacts.gather(server: server, flow: flow, cloud: cloud)
            var report = DiagnosisReport(subject: ("server", server.id, server.name))
            report.apply(rules, to: facts)
            if report.findings.isEmpty, report.unknown.isEmpty {
                report.checked.append(("flow", "Nothing found that stops \(flow.text) for server \(server.name ?? server.id); look inside the guest next (its firewall, the service listening)."))
            }
            return report.result(cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }

    /// `internet`, an IPv4 or IPv6 address, or another server with its addresses and groups.
    static func peer(_ to: String?, cloud: OpenStackCloud) async throws -> Flow.Peer {
        guard let to, to.lowercased() != "internet" else { return .internet }
        if IPv4.value(to) != nil || to.contains(":") { return .address(to) }
        let other = try await GetInstance.find(to, cloud: cloud)
        let ports = try await cloud.get(.network, path: "/ports", query: [URLQueryItem(name: "device_id", value: other.id)]).json["ports"]?.arrayValue ?? []
        let groups = ConnectivityFacts.unique(ports.flatMap { $0["security_groups"]?.arrayValue ?? [] }.compactMap(\.stringValue))
        let addresses = ports.flatMap { $0["fixed_ips"]?.arrayValue ?? [] }.compactMap { $0["ip_address"]?.stringValue }
        return .server(id: other.id, name: other.name, addresses: addresses, groupIDs: groups)
    }
}
