import Foundation

/// A Keystone domain.
public struct DemoDomain: Sendable, Equatable {
    /// Id (`default` for the default domain).
    public let id: String
    /// Name.
    public let name: String
    /// Description.
    public let description: String
    /// Whether the domain is enabled.
    public let enabled: Bool
}

/// A Keystone region.
public struct DemoRegion: Sendable, Equatable {
    /// Id, which is also its name (`RegionOne`).
    public let id: String
    /// Description.
    public let description: String
    /// Parent region.
    public let parentRegionID: String?
}

/// One explicit role assignment: a user holds a role on a project.
public struct DemoUserRoleAssignment: Sendable, Equatable {
    /// The user.
    public let user: DemoUser
    /// The project.
    public let project: DemoProject
    /// The role.
    public let role: DemoRole
}

/// Keystone's directory as the API lists it, derived from the users, projects and roles.
extension DemoData {
    /// The default domain, and the one heat creates for its stack users (empty here).
    public var domains: [DemoDomain] {
        [
            DemoDomain(
                id: DemoCloud.domainID, name: DemoCloud.domainName, description: "The default domain", enabled: true),
            DemoDomain(
                id: String(stableHash("heat-domain:\(seed)"), radix: 16).leftPadded(to: 16)
                    + String(stableHash("heat:\(seed)"), radix: 16).leftPadded(to: 16),
                name: "heat", description: "Contains users and projects created by heat", enabled: true),
        ]
    }

    /// The regions: one, the region of every endpoint.
    public var regions: [DemoRegion] {
        [DemoRegion(id: DemoCloud.region, description: "", parentRegionID: nil)]
    }

    /// Every explicit role assignment, by user then project (the roles tokens are issued with).
    public var userRoleAssignments: [DemoUserRoleAssignment] {
        users.flatMap { user in
            user.roleAssignments.compactMap { assignment in
                guard let project = projects.first(where: { $0.id == assignment.projectID }),
                    let role = roles.first(where: { $0.name == assignment.roleName })
                else { return nil }
                return DemoUserRoleAssignment(user: user, project: project, role: role)
            }
        }
    }

    /// The project a user works in by default (`default_project_id`).
    public func defaultProject(of user: DemoUser) -> DemoProject? {
        project(named: user.name == DemoCloud.adminUser ? DemoCloud.adminProject : DemoCloud.memberProject)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
