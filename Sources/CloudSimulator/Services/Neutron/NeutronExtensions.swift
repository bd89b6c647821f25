import Foundation

/// `GET /v2.0/extensions` and `/v2.0/extensions/{alias}`: the extensions whose APIs and
/// attributes this simulator serves, with the names and descriptions Neutron gives them.
extension NeutronAPI {
    static let extensions: [(alias: String, name: String, description: String)] = [
        ("address-scope", "Address scope", "Address scopes extension."),
        ("agent", "agent", "The agent management extension."),
        ("binding", "Port Binding", "Expose port bindings of a virtual port to external application"),
        ("dhcp_agent_scheduler", "DHCP Agent Scheduler", "Schedule networks among dhcp agents"),
        ("external-net", "Neutron external network", "Adds external network attribute to network resource."),
        ("fip-port-details", "Floating IP Port Details Extension", "Add port_details attribute to Floating IP resource"),
        ("floating-ip-port-forwarding", "Floating IP Port Forwarding", "Provide port forwarding to floating IP."),
        ("l3_agent_scheduler", "L3 Agent Scheduler", "Schedule routers among l3 agents"),
        ("network-ip-availability", "Network IP Availability", "Provides IP availability data for each network and subnet."),
        ("pagination", "Pagination support", "Extension that indicates that pagination is enabled."),
        ("port-security", "Port Security", "Provides port security"),
        ("provider", "Provider Network", "Expose mapping of virtual networks to physical networks"),
        ("qos", "Quality of Service", "The Quality of Service extension."),
        ("qos-bw-minimum-ingress", "Ingress minimum bandwidth rule", "Allow to configure QoS minumum bandwidth rule with ingress direction."),
        ("qos-pps-minimum", "QoS minimum packet rate rule", "Allow to configure QoS minimum packet rate rule."),
        ("quota_details", "Quota details management support", "Expose functions for quotas usage statistics per project"),
        ("quotas", "Quota management support", "Expose functions for quotas management per project"),
        ("rbac-policies", "RBAC Policies", "Allows creation and modification of policies that control tenant access to resources."),
        ("router", "Neutron L3 Router", "Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external networks via a NAT gateway."),
        ("security-group", "security-group", "The security groups extension."),
        ("segment", "Segment", "Segments extension."),
        ("sorting", "Sorting support", "Extension that indicates that sorting is enabled."),
        ("standard-attr-description", "standard-attr-description", "Extension to add descriptions to standard attributes"),
        ("subnet_allocation", "Subnet Allocation", "Enables allocation of subnets from a subnet pool"),
        ("trunk", "Trunk Extension", "Provides support for trunk ports"),
        ("trunk-details", "Trunk port details", "Expose trunk port details"),
    ]

    func extensionsReply(_ request: IncomingRequest, _ path: [String]) -> Reply {
        let bodies: [(String, JSON)] = Self.extensions.map { ext in
            (ext.alias, [
                "alias": .string(ext.alias), "name": .string(ext.name), "description": .string(ext.description),
                "links": [], "updated": "2017-09-08T10:00:00-00:00",
            ])
        }
        switch path.count {
        case 2:
            return .json(["extensions": .array(bodies.map(\.1))])
        case 3:
            guard let body = bodies.first(where: { $0.0 == path[2] })?.1 else {
                return error(404, "Extension with alias \(path[2]) does not exist", request)
            }
            return .json(["extension": body])
        default:
            return error(404, "The resource could not be found.", request)
        }
    }
}
