import Foundation

/// A load balancer's traffic counters (`GET /v2/lbaas/loadbalancers/{id}/stats`), summed over
/// its listeners since it was made.
public struct LoadBalancerStats: OpenStackResource {
    public static let collectionKey = "stats"
    public static let singularKey: String? = "stats"

    /// The stats of one balancer, its ID encoded as one segment.
    public static func path(loadBalancer id: String) -> String {
        LoadBalancer.declaration.path.appending(id).appending(literal: "stats").description
    }

    public let raw: JSONValue
    public let bytesIn: Int?
    public let bytesOut: Int?
    public let activeConnections: Int?
    public let totalConnections: Int?
    public let requestErrors: Int?

    public init(json: JSONValue) throws {
        guard json.objectValue != nil else { throw ModelError.missing(field: "stats", in: "LoadBalancerStats") }
        raw = json
        bytesIn = json["bytes_in"]?.intValue
        bytesOut = json["bytes_out"]?.intValue
        activeConnections = json["active_connections"]?.intValue
        totalConnections = json["total_connections"]?.intValue
        requestErrors = json["request_errors"]?.intValue
    }
}
