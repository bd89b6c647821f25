import Foundation

/// IDs and names that go into a URL path, encoded so that each stays exactly one segment.
///
/// A caller's `id` is free text, and so is an ID an upstream answer holds: `/`, `?`, `#` or a bare
/// `..` must not let it reach another URL of the service than the one meant.
public enum PathSegment {
    private static let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.~"))

    /// `text` percent-encoded as one path segment (`.` and `..` too, which would otherwise move up).
    public static func encode(_ text: String) -> String {
        if text == "." || text == ".." { return String(repeating: "%2E", count: text.count) }
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// A path under a service's versioned endpoint, built from literal segments and encoded values.
public struct ResourcePath: Sendable, Equatable, CustomStringConvertible {
    /// The segments as they go on the wire (values already encoded).
    public let segments: [String]

    /// A path of literal segments, e.g. `ResourcePath("servers", "detail")`.
    public init(_ literals: String...) { segments = literals }

    private init(segments: [String]) { self.segments = segments }

    /// This path followed by one value (an ID, a name), encoded as one segment.
    public func appending(_ value: String) -> ResourcePath {
        ResourcePath(segments: segments + [PathSegment.encode(value)])
    }

    /// This path followed by a literal segment, e.g. `inventories`.
    public func appending(literal: String) -> ResourcePath {
        ResourcePath(segments: segments + [literal])
    }

    /// `/a/b/c`; empty for the endpoint itself (Swift's account is its catalog URL).
    public var description: String { segments.isEmpty ? "" : "/" + segments.joined(separator: "/") }
}
