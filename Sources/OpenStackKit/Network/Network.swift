import Foundation

/// A Neutron network (`GET /v2.0/networks`).
public struct Network: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("networks"), collectionKey: "networks", singularKey: "network",
        filters: [
            .string("project_id"), .bool("shared"), .bool("external", upstream: "router:external"),
            .string("status", transform: .uppercased, "e.g. ACTIVE"),
        ])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let status: String?
    public let projectID: String?
    /// `shared`: usable by every project.
    public let shared: Bool
    /// `router:external`: a provider network that routers use as a gateway.
    public let external: Bool
    public let adminStateUp: Bool?
    public let mtu: Int?
    public let subnetIDs: [String]
    public let networkType: String?
    public let physicalNetwork: String?
    public let segmentationID: String?
    public let availabilityZones: [String]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Network")
        name = json.text("name")
        status = json.text("status")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        shared = json["shared"]?.boolValue ?? false
        external = json["router:external"]?.boolValue ?? false
        adminStateUp = json["admin_state_up"]?.boolValue
        mtu = json["mtu"]?.intValue
        subnetIDs = (json["subnets"]?.arrayValue ?? []).compactMap(\.stringValue)
        networkType = json.text("provider:network_type")
        physicalNetwork = json.text("provider:physical_network")
        segmentationID = json.text("provider:segmentation_id")
        availabilityZones = (json["availability_zones"]?.arrayValue ?? []).compactMap(\.stringValue)
    }
}
