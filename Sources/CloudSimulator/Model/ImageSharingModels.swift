import Foundation

/// A project a shared image is offered to.
public struct DemoImageMember: Sendable, Equatable {
    public let imageID: String
    /// The project ID.
    public let memberID: String
    /// `pending`, `accepted` or `rejected`.
    public let status: String
    public let createdAt: Date
    public let updatedAt: Date
}

/// A Glance task: an image import, its outcome and, when it failed, why.
public struct DemoImageTask: Sendable, Equatable {
    public let id: String
    /// `import` or `api_image_import`.
    public let type: String
    /// `pending`, `processing`, `success` or `failure`.
    public let status: String
    public let owner: String
    public let imageID: String?
    public let message: String
    public let input: [String: String]
    public let createdAt: Date
    public let updatedAt: Date
    /// Set once the task is done (Glance keeps it 48 hours).
    public let expiresAt: Date?
}
