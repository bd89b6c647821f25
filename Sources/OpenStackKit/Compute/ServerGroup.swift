import Foundation

/// A Nova server group, from `GET /os-server-groups` or `/os-server-groups/{id}`.
///
/// Before 2.64 a group has `policies` (a list of one) and `metadata`; from 2.64 one `policy`
/// and its `rules` (`max_server_per_host`). `project_id` and `user_id` appear from 2.13.
public struct ServerGroup: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .compute, path: ResourcePath("os-server-groups"), collectionKey: "server_groups",
        singularKey: "server_group",
        // Server groups page with limit and offset, and Nova sends no next link.
        paging: .offset,
        // Server groups take all_projects=True, and no project_id.
        allProjects: [URLQueryItem(name: "all_projects", value: "True")], scopeTakesProject: false, nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let name: String?
    /// `affinity`, `anti-affinity`, `soft-affinity` or `soft-anti-affinity`, whichever shape it came in.
    public let policy: String?
    public let rules: [String: JSONValue]
    public let members: [String]
    public let projectID: String?
    public let userID: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ServerGroup")
        name = json.text("name")
        policy = json.text("policy") ?? json["policies"]?.arrayValue?.first?.stringValue
        rules = json["rules"]?.objectValue ?? [:]
        members = (json["members"]?.arrayValue ?? []).compactMap(\.stringValue)
        projectID = json.text("project_id")
        userID = json.text("user_id")
    }
}
