/// A request the tool layer cannot serve at all (an unknown tool, prompt or resource URI): the
/// engine answers it with a JSON-RPC error, not a result. Failures a user can fix inside a known
/// tool are `isError` results instead (DESIGN.md §6, rule 4).
public struct ProtocolError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// -32602: the method's params name something that does not exist or is malformed.
        case invalidParams
        /// -32002 up to 2025-11-25 (-32602 from 2026-07-28): the resource is not available.
        case resourceNotFound
    }

    public let kind: Kind
    /// What is wrong and what to do instead.
    public let detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public static func invalidParams(_ detail: String) -> ProtocolError { ProtocolError(.invalidParams, detail) }
    public static func resourceNotFound(_ detail: String) -> ProtocolError { ProtocolError(.resourceNotFound, detail) }
}
