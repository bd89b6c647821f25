import Foundation

/// A Neutron router (`GET /v2.0/routers`). Its interfaces are ports with
/// `device_owner=network:router_interface` and `device_id=<router id>`.
public struct Router: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("routers"), collectionKey: "routers", singularKey: "router",
        filters: [
            .string("project_id"), .enumeration("status", ["ACTIVE", "DOWN", "BUILD", "ERROR"], .uppercased),
        ])

    /// The router's uplink to an external network (`external_gateway_info`).
    public struct Gateway: Sendable, Hashable {
        public let networkID: String?
        public let enableSNAT: Bool?
        public let fixedIPs: [FixedIP]
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let projectID: String?
    public let status: String?
    public let adminStateUp: Bool?
    /// nil when the router has no gateway.
    public let gateway: Gateway?
    public let routes: [Route]
    /// Admin-only attributes: nil when hidden.
    public let distributed: Bool?
    public let ha: Bool?
    public let availabilityZones: [String]
    public let flavorID: String?
    public let description: String?
    public let createdAt: String?
    public let updatedAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Router")
        name = json.text("name")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        status = json.text("status")
        adminStateUp = json["admin_state_up"]?.boolValue
        gateway = json["external_gateway_info"]?.objectValue.map { info in
            Gateway(
                networkID: info["network_id"]?.stringValue, enableSNAT: info["enable_snat"]?.boolValue,
                fixedIPs: FixedIP.list(info["external_fixed_ips"]))
        }
        routes = Route.list(json["routes"])
        distributed = json["distributed"]?.boolValue
        ha = json["ha"]?.boolValue
        availabilityZones = json.strings(at: "availability_zones")
        flavorID = json.text("flavor_id")
        description = json.text("description")
        createdAt = json.text("created_at")
        updatedAt = json.text("updated_at")
    }
}
