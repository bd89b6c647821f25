import Foundation

/// An Ironic node (`GET /v1/nodes/detail`). Its `driver_info`, `driver_internal_info` and
/// `instance_info` hold BMC credentials; ``BaremetalSecrets`` masks them as the node is read, so
/// no detail level can show them.
public struct BaremetalNode: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .baremetal, path: ResourcePath("nodes"), listPath: ResourcePath("nodes", "detail"),
        collectionKey: "nodes", singularKey: nil, markerField: "uuid",
        filters: [
            .bool("maintenance"),
            .enumeration(
                "provision_state",
                ["enroll", "manageable", "available", "active", "deploying", "deploy failed", "wait call-back", "cleaning",
                 "clean failed", "inspecting", "inspect failed", "error", "rescue", "adopt failed"], .lowercased),
            .string("driver"), .string("resource_class"),
            .bool("associated", "Only nodes with (true) or without (false) an instance"),
        ],
        // Ironic shows a node by name at /v1/nodes/{name} and has no name filter.
        nameFilter: nil,
        secretFields: BaremetalSecrets.knownFields)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let powerState: String?
    public let targetPowerState: String?
    public let provisionState: String?
    public let targetProvisionState: String?
    public let maintenance: Bool
    public let maintenanceReason: String?
    /// Why maintenance was set by Ironic itself (`power failure`, `clean failure`).
    public let fault: String?
    public let lastError: String?
    public let driver: String?
    public let resourceClass: String?
    public let instanceID: String?
    public let conductor: String?
    public let owner: String?
    public let updatedAt: String?

    public init(json: JSONValue) throws {
        raw = BaremetalSecrets.redact(json)
        id = try json.required("uuid", in: "BaremetalNode")
        name = json.text("name")
        powerState = json.text("power_state")
        targetPowerState = json.text("target_power_state")
        provisionState = json.text("provision_state")
        targetProvisionState = json.text("target_provision_state")
        maintenance = json["maintenance"]?.boolValue ?? false
        maintenanceReason = json.text("maintenance_reason")
        fault = json.text("fault")
        lastError = json.text("last_error")
        driver = json.text("driver")
        resourceClass = json.text("resource_class")
        instanceID = json.text("instance_uuid")
        conductor = json.text("conductor")
        owner = json.text("owner")
        updatedAt = json.text("updated_at")
    }
}

/// The BMC credentials in Ironic's node fields. Ironic masks `*_password` in `driver_info` with
/// `******` for most callers, but not for those its policy lets see them, nor in the other
/// fields; this masks every key named like a password, secret, key or token in them.
public enum BaremetalSecrets {
    /// The node fields that hold driver and deploy settings.
    public static let holders: Set<String> = ["driver_info", "driver_internal_info", "instance_info"]

    /// Names the Redactor masks anywhere in a node as well (belt and braces for `full`).
    public static let knownFields: Set<String> = [
        "ipmi_password", "redfish_password", "ipmi_hex_kg_key", "snmp_auth_key", "snmp_priv_key", "ilo_password",
        "irmc_password", "drac_password", "ibmc_password", "xclarity_password", "configdrive",
    ]

    /// True for a key whose value must not be shown: `ipmi_password`, `redfish_password`,
    /// `ipmi_hex_kg_key`, `snmp_auth_key`, `client_secret`, `auth_token`, ...
    public static func isSecret(_ key: String) -> Bool {
        let lower = key.lowercased()
        return ["password", "passwd", "secret", "key", "token", "credential", "configdrive"].contains { lower.contains($0) }
    }

    /// A copy of a node with the secrets of its holder fields masked, at any depth.
    public static func redact(_ node: JSONValue) -> JSONValue {
        guard var members = node.objectValue else { return node }
        for name in holders { if let value = members[name] { members[name] = mask(value) } }
        return .object(members)
    }

    private static func mask(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (key, member) in members {
                result[key] = isSecret(key) && member != .null ? .string(Redactor.mask) : mask(member)
            }
            return .object(result)
        case .array(let items): return .array(items.map(mask))
        default: return value
        }
    }
}
