import Foundation

/// A project a shared image is offered to (`GET /v2/images/{image_id}/members`). Glance keeps
/// members for `shared` images only; the member accepts, rejects or leaves the offer pending.
public struct ImageMember: DeclaredResource {
    public static let declaration = ResourceDeclaration(
        service: .image, path: ResourcePath("images"), collectionKey: "members", singularKey: nil,
        paging: .single, markerField: "member_id", nameFilter: nil)

    /// The members of one image, its ID encoded as one segment.
    public static func path(image: String) -> String {
        ResourcePath("images").appending(image).appending(literal: "members").description
    }

    public let raw: JSONValue
    /// The project the image is shared with.
    public let memberID: String
    public let imageID: String?
    /// `pending`, `accepted` or `rejected`.
    public let status: String?
    public let createdAt: String?
    public let updatedAt: String?

    public init(json: JSONValue) throws {
        raw = json
        memberID = try json.required("member_id", in: "ImageMember")
        imageID = json.text("image_id")
        status = json.text("status")
        createdAt = json.text("created_at")
        updatedAt = json.text("updated_at")
    }
}
