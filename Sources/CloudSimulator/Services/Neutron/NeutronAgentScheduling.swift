/// The agent-scheduler extension's reads: `GET /v2.0/routers/{id}/l3-agents` and
/// `GET /v2.0/networks/{id}/dhcp-agents`. Admin-only by Neutron's default policy (403 otherwise).
/// Every router and every DHCP-enabled network of the demo cloud is served by the controller's agents.
extension NeutronAPI {
    func scheduledAgents(_ request: IncomingRequest, _ path: [String]) -> Reply? {
        guard path.count == 4 else { return nil }
        let data = environment.data
        let (agentType, known): (String, Bool)
        switch (path[1], path[3]) {
        case ("routers", "l3-agents"): (agentType, known) = ("L3 agent", data.routers.contains { $0.id == path[2] })
        case ("networks", "dhcp-agents"): (agentType, known) = ("DHCP agent", data.networks.contains { $0.id == path[2] })
        default: return nil
        }
        guard request.isAdmin else {
            return .json(Self.error(type: "HTTPForbidden", message: "rule:get_\(path[3]) is disallowed by policy"), status: 403)
        }
        guard known else {
            let title = path[1] == "routers" ? "Router" : "Network"
            return .json(Self.error(type: "\(title)NotFound", message: "\(title) \(path[2]) could not be found."), status: 404)
        }
        let agents = data.networkAgents.filter { $0.agentType == agentType && $0.host == DemoDataGenerator.controller }
        return .json(["agents": .array(agents.map { renderAgent($0) })])
    }
}
