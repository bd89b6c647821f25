import Foundation

/// A Neutron trunk (`GET /v2.0/trunks`): a parent port carrying VLAN subports.
public struct Trunk: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .network, path: ResourcePath("trunks"), collectionKey: "trunks", singularKey: "trunk",
        filters: [
            .string("project_id"), .string("port_id", "Only the trunk whose parent is this port."),
            .enumeration("status", ["ACTIVE", "DOWN", "BUILD", "DEGRADED", "ERROR"], .uppercased),
        ])

    /// One subport: a port and the VLAN it is tagged with.
    public struct SubPort: Sendable, Hashable {
        public let portID: String?
        public let segmentationType: String?
        public let segmentationID: Int?
        /// Only in a parent port's `trunk_details`.
        public let macAddress: String?

        init(json: JSONValue) {
            portID = json.text("port_id")
            segmentationType = json.text("segmentation_type")
            segmentationID = json["segmentation_id"]?.intValue
            macAddress = json.text("mac_address")
        }

        /// `{"port_id", "segmentation_type", "segmentation_id"}`, as the API shows it.
        public var json: JSONValue {
            var object: [String: JSONValue] = [:]
            if let portID { object["port_id"] = .string(portID) }
            if let segmentationType { object["segmentation_type"] = .string(segmentationType) }
            if let segmentationID { object["segmentation_id"] = .int(segmentationID) }
            if let macAddress { object["mac_address"] = .string(macAddress) }
            return .object(object)
        }

        /// The answer of `GET /v2.0/trunks/{id}/get_subports`.
        public static func list(from document: JSONValue) throws -> [SubPort] {
            guard let items = document["sub_ports"]?.arrayValue else {
                throw ModelError.missing(field: "sub_ports", in: "Trunk.SubPort")
            }
            return items.map(SubPort.init(json:))
        }
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    /// The parent port.
    public let portID: String?
    public let projectID: String?
    public let status: String?
    public let adminStateUp: Bool?
    public let subPorts: [SubPort]
    public let description: String?
    public let createdAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Trunk")
        name = json.text("name")
        portID = json.text("port_id")
        projectID = json.text("project_id") ?? json.text("tenant_id")
        status = json.text("status")
        adminStateUp = json["admin_state_up"]?.boolValue
        subPorts = (json["sub_ports"]?.arrayValue ?? []).map(SubPort.init(json:))
        description = json.text("description")
        createdAt = json.text("created_at")
    }
}
