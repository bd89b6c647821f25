import Foundation

/// Heat, Octavia and Swift data of the demo cloud. Each record keeps the API body it renders as
/// (shaped on the api-ref samples and the real services' answers) and the few fields the
/// simulator filters on.
struct DemoExtraServices: Sendable {
    /// Heat stacks, newest first (Heat's default order), nested ones included.
    var stacks: [DemoStack] = []
    /// Octavia objects, in creation order.
    var loadBalancers: [DemoOctaviaObject] = []
    var listeners: [DemoOctaviaObject] = []
    var pools: [DemoOctaviaObject] = []
    var members: [DemoOctaviaObject] = []
    var healthMonitors: [DemoOctaviaObject] = []
    var amphorae: [DemoOctaviaObject] = []
    /// L7 policies (parent: their listener) and their rules (parent: their policy).
    var l7Policies: [DemoOctaviaObject] = []
    var l7Rules: [DemoOctaviaObject] = []
    /// Each balancer's `stats` object, by balancer ID.
    var loadBalancerStats: [String: JSON] = [:]
    /// Octavia flavors and availability zones (a zone's ID is its name), admin-made, seen by all.
    var octaviaFlavors: [DemoOctaviaObject] = []
    var octaviaAvailabilityZones: [DemoOctaviaObject] = []
    /// The quotas set per project (null: the default), by project ID; unset projects are absent.
    var octaviaQuotas: [String: JSON] = [:]
    /// Swift accounts by project ID.
    var accounts: [String: DemoAccount] = [:]
}

/// A Heat stack with its resources and events.
struct DemoStack: Sendable {
    let id: String
    let name: String
    let projectID: String
    /// `CREATE`, `UPDATE`, ...
    let action: String
    /// `COMPLETE`, `FAILED`, `IN_PROGRESS`.
    let status: String
    let reason: String
    let createdAt: Date
    /// The owning stack's ID, for a nested stack.
    let parentID: String?
    /// The owning stack's resource, for a nested stack.
    let parentResource: String?
    let outputs: [(key: String, value: JSON, description: String)]
    let parameters: [(String, String)]
    let resources: [DemoStackResource]
    let events: [DemoStackEvent]
}

/// One resource of a stack.
struct DemoStackResource: Sendable {
    let name: String
    let type: String
    let action: String
    let status: String
    let reason: String
    let physicalID: String
    let updatedAt: Date
    /// The nested stack this resource owns (OS::Heat::ResourceGroup, OS::Heat::Stack).
    let nestedStackID: String?
}

/// One event of a stack.
struct DemoStackEvent: Sendable {
    let id: String
    let resourceName: String
    let physicalID: String
    let action: String
    let status: String
    let reason: String
    let time: Date
}

/// An Octavia object: its body and the keys the simulator filters and nests by.
struct DemoOctaviaObject: Sendable {
    let id: String
    let projectID: String
    /// The pool of a member, the balancer of a listener, pool or amphora.
    let parentID: String?
    let body: JSON
}

/// A Swift account: its containers and metadata.
struct DemoAccount: Sendable {
    let quotaBytes: Int?
    let containers: [DemoContainer]
    let createdAt: Date

    var objectCount: Int { containers.reduce(0) { $0 + $1.objects.count } }
    var bytesUsed: Int { containers.reduce(0) { $0 + $1.bytes } }
}

/// A Swift container, its objects sorted by name as Swift lists them.
struct DemoContainer: Sendable {
    let name: String
    let objects: [DemoObject]
    var bytes: Int { objects.reduce(0) { $0 + $1.bytes } }
    var lastModified: Date { objects.map(\.lastModified).max() ?? DemoDataGenerator.referenceDate }
}

/// A Swift object's metadata (the simulator holds no content).
struct DemoObject: Sendable {
    let name: String
    let bytes: Int
    let contentType: String
    let hash: String
    let lastModified: Date
    let metadata: [(String, String)]
}
