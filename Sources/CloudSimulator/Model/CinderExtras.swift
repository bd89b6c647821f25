import Foundation

/// Cinder's transfers, groups, group types, group snapshots and QoS specs in the demo cloud,
/// tied to the demo's volumes, types and projects.
public struct DemoCinderExtras: Sendable {
    public let transfers: [DemoVolumeTransfer]
    public let groupTypes: [DemoGroupType]
    public let groups: [DemoVolumeGroup]
    public let groupSnapshots: [DemoGroupSnapshot]
    public let qosSpecs: [DemoQoSSpec]
}

/// A volume offered to another project (`/volume-transfers`).
public struct DemoVolumeTransfer: Sendable, Equatable {
    public let id: String
    public let name: String
    public let volumeID: String
    /// The volume's project, which offers it.
    public let projectID: String
    public let createdAt: Date
}

/// A group type (`/group_types`).
public struct DemoGroupType: Sendable, Equatable {
    public let id: String
    public let name: String
    public let description: String?
    public let isPublic: Bool
    public let groupSpecs: [String: String]
}

/// A generic volume group (`/groups`).
public struct DemoVolumeGroup: Sendable, Equatable {
    public let id: String
    public let name: String
    public let description: String?
    public let status: String
    public let groupTypeID: String
    public let volumeTypeIDs: [String]
    public let volumeIDs: [String]
    public let projectID: String
    public let availabilityZone: String
    public let createdAt: Date
}

/// A snapshot of a volume group (`/group_snapshots`).
public struct DemoGroupSnapshot: Sendable, Equatable {
    public let id: String
    public let name: String
    public let description: String?
    public let status: String
    public let groupID: String
    public let groupTypeID: String
    public let projectID: String
    public let createdAt: Date
}

/// A QoS spec (`/qos-specs`) and the volume types it is associated with.
public struct DemoQoSSpec: Sendable, Equatable {
    public let id: String
    public let name: String
    public let consumer: String
    public let specs: [String: String]
    public let volumeTypeIDs: [String]
}
