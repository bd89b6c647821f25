import Foundation

/// The statuses Octavia gives every object: provisioning (is the config applied?) and
/// operating (is traffic flowing?).
public enum OctaviaStatus {
    static let provisioning = ["ACTIVE", "PENDING_CREATE", "PENDING_UPDATE", "PENDING_DELETE", "DELETED", "ERROR"]
    static let operating = ["ONLINE", "DRAINING", "OFFLINE", "DEGRADED", "ERROR", "NO_MONITOR"]
    static let filters: [ResourceFilter] = [
        .enumeration("provisioning_status", provisioning, .uppercased),
        .enumeration("operating_status", operating, .uppercased),
    ]

    /// Operating statuses that mean the member (or pool, or balancer) is not serving.
    public static let down: Set<String> = ["OFFLINE", "ERROR", "DEGRADED"]
}

/// An Octavia load balancer (`GET /v2/lbaas/loadbalancers`). An admin's list holds every project.
public struct LoadBalancer: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "loadbalancers"), collectionKey: "loadbalancers",
        singularKey: "loadbalancer",
        filters: OctaviaStatus.filters + [.string("vip_address"), .string("project_id", "Admin: one project")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let provisioningStatus: String?
    public let operatingStatus: String?
    public let vipAddress: String?
    public let vipSubnetID: String?
    public let vipPortID: String?
    public let listenerIDs: [String]
    public let poolIDs: [String]
    public let provider: String?
    public let projectID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "LoadBalancer")
        name = json.text("name")
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
        vipAddress = json.text("vip_address")
        vipSubnetID = json.text("vip_subnet_id")
        vipPortID = json.text("vip_port_id")
        listenerIDs = OctaviaRefs.ids(json["listeners"])
        poolIDs = OctaviaRefs.ids(json["pools"])
        provider = json.text("provider")
        projectID = json.text("project_id")
    }
}

/// An Octavia listener (`GET /v2/lbaas/listeners`).
public struct Listener: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "listeners"), collectionKey: "listeners", singularKey: "listener",
        filters: OctaviaStatus.filters + [
            .string("loadbalancer_id"), .enumeration("protocol", ["HTTP", "HTTPS", "TCP", "UDP", "SCTP", "TERMINATED_HTTPS", "PROMETHEUS"], .uppercased),
        ])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let protocolName: String?
    public let port: Int?
    public let provisioningStatus: String?
    public let operatingStatus: String?
    public let loadBalancerIDs: [String]
    public let defaultPoolID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Listener")
        name = json.text("name")
        protocolName = json.text("protocol")
        port = json["protocol_port"]?.intValue
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
        loadBalancerIDs = OctaviaRefs.ids(json["loadbalancers"])
        defaultPoolID = json.text("default_pool_id")
    }
}

/// An Octavia pool (`GET /v2/lbaas/pools`).
public struct Pool: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "pools"), collectionKey: "pools", singularKey: "pool",
        filters: OctaviaStatus.filters + [.string("loadbalancer_id")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let protocolName: String?
    public let algorithm: String?
    public let provisioningStatus: String?
    public let operatingStatus: String?
    public let loadBalancerIDs: [String]
    public let listenerIDs: [String]
    public let memberIDs: [String]
    public let healthMonitorID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Pool")
        name = json.text("name")
        protocolName = json.text("protocol")
        algorithm = json.text("lb_algorithm")
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
        loadBalancerIDs = OctaviaRefs.ids(json["loadbalancers"])
        listenerIDs = OctaviaRefs.ids(json["listeners"])
        memberIDs = OctaviaRefs.ids(json["members"])
        healthMonitorID = json.text("healthmonitor_id")
    }
}

/// A member of a pool (`GET /v2/lbaas/pools/{pool_id}/members`).
public struct PoolMember: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "pools"), collectionKey: "members", singularKey: "member",
        filters: OctaviaStatus.filters + [.string("address")])

    /// The members of one pool, its ID encoded as one segment.
    public static func path(pool: String) -> String { ResourcePath("lbaas", "pools").appending(pool).appending(literal: "members").description }

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let address: String?
    public let port: Int?
    public let weight: Int?
    public let provisioningStatus: String?
    public let operatingStatus: String?
    public let subnetID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "PoolMember")
        name = json.text("name")
        address = json.text("address")
        port = json["protocol_port"]?.intValue
        weight = json["weight"]?.intValue
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
        subnetID = json.text("subnet_id")
    }

    /// Whether the member is not serving traffic.
    public var isDown: Bool { operatingStatus.map(OctaviaStatus.down.contains) ?? false }
    /// No health monitor watches it, so its status says nothing about whether it serves.
    public var isUnmonitored: Bool { operatingStatus?.uppercased() == "NO_MONITOR" }
}

/// An Octavia health monitor (`GET /v2/lbaas/healthmonitors`).
public struct HealthMonitor: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("lbaas", "healthmonitors"), collectionKey: "healthmonitors",
        singularKey: "healthmonitor", filters: OctaviaStatus.filters + [.string("pool_id")])

    public let raw: JSONValue
    public let id: String
    public let name: String?
    public let type: String?
    public let delay: Int?
    public let timeout: Int?
    public let maxRetries: Int?
    public let urlPath: String?
    public let expectedCodes: String?
    public let poolIDs: [String]
    public let provisioningStatus: String?
    public let operatingStatus: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "HealthMonitor")
        name = json.text("name")
        type = json.text("type")
        delay = json["delay"]?.intValue
        timeout = json["timeout"]?.intValue
        maxRetries = json["max_retries"]?.intValue
        urlPath = json.text("url_path")
        expectedCodes = json.text("expected_codes")
        poolIDs = OctaviaRefs.ids(json["pools"])
        provisioningStatus = json.text("provisioning_status")
        operatingStatus = json.text("operating_status")
    }
}

/// An amphora, the VM behind an Amphora-provider balancer (`GET /v2/octavia/amphorae`, admin).
public struct Amphora: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .loadBalancer, path: ResourcePath("octavia", "amphorae"), collectionKey: "amphorae", singularKey: "amphora",
        filters: [
            .string("loadbalancer_id"),
            .enumeration(
                "status", ["BOOTING", "ALLOCATED", "READY", "PENDING_CREATE", "PENDING_DELETE", "DELETED", "ERROR"],
                .uppercased),
            .enumeration("role", ["MASTER", "BACKUP", "STANDALONE"], .uppercased),
        ],
        nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let loadBalancerID: String?
    public let status: String?
    public let role: String?
    public let computeID: String?
    public let managementIP: String?
    public let computeFlavor: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Amphora")
        loadBalancerID = json.text("loadbalancer_id")
        status = json.text("status")
        role = json.text("role")
        computeID = json.text("compute_id")
        managementIP = json.text("lb_network_ip")
        computeFlavor = json.text("compute_flavor")
    }
}

/// Octavia's references: `[{"id": …}]`.
enum OctaviaRefs {
    static func ids(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
    }
}
