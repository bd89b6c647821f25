import Foundation

/// A port attached to a server, from `GET /servers/{id}/os-interface[/{port_id}]` (`tag` from 2.70).
public struct InterfaceAttachment: OpenStackResource {
    public static let collectionKey = "interfaceAttachments"
    public static let singularKey: String? = "interfaceAttachment"

    /// One fixed IP of the port.
    public struct FixedIP: Sendable, Hashable {
        public var ipAddress: String
        public var subnetID: String?
    }

    public let raw: JSONValue
    public let portID: String
    public let networkID: String?
    public let macAddress: String?
    public let portState: String?
    public let fixedIPs: [FixedIP]
    public let tag: String?

    public init(json: JSONValue) throws {
        raw = json
        portID = try json.required("port_id", in: "InterfaceAttachment")
        networkID = json.text("net_id")
        macAddress = json.text("mac_addr")
        portState = json.text("port_state")
        fixedIPs = (json["fixed_ips"]?.arrayValue ?? []).compactMap { entry in
            entry.text("ip_address").map { FixedIP(ipAddress: $0, subnetID: entry.text("subnet_id")) }
        }
        tag = json.text("tag")
    }
}
