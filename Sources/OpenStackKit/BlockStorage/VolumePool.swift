import Foundation

/// A Cinder backend pool from the scheduler (`GET /scheduler-stats/get_pools?detail=true`, admin).
///
/// Drivers report capacities as numbers or as the strings `infinite`/`unknown`; the numeric
/// fields are nil for those, and `raw` keeps what the driver said.
public struct VolumePool: OpenStackResource {
    public static let collectionKey = "pools"
    public static let singularKey: String? = nil

    public let raw: JSONValue
    /// `host@backend#pool`.
    public let name: String
    public let backendName: String?
    public let storageProtocol: String?
    public let driverVersion: String?
    public let vendorName: String?
    public let totalCapacityGB: Double?
    public let freeCapacityGB: Double?
    /// What Cinder has placed on the pool (sum of its volumes' sizes).
    public let allocatedCapacityGB: Double?
    public let provisionedCapacityGB: Double?
    public let reservedPercentage: Double?
    public let maxOverSubscriptionRatio: Double?
    public let thinProvisioning: Bool?
    public let thickProvisioning: Bool?
    public let totalVolumes: Int?
    public let updated: String?

    public init(json: JSONValue) throws {
        raw = json
        name = try json.required("name", in: "VolumePool")
        let capabilities = json["capabilities"] ?? [:]
        backendName = capabilities.text("volume_backend_name")
        storageProtocol = capabilities.text("storage_protocol")
        driverVersion = capabilities.text("driver_version")
        vendorName = capabilities.text("vendor_name")
        totalCapacityGB = capabilities["total_capacity_gb"]?.doubleValue
        freeCapacityGB = capabilities["free_capacity_gb"]?.doubleValue
        allocatedCapacityGB = capabilities["allocated_capacity_gb"]?.doubleValue
        provisionedCapacityGB = capabilities["provisioned_capacity_gb"]?.doubleValue
        reservedPercentage = capabilities["reserved_percentage"]?.doubleValue
        maxOverSubscriptionRatio = capabilities["max_over_subscription_ratio"]?.doubleValue
        thinProvisioning = capabilities["thin_provisioning_support"]?.boolValue
        thickProvisioning = capabilities["thick_provisioning_support"]?.boolValue
        totalVolumes = capabilities["total_volumes"]?.intValue
        updated = capabilities.text("updated")
    }

    /// The pool part of the name (after `#`), or the whole name.
    public var poolName: String { name.split(separator: "#").last.map(String.init) ?? name }
    /// The `host@backend` part of the name.
    public var host: String { name.split(separator: "#").first.map(String.init) ?? name }
}
