import Foundation

/// A port forwarding of a floating IP (`GET /v2.0/floatingips/{id}/port_forwardings`,
/// extension `floating-ip-port-forwarding`): an external port to an internal address and port.
public struct PortForwarding: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("floatingips"), collectionKey: "port_forwardings",
        singularKey: "port_forwarding",
        filters: [
            .enumeration("protocol", ["tcp", "udp"], .lowercased), .string("internal_port_id"),
            .atLeast("external_port", 1),
        ], nameFilter: nil)

    /// The collection of one floating IP, its ID encoded as one segment.
    public static func path(floatingIP id: String) -> String {
        ResourcePath("floatingips").appending(id).appending(literal: "port_forwardings").description
    }

    public let raw: JSONValue
    public let id: String
    public let `protocol`: String?
    public let internalIPAddress: String?
    public let internalPortID: String?
    public let internalPort: Int?
    public let externalPort: Int?
    /// `start:end`, where the forwarding maps a range instead of one port.
    public let internalPortRange: String?
    public let externalPortRange: String?
    public let description: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "PortForwarding")
        `protocol` = json.text("protocol")
        internalIPAddress = json.text("internal_ip_address")
        internalPortID = json.text("internal_port_id")
        internalPort = json["internal_port"]?.intValue
        externalPort = json["external_port"]?.intValue
        internalPortRange = json.text("internal_port_range")
        externalPortRange = json.text("external_port_range")
        description = json.text("description")
    }
}
