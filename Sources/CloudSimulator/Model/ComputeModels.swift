import Foundation

/// A hypervisor / compute host (also a Placement resource provider).
public struct DemoHypervisorHost: Sendable, Equatable {
    /// UUID (hypervisor id and resource provider uuid).
    public let id: String
    /// Host name, e.g. `compute-1`.
    public let name: String
    /// Hypervisor hostname (same as `name`).
    public let hypervisorHostname: String
    /// Management IP.
    public let hostIP: String
    /// Physical CPUs.
    public let vcpus: Int
    /// Memory in MiB.
    public let memoryMB: Int
    /// Local disk in GiB.
    public let localGB: Int
    /// `up` or `down` (matches the nova-compute service).
    public let state: String
    /// `enabled` or `disabled` (matches the nova-compute service).
    public let status: String
}

/// A Nova flavor.
public struct DemoFlavor: Sendable, Equatable {
    /// Flavor id (`"1"`...`"5"`, `"100"` for the private one).
    public let id: String
    /// Name.
    public let name: String
    /// Virtual CPUs.
    public let vcpus: Int
    /// RAM in MiB.
    public let ram: Int
    /// Root disk in GiB.
    public let disk: Int
    /// Ephemeral disk in GiB.
    public let ephemeral: Int
    /// Swap in MiB.
    public let swap: Int
    /// Visible to every project.
    public let isPublic: Bool
    /// Legacy RX/TX factor.
    public let rxtxFactor: Double
    /// Description.
    public let description: String?
    /// Extra specs.
    public let extraSpecs: [String: String]
    /// Projects with access to a private flavor.
    public let projectAccess: [String]
}

/// One IP address of a server, grouped by network name in `addresses`.
public struct DemoServerAddress: Sendable, Equatable {
    /// Network the address belongs to (key in `addresses`).
    public let networkName: String
    /// IP address.
    public let address: String
    /// 4 or 6.
    public let version: Int
    /// `fixed` or `floating`.
    public let type: String
    /// MAC address of the port.
    public let macAddress: String
}

/// The `fault` of a server in ERROR.
public struct DemoServerFault: Sendable, Equatable {
    /// HTTP-style fault code (500).
    public let code: Int
    /// Fault message.
    public let message: String
    /// Traceback-like details (admins only).
    public let details: String
    /// Creation time.
    public let created: Date
}

/// A volume attached to a server (`os-extended-volumes:volumes_attached`).
public struct DemoAttachedVolume: Sendable, Equatable {
    /// Attached volume id.
    public let volumeID: String
    /// Deleted with the server (root volumes).
    public let deleteOnTermination: Bool
}

/// A Nova server (instance).
public struct DemoServer: Sendable, Equatable {
    /// UUID (or id).
    public let id: String
    /// e.g. `web-0007`.
    public let name: String
    /// `ACTIVE`, `SHUTOFF`, `BUILD` or `ERROR`.
    public let status: String
    /// `OS-EXT-STS:vm_state`.
    public let vmState: String
    /// `OS-EXT-STS:power_state` (1 running, 4 shutdown, 0 no state).
    public let powerState: Int
    /// `OS-EXT-STS:task_state`.
    public let taskState: String?
    /// Compute host (`OS-EXT-SRV-ATTR:host`).
    public let host: String?
    /// Hypervisor hostname.
    public let hypervisorHostname: String?
    /// `instance-0000002a`.
    public let instanceName: String
    /// Owning project (`tenant_id`).
    public let projectID: String
    /// Creating user.
    public let userID: String
    /// Flavor id.
    public let flavorID: String
    /// `nil` for boot-from-volume servers.
    public let imageID: String?
    /// Key pair name.
    public let keyName: String?
    /// Availability zone.
    public let availabilityZone: String
    /// Fixed and floating addresses.
    public let addresses: [DemoServerAddress]
    /// Security group names.
    public let securityGroups: [String]
    /// Attached volumes.
    public let volumesAttached: [DemoAttachedVolume]
    /// User metadata.
    public let metadata: [String: String]
    /// Tags.
    public let tags: [String]
    /// Creation time.
    public let created: Date
    /// Last update time.
    public let updated: Date
    /// Launch time (nil while building or failed).
    public let launchedAt: Date?
    /// Present only for servers in ERROR.
    public let fault: DemoServerFault?
    /// Locked against changes.
    public let locked: Bool
    /// Description.
    public let description: String?
    /// Nova `hostId` (hash of project and host).
    public let hostID: String
    /// Build progress in percent.
    public let progress: Int

    /// Whether the server boots from a volume (its `image` renders as `""`).
    public var isBootFromVolume: Bool { imageID == nil }

    /// Fixed IPv4 addresses.
    public var fixedIPv4: [String] {
        addresses.filter { $0.type == "fixed" && $0.version == 4 }.map(\.address)
    }
}

/// A Nova service (`os-services`).
public struct DemoComputeService: Sendable, Equatable {
    /// Integer id (microversions below 2.53).
    public let id: Int
    /// UUID id (2.53 and later).
    public let uuid: String
    /// `nova-scheduler`, `nova-conductor`, `nova-compute`.
    public let binary: String
    /// Host name.
    public let host: String
    /// `internal` or `nova`.
    public let zone: String
    /// `enabled` or `disabled`.
    public let status: String
    /// `up` or `down`.
    public let state: String
    /// Reason for a disabled service.
    public let disabledReason: String?
    /// Last heartbeat.
    public let updatedAt: Date
    /// Forced down by an operator.
    public let forcedDown: Bool
}
