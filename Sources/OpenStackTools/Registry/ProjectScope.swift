import Foundation
import OpenStackKit

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
