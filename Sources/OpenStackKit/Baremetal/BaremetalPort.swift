import Foundation

/// An Ironic port (`GET /v1/ports/detail`): a NIC of a node, by MAC address.
public struct BaremetalPort: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .baremetal, path: ResourcePath("ports"), listPath: ResourcePath("ports", "detail"),
        collectionKey: "ports", singularKey: nil, markerField: "uuid",
        filters: [.string("node", "Node UUID or name"), .string("address", "MAC address"), .string("portgroup", "Portgroup UUID or name")],
        nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let address: String?
    public let nodeID: String?
    public let portgroupID: String?
    public let pxeEnabled: Bool?
    public let physicalNetwork: String?
    /// The switch port it is cabled to (`switch_id`, `port_id`, `switch_info`).
    public let localLinkConnection: JSONValue?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("uuid", in: "BaremetalPort")
        name = json.text("name")
        address = json.text("address")
        nodeID = json.text("node_uuid")
        portgroupID = json.text("portgroup_uuid")
        pxeEnabled = json["pxe_enabled"]?.boolValue
        physicalNetwork = json.text("physical_network")
        localLinkConnection = json["local_link_connection"]
    }
}

/// An Ironic portgroup (`GET /v1/portgroups/detail`): ports bonded together.
public struct BaremetalPortgroup: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .baremetal, path: ResourcePath("portgroups"), listPath: ResourcePath("portgroups", "detail"),
        collectionKey: "portgroups", singularKey: nil, markerField: "uuid",
        filters: [.string("node", "Node UUID or name"), .string("address", "MAC address")],
        nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let address: String?
    public let nodeID: String?
    /// The bonding mode (`active-backup`, `802.3ad`).
    public let mode: String?
    public let standalonePortsSupported: Bool?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("uuid", in: "BaremetalPortgroup")
        name = json.text("name")
        address = json.text("address")
        nodeID = json.text("node_uuid")
        mode = json.text("mode")
        standalonePortsSupported = json["standalone_ports_supported"]?.boolValue
    }
}
