import Foundation

/// A resource read from an OpenStack API: typed fields plus the whole upstream object.
///
/// Models are built from the JSON that the API returned, so they accept the shapes of several
/// microversions. `raw` keeps every field, for the `full` detail level.
public protocol OpenStackResource: Sendable, Decodable {
    /// Key of the list in a collection answer, e.g. `servers`.
    static var collectionKey: String { get }
    /// Key that wraps one object in a show answer, e.g. `server`; nil when unwrapped (Glance).
    static var singularKey: String? { get }
    init(json: JSONValue) throws
    var raw: JSONValue { get }
    /// Fields that hold a secret whatever their name says (see `ResourceDeclaration.secretFields`).
    static var secretFields: Set<String> { get }
}

extension OpenStackResource {
    public static var secretFields: Set<String> { [] }

    public init(from decoder: Decoder) throws {
        try self.init(json: JSONValue(from: decoder))
    }

    /// Decodes every item of a collection answer.
    public static func list(from document: JSONValue) throws -> [Self] {
        guard let items = document[collectionKey]?.arrayValue else {
            throw ModelError.missing(field: collectionKey, in: String(describing: Self.self))
        }
        return try items.map(Self.init(json:))
    }

    /// Decodes a show answer (wrapped or not).
    public static func show(from document: JSONValue) throws -> Self {
        if let key = singularKey {
            guard let inner = document[key] else {
                throw ModelError.missing(field: key, in: String(describing: Self.self))
            }
            return try Self(json: inner)
        }
        return try Self(json: document)
    }
}

/// A required field was absent or of the wrong type.
public enum ModelError: Error, CustomStringConvertible {
    case missing(field: String, in: String)

    public var description: String {
        switch self {
        case .missing(let field, let type): return "\(type): required field '\(field)' is missing or not a string"
        }
    }
}

extension JSONValue {
    /// A required string field.
    func required(_ key: String, in type: String) throws -> String {
        guard let value = self[key]?.stringValue else { throw ModelError.missing(field: key, in: type) }
        return value
    }

    /// An optional string field; JSON null and absence both give nil.
    public func text(_ key: String) -> String? { self[key]?.stringValue }
}
