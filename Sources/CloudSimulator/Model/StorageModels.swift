import Foundation

/// A Cinder volume attachment (the same link appears in the server's `volumes_attached`).
public struct DemoVolumeAttachment: Sendable, Equatable {
    /// Attachment id (also `attachment_id`).
    public let id: String
    /// Server the volume is attached to.
    public let serverID: String
    /// The attached volume.
    public let volumeID: String
    /// Device path, e.g. `/dev/vdb`.
    public let device: String
    /// Compute host of the server.
    public let hostName: String?
    /// Attach time.
    public let attachedAt: Date
}

/// A Cinder volume.
public struct DemoVolume: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// Name.
    public let name: String
    /// Description.
    public let description: String?
    /// `available`, `in-use` or `error`.
    public let status: String
    /// Size in GiB.
    public let size: Int
    /// Owning project.
    public let projectID: String
    /// Creating user.
    public let userID: String
    /// Whether the volume is bootable (rendered as the string `"true"`/`"false"`).
    public let bootable: Bool
    /// Attachments (empty unless `in-use`).
    public let attachments: [DemoVolumeAttachment]
    /// Volume type name.
    public let volumeType: String
    /// Availability zone.
    public let availabilityZone: String
    /// Backend host (`os-vol-host-attr:host`).
    public let host: String
    /// Encrypted volume type.
    public let encrypted: Bool
    /// Multi-attach capable.
    public let multiattach: Bool
    /// User metadata.
    public let metadata: [String: String]
    /// Creation time.
    public let createdAt: Date
    /// Last update time.
    public let updatedAt: Date
    /// Source image of a bootable volume (`volume_image_metadata.image_id`).
    public let imageID: String?
}

/// A Cinder service (`os-services`).
public struct DemoVolumeService: Sendable, Equatable {
    /// `cinder-scheduler`, `cinder-volume`, `cinder-backup`.
    public let binary: String
    /// e.g. `controller@lvmdriver-1`.
    public let host: String
    /// Availability zone.
    public let zone: String
    /// `enabled` or `disabled`.
    public let status: String
    /// `up` or `down`.
    public let state: String
    /// Reason for a disabled service.
    public let disabledReason: String?
    /// Last heartbeat.
    public let updatedAt: Date
}

/// A Glance image.
public struct DemoImage: Sendable, Equatable {
    /// UUID.
    public let id: String
    /// Name, e.g. `cirros-0.6.2`.
    public let name: String
    /// `active` or `queued`.
    public let status: String
    /// `public`, `private`, `community` or `shared`.
    public let visibility: String
    /// Owning project.
    public let owner: String
    /// `qcow2`, `raw`, ...
    public let diskFormat: String?
    /// `bare`.
    public let containerFormat: String?
    /// Size in bytes (nil while queued).
    public let size: Int?
    /// Virtual size in bytes.
    public let virtualSize: Int?
    /// Minimum disk in GiB.
    public let minDisk: Int
    /// Minimum RAM in MiB.
    public let minRAM: Int
    /// MD5 checksum.
    public let checksum: String?
    /// `sha512`.
    public let osHashAlgo: String?
    /// Multihash value.
    public let osHashValue: String?
    /// Protected from deletion.
    public let protected: Bool
    /// Hidden from default lists.
    public let osHidden: Bool
    /// Tags.
    public let tags: [String]
    /// Creation time.
    public let createdAt: Date
    /// Last update time.
    public let updatedAt: Date
    /// Custom properties, rendered as top-level keys (`os_distro`, `hw_disk_bus`, ...).
    public let properties: [String: String]
}
