import Foundation

/// A Keystone project.
public struct DemoProject: Sendable, Equatable {
    /// 32-hex project id.
    public let id: String
    /// Project name (`admin`, `demo`, `alt`).
    public let name: String
    /// Owning domain id (`default`).
    public let domainID: String
    /// Free-text description.
    public let description: String
    /// Whether the project is enabled.
    public let enabled: Bool
}

/// A Keystone role.
public struct DemoRole: Sendable, Equatable {
    /// 32-hex role id.
    public let id: String
    /// Role name (`admin`, `member`, `reader`).
    public let name: String
}

/// A role a user holds on a project.
public struct DemoRoleAssignment: Sendable, Equatable {
    /// Project the role applies to.
    public let projectID: String
    /// Role name.
    public let roleName: String
}

/// A Keystone user with its password and role assignments.
public struct DemoUser: Sendable, Equatable {
    /// 32-hex user id.
    public let id: String
    /// User name.
    public let name: String
    /// Domain id (`default`).
    public let domainID: String
    /// Password accepted by the password auth method.
    public let password: String
    /// E-mail address.
    public let email: String
    /// Whether the user may authenticate.
    public let enabled: Bool
    /// Explicit role assignments (implied roles are added when a token is issued).
    public let roleAssignments: [DemoRoleAssignment]
    /// Roles on the domain `default` (for domain-scoped tokens).
    public var domainRoles: [String] = []
    /// Roles on the whole system (for system-scoped tokens).
    public var systemRoles: [String] = []

    /// Explicit role names the user holds on `projectID`.
    public func roles(onProject projectID: String) -> [String] {
        roleAssignments.filter { $0.projectID == projectID }.map(\.roleName)
    }
}

/// A Keystone application credential (auth method `application_credential`).
public struct DemoApplicationCredential: Sendable, Equatable {
    /// Credential id (`democred-admin`).
    public let id: String
    /// Credential name.
    public let name: String
    /// Secret.
    public let secret: String
    /// Owning user.
    public let userID: String
    /// Project the credential is scoped to.
    public let projectID: String
    /// Roles delegated to the credential.
    public let roles: [String]
    /// Free text.
    public var description: String? = nil
    /// When it stops working; nil for never.
    public var expiresAt: String? = nil
    /// The API calls it is limited to (`service`, `method`, `path`); empty for any.
    public var accessRules: [(service: String, method: String, path: String)] = []

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.id == rhs.id && lhs.secret == rhs.secret && lhs.userID == rhs.userID && lhs.projectID == rhs.projectID
            && lhs.roles == rhs.roles && lhs.description == rhs.description && lhs.expiresAt == rhs.expiresAt
            && lhs.accessRules.map { [$0.service, $0.method, $0.path] } == rhs.accessRules.map { [$0.service, $0.method, $0.path] }
    }
}

/// A service in the Keystone catalog.
public struct DemoIdentityService: Sendable, Equatable {
    /// 32-hex service id.
    public let id: String
    /// Service name (`nova`, `neutron`, `cinderv3`, ...).
    public let name: String
    /// Service type (`compute`, `network`, `volumev3`, ...).
    public let type: String
    /// Description.
    public let description: String
    /// Whether the service is enabled.
    public let enabled: Bool
}

/// A Keystone endpoint. Its URL depends on the address the simulator is bound to.
public struct DemoEndpoint: Sendable, Equatable {
    /// 32-hex endpoint id.
    public let id: String
    /// Owning catalog service.
    public let serviceID: String
    /// `public` or `internal`.
    public let interface: String
    /// Region (`RegionOne` or `RegionTwo`).
    public let regionID: String
    /// Path on the simulator, possibly with the Keystone `$(project_id)s` template.
    public let pathTemplate: String
    /// Whether the endpoint is enabled.
    public let enabled: Bool

    /// The endpoint URL for a base such as `http://127.0.0.1:5050`; the project template
    /// is substituted when `projectID` is given (as in a token's catalog).
    public func url(base: String, projectID: String? = nil) -> String {
        guard let projectID else { return base + pathTemplate }
        return base + pathTemplate.replacingOccurrences(of: "$(project_id)s", with: projectID)
    }
}
