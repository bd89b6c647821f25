import Foundation

/// A Neutron agent (`GET /v2.0/agents`): OVS, DHCP, L3, metadata.
public struct NetworkAgent: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("agents"), collectionKey: "agents", singularKey: "agent",
        filters: [
            .string("host"), .string("agent_type", "Only this agent type, e.g. 'L3 agent'."), .bool("alive"),
        ], nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let agentType: String?
    public let binary: String?
    public let host: String?
    public let availabilityZone: String?
    public let alive: Bool?
    public let adminStateUp: Bool?
    public let heartbeatTimestamp: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "NetworkAgent")
        agentType = json.text("agent_type")
        binary = json.text("binary")
        host = json.text("host")
        availabilityZone = json.text("availability_zone")
        alive = json["alive"]?.boolValue
        adminStateUp = json["admin_state_up"]?.boolValue
        heartbeatTimestamp = json.text("heartbeat_timestamp")
    }
}
