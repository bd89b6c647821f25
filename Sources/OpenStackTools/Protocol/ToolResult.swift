import OpenStackKit

/// One block of a tool result's `content`.
///
/// Every tool answers with one text block (the compact JSON of its structured content, or the
/// message of an error), so text is the only kind declared; a richer kind is a new case here.
public enum ContentBlock: Sendable, Equatable {
    case text(String)

    /// The block as MCP writes it: `{"type": "text", "text": ...}`.
    public var json: JSONValue {
        switch self {
        case .text(let text): return ["type": "text", "text": .string(text)]
        }
    }

    /// The text of a text block.
    public var text: String? {
        switch self {
        case .text(let text): return text
        }
    }
}

/// The result of `tools/call`: content blocks, the structured content that `outputSchema`
/// declares, and whether it reports a failure the user can fix (`isError`).
public struct ToolResult: Sendable, Equatable {
    public var content: [ContentBlock]
    public var structuredContent: JSONValue?
    public var isError: Bool

    public init(content: [ContentBlock], structuredContent: JSONValue? = nil, isError: Bool = false) {
        self.content = content
        self.structuredContent = structuredContent
        self.isError = isError
    }

    /// A successful answer: `document` as structured content and, as the spec recommends for
    /// clients that read only text, the same data as compact JSON in one text block.
    public static func structured(_ document: JSONValue) -> ToolResult {
        ToolResult(content: [.text(document.compactText())], structuredContent: document)
    }

    /// An `isError` answer whose text says what failed and what to do next.
    public static func failure(_ message: String) -> ToolResult {
        ToolResult(content: [.text(message)], isError: true)
    }

    /// The text of the first block (an error's message).
    public var firstText: String? { content.first?.text }

    /// Bytes of text across the blocks, as the call log reports them.
    public var textByteCount: Int { content.reduce(0) { $0 + ($1.text?.utf8.count ?? 0) } }

    /// The members of the `tools/call` result object.
    public var members: [String: JSONValue] {
        var body: [String: JSONValue] = ["content": .array(content.map(\.json)), "isError": .bool(isError)]
        if let structuredContent { body["structuredContent"] = structuredContent }
        return body
    }
}
