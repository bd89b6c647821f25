import Foundation

/// A Nova keypair, owned by a user.
public struct DemoKeypair: Sendable, Equatable {
    /// Integer id (shown by `GET /os-keypairs/{name}`).
    public let id: Int
    /// Name, unique per user (the paging marker).
    public let name: String
    /// Owning user.
    public let userID: String
    /// `ssh` or `x509`.
    public let type: String
    /// Colon-separated MD5 fingerprint.
    public let fingerprint: String
    /// Public key text.
    public let publicKey: String
    /// Creation time.
    public let createdAt: Date
}

/// A Nova server group.
public struct DemoServerGroup: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// Name.
    public let name: String
    /// `affinity`, `anti-affinity`, `soft-affinity` or `soft-anti-affinity`.
    public let policy: String
    /// `max_server_per_host` for anti-affinity groups (2.64+), else empty.
    public let rules: [String: Int]
    /// Member server ids.
    public let members: [String]
    /// Owning project.
    public let projectID: String
    /// Creating user.
    public let userID: String
}

/// A Nova host aggregate (its uuid is also the Placement aggregate of its hosts' providers).
public struct DemoAggregate: Sendable, Equatable {
    /// Integer id.
    public let id: Int
    /// UUID (2.41+).
    public let uuid: String
    /// Name.
    public let name: String
    /// Availability zone, when the aggregate defines one.
    public let availabilityZone: String?
    /// Host names.
    public let hosts: [String]
    /// Metadata.
    public let metadata: [String: String]
    /// Creation time.
    public let createdAt: Date
}

/// The compute quota limits of one project (`-1` = unlimited).
public struct DemoComputeQuota: Sendable, Equatable {
    /// Project the quota belongs to.
    public let projectID: String
    /// Servers.
    public let instances: Int
    /// vCPUs.
    public let cores: Int
    /// RAM in MiB.
    public let ram: Int
    /// Keypairs per user.
    public let keyPairs: Int
    /// Metadata items per server.
    public let metadataItems: Int
    /// Server groups.
    public let serverGroups: Int
    /// Members per server group.
    public let serverGroupMembers: Int
}

/// One event of an instance action.
public struct DemoInstanceActionEvent: Sendable, Equatable {
    /// e.g. `compute__do_build_and_run_instance`.
    public let event: String
    /// Start time.
    public let startTime: Date
    /// Finish time (nil while running).
    public let finishTime: Date?
    /// `Success`, `Error`, or nil while running.
    public let result: String?
    /// Host that ran the step.
    public let host: String?
    /// Traceback of a failed step (admins only).
    public let traceback: String?
    /// Message of a failed step (2.84+).
    public let details: String?
}

/// An action recorded on a server (`os-instance-actions`).
public struct DemoInstanceAction: Sendable, Equatable {
    /// `req-<uuid>` (the paging marker).
    public let requestID: String
    /// `create`, `stop`, `lock`, ...
    public let action: String
    /// The server.
    public let instanceUUID: String
    /// Requesting project.
    public let projectID: String
    /// Requesting user.
    public let userID: String
    /// `Error` when the action failed.
    public let message: String?
    /// Start time.
    public let startTime: Date
    /// Last update (2.58+).
    public let updatedAt: Date
    /// Its events, in order.
    public let events: [DemoInstanceActionEvent]
}

/// A port attached to a server (`os-interface`), derived from its fixed addresses.
public struct DemoServerInterface: Sendable, Equatable {
    /// Port id (stable for a server and MAC).
    public let portID: String
    /// Network id.
    public let networkID: String
    /// Subnet of the fixed IP.
    public let subnetID: String
    /// Fixed IP address.
    public let ipAddress: String
    /// MAC address.
    public let macAddress: String
    /// `ACTIVE` for a running server, else `DOWN`.
    public let portState: String
}

/// The inventory of one resource class on a compute node's resource provider.
public struct DemoInventory: Sendable, Equatable {
    /// `VCPU`, `MEMORY_MB` or `DISK_GB`.
    public let resourceClass: String
    /// Physical amount.
    public let total: Int
    /// Kept back for the host.
    public let reserved: Int
    /// Overcommit ratio.
    public let allocationRatio: Double
    /// Largest single allocation.
    public let maxUnit: Int
    /// Smallest single allocation.
    public var minUnit: Int = 1
    /// Allocations come in multiples of this.
    public var stepSize: Int = 1
}
