import Foundation
import OpenStackKit

/// IDs and names that go into a URL path, encoded so that each stays exactly one segment.
///
/// A caller's `id` is free text: `/`, `?`, `#` or a bare `..` must not let it reach another URL
/// of the service than the one the tool means to read.
enum PathSegment {
    private static let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.~"))

    /// `text` percent-encoded as one path segment (`.` and `..` too, which would otherwise move up).
    static func encode(_ text: String) -> String {
        if text == "." || text == ".." { return String(repeating: "%2E", count: text.count) }
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension OpenStackCloud {
    /// `asked` when given, else the project of this cloud's token: the default of every tool's
    /// `project_id`.
    func projectID(asked: String? = nil) async throws -> String {
        if let asked { return asked }
        guard let project = try await token().projectID else {
            throw ToolArgumentError(argument: "project_id", problem: "required: the token is not scoped to a project")
        }
        return project
    }
}
