import Foundation

/// Barbican's secrets, containers and orders of the demo cloud, each with its project. Secrets
/// keep the payload Barbican would hand out if asked (a canary: the server never asks).
struct DemoKeyManager: Sendable {
    var secrets: [DemoBarbicanObject] = []
    var containers: [DemoBarbicanObject] = []
    var orders: [DemoBarbicanObject] = []
}

/// One Barbican object: its UUID, project, the body it lists as (without its `*_ref`, which
/// depends on the address asked), and for a secret its ACL and payload.
struct DemoBarbicanObject: Sendable {
    let id: String
    let projectID: String
    let body: JSON
    var acl: JSON = ["read": ["project-access": true]]
    var payload: String? = nil
    /// For filters: a secret's expiration.
    var expiration: Date? = nil
}

/// Ironic's nodes, ports, portgroups, allocations, conductors and drivers of the demo cloud.
/// Bodies are the detailed objects of API 1.80; a node whose `lessee` is a project is visible
/// to that project's members, as Ironic's project-scoped policies allow.
struct DemoBaremetal: Sendable {
    var nodes: [JSON] = []
    var ports: [JSON] = []
    var portgroups: [JSON] = []
    var allocations: [JSON] = []
    var conductors: [JSON] = []
    var drivers: [JSON] = []
}
