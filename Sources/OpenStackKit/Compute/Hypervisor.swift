import Foundation

/// A Nova hypervisor (compute node), from `GET /os-hypervisors[/detail]` or `/os-hypervisors/{id}`.
///
/// IDs are integers before 2.53 and UUIDs (equal to the node's Placement resource provider) from
/// 2.53. The usage counters (`vcpus_used`, `memory_mb_used`, ...) are gone from 2.88 on; then
/// ``Usage`` is built from Placement instead.
public struct Hypervisor: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .compute, path: ResourcePath("os-hypervisors"), listPath: ResourcePath("os-hypervisors", "detail"),
        collectionKey: "hypervisors", singularKey: "hypervisor",
        filters: [
            .string(
                "hostname_pattern", upstream: "hypervisor_hostname_pattern",
                "Only hypervisors whose hostname contains this text (Nova's hypervisor_hostname_pattern; answers are not paged then)."),
        ],
        nameFilter: "hypervisor_hostname_pattern", fixedQuery: [URLQueryItem(name: "with_servers", value: "true")],
        // Nova refuses limit and marker next to a hostname pattern.
        unpagedWith: ["hypervisor_hostname_pattern"])

    /// One server on the hypervisor (`with_servers=true`, 2.53+; the old `/servers` route too).
    public struct ServerRef: Sendable, Hashable {
        public var id: String
        public var name: String?
    }

    /// Capacity and use of a compute node, from Nova's counters or from Placement.
    public struct Usage: Sendable, Hashable {
        /// `nova` (counters in the hypervisor, before 2.88) or `placement`.
        public var source: String
        public var vcpus: Int?
        public var vcpusUsed: Int?
        public var memoryMB: Int?
        public var memoryMBUsed: Int?
        public var localGB: Int?
        public var localGBUsed: Int?
        public var runningVMs: Int?
        /// Placement only: how far each resource class may be overcommitted.
        public var allocationRatios: [String: Double] = [:]
        /// Placement only: the amount of each class kept back for the host.
        public var reserved: [String: Int] = [:]

        public init(
            source: String, vcpus: Int? = nil, vcpusUsed: Int? = nil, memoryMB: Int? = nil, memoryMBUsed: Int? = nil,
            localGB: Int? = nil, localGBUsed: Int? = nil, runningVMs: Int? = nil
        ) {
            self.source = source
            self.vcpus = vcpus
            self.vcpusUsed = vcpusUsed
            self.memoryMB = memoryMB
            self.memoryMBUsed = memoryMBUsed
            self.localGB = localGB
            self.localGBUsed = localGBUsed
            self.runningVMs = runningVMs
        }

        /// The usage Placement reports for the node's resource provider.
        public init(inventory: ResourceProviderInventory, usages: ResourceProviderUsages, runningVMs: Int?) {
            self.init(source: "placement", runningVMs: runningVMs)
            vcpus = inventory.classes["VCPU"]?.total
            memoryMB = inventory.classes["MEMORY_MB"]?.total
            localGB = inventory.classes["DISK_GB"]?.total
            vcpusUsed = usages.usages["VCPU"] ?? (vcpus == nil ? nil : 0)
            memoryMBUsed = usages.usages["MEMORY_MB"] ?? (memoryMB == nil ? nil : 0)
            localGBUsed = usages.usages["DISK_GB"] ?? (localGB == nil ? nil : 0)
            for (name, entry) in inventory.classes {
                allocationRatios[name] = entry.allocationRatio
                reserved[name] = entry.reserved
            }
        }
    }

    public let raw: JSONValue
    /// Integer (as text) before 2.53, UUID after.
    public let id: String
    public let hostname: String
    public let state: String?
    public let status: String?
    public let hypervisorType: String?
    public let hypervisorVersion: Int?
    public let hostIP: String?
    public let serviceHost: String?
    public let serviceID: String?
    public let disabledReason: String?
    public let uptime: String?
    /// Present only when the request asked for them.
    public let servers: [ServerRef]?
    /// Nova's own counters; nil from 2.88 on.
    public let usage: Usage?

    public init(json: JSONValue) throws {
        raw = json
        guard let id = json["id"]?.stringValue else { throw ModelError.missing(field: "id", in: "Hypervisor") }
        self.id = id
        hostname = try json.required("hypervisor_hostname", in: "Hypervisor")
        state = json.text("state")
        status = json.text("status")
        hypervisorType = json.text("hypervisor_type")
        hypervisorVersion = json["hypervisor_version"]?.intValue
        hostIP = json.text("host_ip")
        serviceHost = json["service"]?.text("host")
        serviceID = json["service"]?["id"]?.stringValue
        disabledReason = json["service"]?.text("disabled_reason")
        uptime = json.text("uptime")
        servers = json["servers"]?.arrayValue?.compactMap { server in
            server.text("uuid").map { ServerRef(id: $0, name: server.text("name")) }
        }
        if json["vcpus_used"] != nil || json["memory_mb_used"] != nil {
            usage = Usage(
                source: "nova", vcpus: json["vcpus"]?.intValue, vcpusUsed: json["vcpus_used"]?.intValue,
                memoryMB: json["memory_mb"]?.intValue, memoryMBUsed: json["memory_mb_used"]?.intValue,
                localGB: json["local_gb"]?.intValue, localGBUsed: json["local_gb_used"]?.intValue,
                runningVMs: json["running_vms"]?.intValue)
        } else {
            usage = nil
        }
    }

    /// True when the ID is a UUID, so it names the node's Placement resource provider too.
    public var idIsUUID: Bool { UUID(uuidString: id) != nil }
}
