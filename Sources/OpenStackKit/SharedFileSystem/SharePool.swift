import Foundation

/// A Manila backend pool as the scheduler sees it (`GET /v2/scheduler-stats/pools/detail`, admin).
public struct SharePool: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .sharedFileSystem, path: ResourcePath("scheduler-stats", "pools"),
        listPath: ResourcePath("scheduler-stats", "pools", "detail"), collectionKey: "pools", singularKey: nil,
        paging: .single, markerField: "name",
        filters: [.string("host"), .string("backend"), .string("pool")], nameFilter: nil)

    public let raw: JSONValue
    /// `host@backend#pool`.
    public let name: String
    public let host: String?
    public let backend: String?
    public let pool: String?
    public let totalCapacityGB: Double?
    public let freeCapacityGB: Double?
    public let allocatedCapacityGB: Double?
    public let storageProtocol: String?
    public let driverHandlesShareServers: Bool?

    public init(json: JSONValue) throws {
        raw = json
        name = try json.required("name", in: "SharePool")
        host = json.text("host")
        backend = json.text("backend")
        pool = json.text("pool")
        let capabilities = json["capabilities"] ?? [:]
        totalCapacityGB = capabilities["total_capacity_gb"]?.doubleValue
        freeCapacityGB = capabilities["free_capacity_gb"]?.doubleValue
        allocatedCapacityGB = capabilities["allocated_capacity_gb"]?.doubleValue
        storageProtocol = capabilities.text("storage_protocol")
        driverHandlesShareServers = capabilities["driver_handles_share_servers"]?.boolValue
    }
}
