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
    /// The name.
    public let name: String
    /// The vcpus.
    public let vcpus: Int
    /// RAM in MiB.
    public let ram: Int
    /// Root disk in GiB.
    public let disk: Int
    /// Ephemeral disk in GiB.
    public let ephemeral: Int
    /// Swap in MiB.
    public let swap: Int
    /// The is public.
    public let isPublic: Bool
    /// The rxtx factor.
    public let rxtxFactor: Double
    /// The description.
    public let description: String?
    /// The extra specs.
    public let extraSpecs: [String: String]
    /// Projects with access to a private flavor.
    public let projectAccess: [String]
}

/// One IP address of a server, grouped by network name in `addresses`.
public struct DemoServerAddress: Sendable, Equatable {
    /// The network name.
    public let networkName: String
    /// The address.
    public let address: String
    /// 4 or 6.
    public let version: Int
    /// `fixed` or `floating`.
    public let type: String
    /// The mac address.
    public let macAddress: String
}

/// The `fault` of a server in ERROR.
public struct DemoServerFault: Sendable, Equatable {
    /// The code.
    public let code: Int
    /// The message.
    public let message: String
    /// The details.
    public let details: String
    /// The created.
    public let created: Date
}

/// A volume attached to a server (`os-extended-volumes:volumes_attached`).
public struct DemoAttachedVolume: Sendable, Equatable {
    /// The volume i d.
    public let volumeID: String
    /// The delete on termination.
    public let deleteOnTermination: Bool
}

/// A Nova server (instance).
public struct DemoServer: Sendable, Equatable {
    /// The id.
    public let id: String
    /// e.g. `web-0007`.
    public let name: String
    /// `ACTIVE`, `SHUTOFF`, `BUILD` or `ERROR`.
    public let status: String
    /// The vm state.
    public let vmState: String
    /// The power state.
    public let powerState: Int
    /// The task state.
    public let taskState: String?
    /// Compute host (`OS-EXT-SRV-ATTR:host`).
    public let host: String?
    /// The hypervisor hostname.
    public let hypervisorHostname: String?
    /// `instance-0000002a`.
    public let instanceName: String
    /// The project i d.
    public let projectID: String
    /// The user i d.
    public let userID: String
    /// The flavor i d.
    public let flavorID: String
    /// `nil` for boot-from-volume servers.
    public let imageID: String?
    /// The key name.
    public let keyName: String?
    /// The availability zone.
    public let availabilityZone: String
    /// The addresses.
    public let addresses: [DemoServerAddress]
    /// The security groups.
    public let securityGroups: [String]
    /// The volumes attached.
    public let volumesAttached: [DemoAttachedVolume]
    /// The metadata.
    public let metadata: [String: String]
    /// The tags.
    public let tags: [String]
    /// The created.
    public let created: Date
    /// The updated.
    public let updated: Date
    /// The launched at.
    public let launchedAt: Date?
    /// Present only for servers in ERROR.
    public let fault: DemoServerFault?
    /// The locked.
    public let locked: Bool
    /// The description.
    public let description: String?
    /// Nova `hostId` (hash of project and host).
    public let hostID: String
    /// The progress.
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
    /// The host.
    public let host: String
    /// `internal` or `nova`.
    public let zone: String
    /// `enabled` or `disabled`.
    public let status: String
    /// `up` or `down`.
    public let state: String
    /// The disabled reason.
    public let disabledReason: String?
    /// The updated at.
    public let updatedAt: Date
    /// The forced down.
    public let forcedDown: Bool
}
