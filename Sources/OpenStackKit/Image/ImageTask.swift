import Foundation

/// A Glance task (`GET /v2/tasks`, admin by default policy): an asynchronous import or
/// conversion, its status and, when it failed, why.
public struct ImageTask: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .image, path: ResourcePath("tasks"), collectionKey: "tasks", singularKey: nil,
        // Glance also filters by `type`, but accepts only `import` there.
        filters: [.enumeration("status", ["pending", "processing", "success", "failure"], .lowercased)],
        nameFilter: nil)

    public let raw: JSONValue
    public let id: String
    public let type: String?
    public let status: String?
    /// The project that owns the task.
    public let owner: String?
    /// The image the task made or fills (present in a task's show, not in the list).
    public let imageID: String?
    public let message: String?
    public let createdAt: String?
    public let updatedAt: String?
    public let expiresAt: String?

    public init(json: JSONValue) throws {
        raw = json
        id = try json.required("id", in: "ImageTask")
        type = json.text("type")
        status = json.text("status")
        owner = json.text("owner")
        imageID = json.text("image_id") ?? json["result"]?.text("image_id")
        message = json.text("message")
        createdAt = json.text("created_at")
        updatedAt = json.text("updated_at")
        expiresAt = json.text("expires_at")
    }
}
