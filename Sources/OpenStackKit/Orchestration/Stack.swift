import Foundation

/// A Heat stack (`GET /v1/{project}/stacks`). Heat shows one stack only at
/// `stacks/{name}/{id}` (a bare name or ID answers 302), so ``showPath`` needs both.
public struct Stack: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .orchestration, path: ResourcePath("stacks"), collectionKey: "stacks", singularKey: "stack",
        // Heat takes limit and marker but sends no next link.
        paging: .markerWithoutLinks,
        filters: [
            // Heat keeps the action (CREATE) and the status (FAILED) apart; stack_status joins them.
            .enumeration("status", ["COMPLETE", "FAILED", "IN_PROGRESS"], .uppercased, "Of any action"),
            .enumeration(
                "action", ["CREATE", "UPDATE", "DELETE", "ROLLBACK", "SUSPEND", "RESUME", "ADOPT", "CHECK", "SNAPSHOT", "RESTORE"],
                .uppercased),
            .bool("show_nested", transform: .words(true: "True", false: "False"), "Include nested stacks"),
        ],
        allProjects: [URLQueryItem(name: "global_tenant", value: "True")], scopeTakesProject: false)

    public let raw: JSONValue
    public let id: String
    public let name: String
    /// `CREATE_FAILED`, `UPDATE_COMPLETE`, ...
    public let status: String?
    public let statusReason: String?
    public let createdAt: String?
    public let updatedAt: String?
    public let projectID: String?
    /// The stack that owns this one, when it is nested.
    public let parentID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "Stack")
        name = try json.required("stack_name", in: "Stack")
        status = json.text("stack_status")
        statusReason = json.text("stack_status_reason")
        createdAt = json.text("creation_time")
        updatedAt = json.text("updated_time")
        projectID = json.text("project")
        parentID = json.text("parent")
    }

    /// `stacks/{name}/{id}`, both encoded: where Heat answers for this stack and its parts.
    public var showPath: String { ResourcePath("stacks").appending(name).appending(id).description }

    /// Whether the status ends in FAILED.
    public var isFailed: Bool { status?.hasSuffix("_FAILED") ?? false }
}

/// One resource of a stack (`GET …/stacks/{name}/{id}/resources?nested_depth=N`).
public struct StackResource: OpenStackResource {
    public static let collectionKey = "resources"
    public static let singularKey: String? = "resource"

    public let raw: JSONValue
    public let name: String
    public let type: String?
    public let status: String?
    public let statusReason: String?
    public let physicalID: String?
    public let updatedAt: String?
    /// The resource of the parent stack this one sits under (nested stacks only).
    public let parentResource: String?
    /// The name of the stack this resource belongs to, read from its `stack` link.
    public let stackName: String?

    public init(json: JSONValue) throws {
        raw = json
        name = try json.required("resource_name", in: "StackResource")
        type = json.text("resource_type")
        status = json.text("resource_status")
        statusReason = json.text("resource_status_reason")
        physicalID = json.text("physical_resource_id").flatMap { $0.isEmpty ? nil : $0 }
        updatedAt = json.text("updated_time") ?? json.text("creation_time")
        parentResource = json.text("parent_resource")
        stackName = StackLinks.stackName(json["links"])
    }

    public var isFailed: Bool { status?.hasSuffix("_FAILED") ?? false }
}

/// One event of a stack (`GET …/stacks/{name}/{id}/events`).
public struct StackEvent: OpenStackResource {
    public static let collectionKey = "events"
    public static let singularKey: String? = "event"

    public let raw: JSONValue
    public let id: String
    public let time: String?
    public let resourceName: String?
    public let status: String?
    public let statusReason: String?
    public let physicalID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "StackEvent")
        time = json.text("event_time")
        resourceName = json.text("resource_name") ?? json.text("logical_resource_id")
        status = json.text("resource_status")
        statusReason = json.text("resource_status_reason")
        physicalID = json.text("physical_resource_id").flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Reads Heat's `links` lists.
enum StackLinks {
    /// The stack name in the `stack` link (`…/stacks/{name}/{id}`).
    static func stackName(_ links: JSONValue?) -> String? {
        let href = links?.arrayValue?.first { $0["rel"]?.stringValue == "stack" }?["href"]?.stringValue
        guard let path = href.flatMap({ URL(string: $0)?.path }) else { return nil }
        let parts = path.split(separator: "/")
        guard let index = parts.lastIndex(of: "stacks"), index + 1 < parts.count else { return nil }
        return String(parts[index + 1]).removingPercentEncoding
    }
}
