import Foundation

/// A Nova server, from `GET /servers`, `/servers/detail` or `/servers/{id}`.
public struct Server: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .compute, path: ResourcePath("servers"), listPath: ResourcePath("servers", "detail"),
        collectionKey: "servers", singularKey: "server",
        filters: [
            .enumeration(
                "status",
                ["ACTIVE", "BUILD", "ERROR", "SHUTOFF", "PAUSED", "SUSPENDED", "RESIZE", "VERIFY_RESIZE", "REBOOT",
                 "HARD_REBOOT", "MIGRATING", "RESCUE", "SHELVED", "SHELVED_OFFLOADED", "DELETED", "UNKNOWN"],
                .uppercased),
            .string("host", "Compute host (admin)"), .string("flavor", "Flavor ID"), .string("image", "Image ID"),
            ResourceFilter("name", kind: .regex, "Regex, e.g. ^web-"), ResourceFilter("ip", kind: .regex, "IPv4 regex"),
            ResourceFilter("changes_since", upstream: "changes-since", kind: .dateTime, "ISO 8601 time; includes deleted servers"),
        ],
        // Nova widens to every project with all_tenants=True (admin).
        allProjects: [URLQueryItem(name: "all_tenants", value: "True")],
        nameFilterIsRegex: true,
        // User data is the base64 of a cloud-config that often carries passwords (shown as its
        // size); adminPass comes back from a rebuild or a rescue.
        secretFields: ["OS-EXT-SRV-ATTR:user_data", "user_data", "adminPass"])

    /// One address of a server on a network.
    public struct Address: Sendable, Hashable {
        public var network: String
        public var address: String
        public var version: Int?
        /// `fixed` or `floating`.
        public var type: String?
        public var macAddress: String?
    }

    /// The flavor: an ID and links before 2.47, an embedded copy from 2.47 on.
    public struct FlavorInfo: Sendable, Hashable {
        public var id: String?
        public var name: String?
        public var vcpus: Int?
        public var ram: Int?
        public var disk: Int?
    }

    /// A server's fault, present when it is in ERROR.
    public struct Fault: Sendable, Hashable {
        public var code: Int?
        public var message: String?
        public var created: String?
    }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let status: String?
    public let projectID: String?
    public let userID: String?
    public let host: String?
    public let hypervisorHostname: String?
    public let availabilityZone: String?
    public let created: String?
    public let updated: String?
    public let keyName: String?
    public let powerState: Int?
    public let vmState: String?
    public let taskState: String?
    public let addresses: [Address]
    public let flavor: FlavorInfo?
    /// The image ID; nil for a server booted from a volume (Nova sends `""`).
    public let imageID: String?
    public let fault: Fault?
    public let securityGroups: [String]
    public let attachedVolumeIDs: [String]
    public let locked: Bool?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Server")
        name = json.text("name")
        status = json.text("status")
        projectID = json.text("tenant_id") ?? json.text("project_id")
        userID = json.text("user_id")
        host = json.text("OS-EXT-SRV-ATTR:host")
        hypervisorHostname = json.text("OS-EXT-SRV-ATTR:hypervisor_hostname")
        availabilityZone = json.text("OS-EXT-AZ:availability_zone")
        created = json.text("created")
        updated = json.text("updated")
        keyName = json.text("key_name")
        powerState = json["OS-EXT-STS:power_state"]?.intValue
        vmState = json.text("OS-EXT-STS:vm_state")
        taskState = json.text("OS-EXT-STS:task_state")
        locked = json["locked"]?.boolValue
        var addresses: [Address] = []
        for (network, entries) in (json["addresses"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            for entry in entries.arrayValue ?? [] {
                guard let address = entry.text("addr") else { continue }
                addresses.append(
                    Address(
                        network: network, address: address, version: entry["version"]?.intValue,
                        type: entry.text("OS-EXT-IPS:type"), macAddress: entry.text("OS-EXT-IPS-MAC:mac_addr")))
            }
        }
        self.addresses = addresses
        if let flavor = json["flavor"], flavor.objectValue != nil {
            self.flavor = FlavorInfo(
                id: flavor.text("id"), name: flavor.text("original_name"), vcpus: flavor["vcpus"]?.intValue,
                ram: flavor["ram"]?.intValue, disk: flavor["disk"]?.intValue)
        } else {
            self.flavor = nil
        }
        if let image = json["image"]?.text("id"), !image.isEmpty { imageID = image } else { imageID = nil }
        if let fault = json["fault"], fault.objectValue != nil {
            self.fault = Fault(code: fault["code"]?.intValue, message: fault.text("message"), created: fault.text("created"))
        } else {
            self.fault = nil
        }
        securityGroups = (json["security_groups"]?.arrayValue ?? []).compactMap { $0.text("name") }
        attachedVolumeIDs = (json["os-extended-volumes:volumes_attached"]?.arrayValue ?? []).compactMap { $0.text("id") }
    }
}
