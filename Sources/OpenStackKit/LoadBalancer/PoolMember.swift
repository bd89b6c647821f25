import Foundation

/// A member of a pool (`GET /v2/lbaas/pools/{pool_id}/members`).
public struct PoolMember: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "pools"), collectionKey: "members", singularKey: "member",
        filters: OctaviaStatus.filters + [.string("address")])

    /// The members of one pool, its ID encoded as one segment.
    public static func path(pool: String) -> String { ResourcePath("lbaas", "pools").appending(pool).appending(literal: "members").description }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let address: String?
    public let port: Int?
    public let weight: Int?
    public let provisioningStatus: String?
    public let operatingStatus: String?
    public let subnetID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "PoolMember")
        name = json.text("name")
        address = json.text("address")
        port = json["protocol_port"]?.intValue
        weight = json["weight"]?.intValue
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
        subnetID = json.text("subnet_id")
    }

    /// Whether the member is not serving traffic.
    public var isDown: Bool { operatingStatus.map(OctaviaStatus.down.contains) ?? false }
    /// No health monitor watches it, so its status says nothing about whether it serves.
    public var isUnmonitored: Bool { operatingStatus?.uppercased() == "NO_MONITOR" }
}
