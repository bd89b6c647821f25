import Foundation

/// Totals over every hypervisor, from `GET /os-hypervisors/statistics` (removed in 2.88).
public struct HypervisorStatistics: OpenStackResource {
    public static let collectionKey = "hypervisor_statistics"
    public static let singularKey: String? = "hypervisor_statistics"

    public let raw: JSONValue
    public let count: Int
    public let vcpus: Int?
    public let vcpusUsed: Int?
    public let memoryMB: Int?
    public let memoryMBUsed: Int?
    public let localGB: Int?
    public let localGBUsed: Int?
    public let runningVMs: Int?

    public init(json: JSONValue) throws {
        raw = json
        guard let count = json["count"]?.intValue else {
            throw ModelError.missing(field: "count", in: "HypervisorStatistics")
        }
        self.count = count
        vcpus = json["vcpus"]?.intValue
        vcpusUsed = json["vcpus_used"]?.intValue
        memoryMB = json["memory_mb"]?.intValue
        memoryMBUsed = json["memory_mb_used"]?.intValue
        localGB = json["local_gb"]?.intValue
        localGBUsed = json["local_gb_used"]?.intValue
        runningVMs = json["running_vms"]?.intValue
    }
}
