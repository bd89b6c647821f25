import Foundation

/// A Neutron network segment (`GET /v2.0/segments`, extension `segment`): the physical network
/// and VLAN or tunnel ID a network uses.
public struct NetworkSegment: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("segments"), collectionKey: "segments", singularKey: "segment",
        filters: [
            .string("network_id"),
            .enumeration("network_type", ["flat", "vlan", "vxlan", "geneve", "gre", "local"], .lowercased),
            .string("physical_network"),
        ])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let networkID: String?
    public let networkType: String?
    public let physicalNetwork: String?
    public let segmentationID: Int?
    public let description: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "NetworkSegment")
        name = json.text("name")
        networkID = json.text("network_id")
        networkType = json.text("network_type")
        physicalNetwork = json.text("physical_network")
        segmentationID = json["segmentation_id"]?.intValue
        description = json.text("description")
    }
}
