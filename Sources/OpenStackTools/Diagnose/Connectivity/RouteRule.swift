import OpenStackKit

/// A router between the server's subnets and the peer, and for the internet its external gateway.
struct RouteRule: DiagnosisRule {
    let check = "route"

    func evaluate(_ facts: ConnectivityFacts) -> RuleOutcome {
        guard let ports = facts.ports.value, !ports.isEmpty else { return .notApplicable }
        let routed = ports.filter { facts.needsRoute($0) && !facts.isExternal($0) }
        if ports.contains(where: facts.isExternal) { return .passed("A port sits on an external network: no router is needed.") }
        guard !routed.isEmpty else { return .passed("The peer is on the server's own subnet: no router is needed.") }
        guard routed.contains(where: { !facts.flowSubnets(of: $0).isEmpty }) else {
            return .unknown("the server has no IPv\(facts.flowIPVersion) address, so this flow has no subnet to leave from")
        }
        guard facts.routerInterfaces.value != nil, facts.routers.value != nil else {
            return .unknown(facts.routerInterfaces.reason ?? facts.routers.reason ?? "")
        }
        var findings: [Finding] = []
        var passed: [String] = []
        for port in routed {
            for subnet in facts.flowSubnets(of: port) {
                let subnetID = subnet["id"]?.stringValue ?? ""
                let subnetName = subnet["name"]?.stringValue ?? subnetID
                guard let router = facts.router(on: subnetID) else {
                    findings.append(Finding(
                        severity: .error, code: facts.needsExternal ? "no_route_to_external" : "no_router_on_subnet",
                        summary: "No router has an interface on subnet \(subnetName), so traffic to \(facts.flow.peerText) has no way out of it.",
                        evidence: [
                            Evidence("subnet", id: subnetID, name: subnet["name"]?.stringValue, field: "router interfaces", value: 0),
                            Evidence("network", id: subnet["network_id"]?.stringValue, name: port["network_id"]?.stringValue.flatMap { facts.networks.value?[$0]?["name"]?.stringValue }, field: "router:external", value: false),
                        ],
                        nextStep: "openstack port list --network \(subnet["network_id"]?.stringValue ?? "") --device-owner network:router_interface; attach the subnet to a router with: openstack router add subnet <router> \(subnetID)"))
                    continue
                }
                let routerID = router["id"]?.stringValue ?? ""
                let routerName = router["name"]?.stringValue ?? routerID
                let evidence = { (field: String) in Evidence("router", id: routerID, name: router["name"]?.stringValue, field: field, value: router[field] ?? .null) }
                if router["admin_state_up"]?.boolValue == false || (router["status"]?.stringValue).map({ $0 != "ACTIVE" }) == true {
                    findings.append(Finding(
                        severity: .error, code: "router_down", summary: "Router \(routerName) on subnet \(subnetName) is not up.",
                        evidence: [evidence("status"), evidence("admin_state_up")], nextStep: "openstack router show \(routerID)"))
                } else if facts.needsExternal, router["external_gateway_info"]?["network_id"]?.stringValue == nil {
                    findings.append(Finding(
                        severity: .error, code: "router_without_external_gateway",
                        summary: "Router \(routerName) serves subnet \(subnetName) but has no external gateway, so nothing reaches the internet through it.",
                        evidence: [evidence("external_gateway_info")], nextStep: "openstack router show \(routerID) -c external_gateway_info"))
                } else {
                    passed.append("router \(routerName) serves subnet \(subnetName)\(facts.needsExternal ? " and has an external gateway" : "")")
                }
            }
        }
        return findings.isEmpty ? .passed(passed.joined(separator: "; ") + ".") : .found(findings)
    }
}
