import Foundation
import OpenStackKit

/// `get_network_agents`: Neutron agents and whether they are alive (admin).
enum GetNetworkAgents {
    static var definition: ToolDefinition {
        ListTool<NetworkAgent>(
            name: "get_network_agents", title: "List network agents",
            description:
                "List Neutron agents (admin): type, host, alive, admin state.",
            noun: "agent host or type",
            searchFields: { [$0.host, $0.agentType, $0.binary] },
            basic: { agent, _ in
                .compact([
                    ("id", .string(agent.id)), ("agent_type", agent.agentType.json), ("host", agent.host.json),
                    ("availability_zone", agent.availabilityZone.json), ("alive", agent.alive.json),
                    ("admin_state_up", agent.adminStateUp.json), ("binary", agent.binary.json),
                ])
            },
            detailed: { agent, _ in
                .compact([
                    ("heartbeat_timestamp", agent.heartbeatTimestamp.json), ("topic", agent.raw.text("topic").json),
                    ("started_at", agent.raw.text("started_at").json), ("description", agent.raw.text("description").json),
                ])
            },
            explainEmpty: { cloud in
                try await AdminRole.require(
                    cloud, service: "Neutron", url: "/v2.0/agents",
                    because: "Neutron lists network agents only to administrators and answered this account with an empty list")
            }
        ).definition
    }
}
