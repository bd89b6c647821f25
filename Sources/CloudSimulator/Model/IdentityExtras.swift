import Foundation

/// A Keystone group and the names of its members.
public struct DemoGroup: Sendable, Equatable {
    public let id: String
    public let name: String
    public let description: String
    /// Member user names.
    public let members: [String]
}

/// A registered limit (a service resource's default) or a project's own limit, in Keystone's
/// unified limits.
public struct DemoUnifiedLimit: Sendable, Equatable {
    public let id: String
    /// The catalog service's type (`compute`, `volumev3`); the API answers with its ID.
    public let serviceType: String
    public let regionID: String?
    public let resourceName: String
    /// The project of a project limit; nil for a registered limit.
    public let projectName: String?
    public let limit: Int
    public let description: String?
}

/// Keystone's roles, groups and unified limits beyond what tokens need. IDs derive from the seed
/// without drawing from the generator, so that the rest of the data stays as it was.
extension DemoData {
    /// Roles that no demo user holds but that a deployed cloud has (Octavia's, Heat's, the service role).
    static let unassignedRoles = ["load-balancer_member", "load-balancer_observer", "heat_stack_owner", "service"]

    /// What Keystone says of a role: bootstrap's roles are immutable; the others have a description.
    public func roleDescription(_ name: String) -> (description: String?, immutable: Bool) {
        let descriptions = [
            "load-balancer_member": "Octavia: create and manage the project's load balancers",
            "load-balancer_observer": "Octavia: read the project's load balancers",
            "heat_stack_owner": "Heat: owns stacks", "service": "OpenStack services' own accounts",
        ]
        return (descriptions[name], roles.contains { $0.name == name })
    }

    /// Every role Keystone lists: the ones tokens carry, then the unassigned ones.
    public var listedRoles: [DemoRole] {
        roles + Self.unassignedRoles.map { DemoRole(id: stableID("role:\($0)"), name: $0) }
    }

    /// Two groups of the default domain with their members.
    public var groups: [DemoGroup] {
        [
            DemoGroup(
                id: stableID("group:cloud-operators"), name: "cloud-operators",
                description: "People who run the cloud", members: [DemoCloud.adminUser, DemoCloud.memberUser]),
            DemoGroup(
                id: stableID("group:auditors"), name: "auditors", description: "Read-only reviewers",
                members: [DemoCloud.readerUser]),
        ]
    }

    /// The registered limits: defaults of Nova's cores and instances and Cinder's volumes.
    public var registeredLimits: [DemoUnifiedLimit] {
        [
            DemoUnifiedLimit(
                id: stableID("registered:cores"), serviceType: "compute", regionID: DemoCloud.region,
                resourceName: "cores", projectName: nil, limit: 20, description: "Number of vCPUs"),
            DemoUnifiedLimit(
                id: stableID("registered:instances"), serviceType: "compute", regionID: nil, resourceName: "instances",
                projectName: nil, limit: 10, description: nil),
            DemoUnifiedLimit(
                id: stableID("registered:volumes"), serviceType: "volumev3", regionID: DemoCloud.region,
                resourceName: "volumes", projectName: nil, limit: 10, description: "Number of volumes"),
        ]
    }

    /// Project limits: the demo project gets more cores and volumes, the alt project fewer instances.
    public var projectLimits: [DemoUnifiedLimit] {
        [
            DemoUnifiedLimit(
                id: stableID("limit:demo:cores"), serviceType: "compute", regionID: DemoCloud.region,
                resourceName: "cores", projectName: DemoCloud.memberProject, limit: 40,
                description: "Cores for the demo team"),
            DemoUnifiedLimit(
                id: stableID("limit:demo:volumes"), serviceType: "volumev3", regionID: DemoCloud.region,
                resourceName: "volumes", projectName: DemoCloud.memberProject, limit: 20, description: nil),
            DemoUnifiedLimit(
                id: stableID("limit:alt:instances"), serviceType: "compute", regionID: nil, resourceName: "instances",
                projectName: DemoCloud.altProject, limit: 5, description: nil),
        ]
    }

    /// 32 hex digits from the seed and a label.
    func stableID(_ label: String) -> String {
        [stableHash("\(label):\(seed)"), stableHash("\(seed):\(label)")]
            .map { let hex = String($0, radix: 16); return String(repeating: "0", count: 16 - hex.count) + hex }
            .joined()
    }
}
