import Foundation
import OpenStackKit

/// Finds a stack by exact name, else by ID: Heat answers a bare name or ID with a redirect,
/// which this server does not follow, so the list (filtered upstream) gives the name and ID.
enum StackFinder {
    static func find(_ key: String?, argument: String, cloud: OpenStackCloud) async throws -> Stack {
        guard let key, !key.isEmpty else {
            throw ToolArgumentError(argument: argument, problem: "required: the stack's ID or name (get_stacks)")
        }
        // The token's project first. Heat's default policy denies the global list
        // (stacks:global_index) even to admins, so it is only a second try for an admin, and a
        // refusal there means "not in your project", not an error of its own.
        if let stack = try await search(key, argument: argument, cloud: cloud, allProjects: false) { return stack }
        if try await cloud.token().isAdmin {
            do {
                if let stack = try await search(key, argument: argument, cloud: cloud, allProjects: true) { return stack }
            } catch let error as OpenStackError where error.status == 403 {}
        }
        throw OpenStackError(
            kind: .http, service: "Heat", method: "GET", url: Stack.declaration.path.description, status: 404,
            message: "no stack has the ID or name '\(key)'", nextStep: "get_stacks lists them")
    }

    /// The one stack with this exact name, else this ID; nil when there is none.
    static func search(_ key: String, argument: String, cloud: OpenStackCloud, allProjects: Bool) async throws -> Stack? {
        for field in ["name", "id"] {
            var request = try Stack.declaration.listRequest([:], allProjects: allProjects)
            request.query.append(URLQueryItem(name: field, value: key))
            let page = try await Pager(cloud: cloud).collect(request, limit: 20)
            let stacks = try page.items.map(Stack.init(json:))
            if stacks.count == 1 { return stacks[0] }
            if stacks.count > 1 {
                throw ToolArgumentError(
                    argument: argument,
                    problem: "\(stacks.count) stacks are named '\(key)'; pass one of their IDs: \(stacks.map(\.id).joined(separator: ", "))")
            }
        }
        return nil
    }
}
