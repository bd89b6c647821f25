import Foundation

/// An Ironic allocation (`GET /v1/allocations`, API 1.52): a claim on a node of a resource class.
public struct BaremetalAllocation: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .baremetal, path: ResourcePath("allocations"), collectionKey: "allocations", singularKey: nil,
        markerField: "uuid",
        filters: [
            .string("node", "Node UUID or name"), .string("resource_class"),
            .enumeration("state", ["allocating", "active", "error"], .lowercased),
        ],
        nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let state: String?
    public let nodeID: String?
    public let resourceClass: String?
    public let lastError: String?
    public let traits: [String]
    public let candidateNodes: [String]
    public let owner: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("uuid", in: "BaremetalAllocation")
        name = json.text("name")
        state = json.text("state")
        nodeID = json.text("node_uuid")
        resourceClass = json.text("resource_class")
        lastError = json.text("last_error")
        traits = json["traits"]?.arrayValue?.compactMap(\.stringValue) ?? []
        candidateNodes = json["candidate_nodes"]?.arrayValue?.compactMap(\.stringValue) ?? []
        owner = json.text("owner")
    }
}

/// An Ironic conductor (`GET /v1/conductors?detail=True`, API 1.49, admin): a host that
/// manages nodes, with its drivers and whether it reports in.
public struct BaremetalConductor: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .baremetal, path: ResourcePath("conductors"), collectionKey: "conductors", singularKey: nil,
        markerField: "hostname", nameFilter: nil, fixedQuery: [URLQueryItem(name: "detail", value: "True")])

    public let raw: JSONValue
    /// The hostname: conductors have no UUID.
    public let id: String
    public let conductorGroup: String?
    public let alive: Bool?
    public let drivers: [String]
    public let updatedAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("hostname", in: "BaremetalConductor")
        conductorGroup = json.text("conductor_group")
        alive = json["alive"]?.boolValue
        drivers = json["drivers"]?.arrayValue?.compactMap(\.stringValue) ?? []
        updatedAt = json.text("updated_at")
    }
}

/// An Ironic driver (`GET /v1/drivers?detail=True`): a hardware type, the conductors that load
/// it and its default interfaces.
public struct BaremetalDriver: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .baremetal, path: ResourcePath("drivers"), collectionKey: "drivers", singularKey: nil,
        paging: .single, markerField: "name",
        filters: [.enumeration("type", ["classic", "dynamic"], .lowercased)],
        nameFilter: nil, fixedQuery: [URLQueryItem(name: "detail", value: "True")])

    public let raw: JSONValue
    /// The driver's name: drivers have no UUID.
    public let id: String
    public let type: String?
    public let hosts: [String]
    public let defaultPowerInterface: String?
    public let defaultDeployInterface: String?
    public let enabledPowerInterfaces: [String]

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("name", in: "BaremetalDriver")
        type = json.text("type")
        hosts = json["hosts"]?.arrayValue?.compactMap(\.stringValue) ?? []
        defaultPowerInterface = json.text("default_power_interface")
        defaultDeployInterface = json.text("default_deploy_interface")
        enabledPowerInterfaces = json["enabled_power_interfaces"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
