import Foundation

/// A Neutron QoS policy (`GET /v2.0/qos/policies`, extension `qos`), with its rules embedded.
public struct QoSPolicy: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("qos", "policies"), collectionKey: "policies", singularKey: "policy",
        filters: [.string("project_id"), .bool("shared"), .bool("is_default")])

    /// One rule: a bandwidth limit, DSCP mark, minimum bandwidth or packet rate.
    public struct Rule: Sendable, Hashable {
        public let id: String?
        /// `bandwidth_limit`, `dscp_marking`, `minimum_bandwidth`, `minimum_packet_rate`, `packet_rate_limit`.
        public let type: String?
        public let direction: String?
        public let maxKbps: Int?
        public let maxBurstKbps: Int?
        public let dscpMark: Int?
        public let minKbps: Int?
        public let minKpps: Int?
        public let maxKpps: Int?

        public init(json: JSONValue) {
            id = json.text("id")
            type = json.text("type")
            direction = json.text("direction")
            maxKbps = json["max_kbps"]?.intValue
            maxBurstKbps = json["max_burst_kbps"]?.intValue
            dscpMark = json["dscp_mark"]?.intValue
            minKbps = json["min_kbps"]?.intValue
            minKpps = json["min_kpps"]?.intValue
            maxKpps = json["max_kpps"]?.intValue
        }
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let projectID: String?
    public let shared: Bool?
    public let isDefault: Bool?
    public let rules: [Rule]
    public let description: String?
    public let createdAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "QoSPolicy")
        name = json.text("name")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        shared = json["shared"]?.boolValue
        isDefault = json["is_default"]?.boolValue
        rules = (json["rules"]?.arrayValue ?? []).map(Rule.init(json:))
        description = json.text("description")
        createdAt = json.text("created_at")
    }
}
