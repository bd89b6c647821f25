import Foundation

/// Path segments built from arguments (project IDs, server IDs, request IDs).
enum ComputePath {
    private static let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.~"))

    /// `text` percent-encoded so that it stays one path segment.
    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
