import Foundation

/// How a volume type encrypts its volumes (`GET /types/{id}/encryption`, admin). Cinder answers
/// `{}` for a type without encryption.
public struct VolumeTypeEncryption: Sendable {
    public let raw: JSONValue
    /// `luks`, `plain`, or a class path in old clouds; nil when the type is not encrypted.
    public let provider: String?
    public let cipher: String?
    public let keySize: Int?
    /// `front-end` (Nova) or `back-end`.
    public let controlLocation: String?
    public let encryptionID: String?

    public init(json: JSONValue) {
        raw = json
        provider = json.text("provider")
        cipher = json.text("cipher")
        keySize = json["key_size"]?.intValue
        controlLocation = json.text("control_location")
        encryptionID = json.text("encryption_id")
    }

    /// Whether the answer describes an encryption (Cinder's `{}` does not).
    public var isEncrypted: Bool { provider != nil || encryptionID != nil }

    /// The path of a type's encryption.
    public static func path(typeID: String) -> String {
        ResourcePath("types").appending(typeID).appending(literal: "encryption").description
    }
}
