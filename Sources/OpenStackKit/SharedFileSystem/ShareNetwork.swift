import Foundation

/// A Manila share network: the Neutron network and subnet its share servers join
/// (`GET /v2/share-networks/detail`). From 2.51 the subnets sit in `share_network_subnets`.
public struct ShareNetwork: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .sharedFileSystem, path: ResourcePath("share-networks"), listPath: ResourcePath("share-networks", "detail"),
        collectionKey: "share_networks", singularKey: "share_network", paging: .offset,
        filters: [.string("neutron_net_id"), .string("neutron_subnet_id")],
        allProjects: [URLQueryItem(name: "all_tenants", value: "1")])

    /// One subnet of the network (a Neutron network and subnet in one availability zone).
    public struct Subnet: Sendable, Hashable {
        public var neutronNetID: String?
        public var neutronSubnetID: String?
        public var availabilityZone: String?
        public var cidr: String?
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let projectID: String?
    public let status: String?
    public let subnets: [Subnet]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ShareNetwork")
        name = json.text("name")
        projectID = json.text("project_id")
        status = json.text("status")
        func subnet(_ value: JSONValue) -> Subnet {
            Subnet(
                neutronNetID: value.text("neutron_net_id"), neutronSubnetID: value.text("neutron_subnet_id"),
                availabilityZone: value.text("availability_zone"), cidr: value.text("cidr"))
        }
        if let list = json["share_network_subnets"]?.arrayValue {
            subnets = list.map(subnet)
        } else if json.text("neutron_net_id") != nil || json.text("neutron_subnet_id") != nil {
            subnets = [subnet(json)]
        } else {
            subnets = []
        }
    }
}
