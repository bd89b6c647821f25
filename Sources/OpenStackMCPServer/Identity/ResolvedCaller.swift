import Logging
import OpenStackKit
import OpenStackTools

/// A request's caller, authenticated at Keystone: what they may see and how their calls read.
struct ResolvedCaller: Sendable {
    let entry: CallerEntry
    let token: AuthToken
    let visibility: ToolVisibility
    let tools: ToolCaller
    /// Tool calls this caller may have running at once (`--caller-max-calls`).
    let maxCalls: Int

    /// The words `server/discover` and `initialize` add to the instructions for this caller.
    var note: String {
        var lines = [
            "You read this cloud as Keystone user \(token.userName ?? token.userID ?? "?") in project "
                + "\(token.projectName ?? token.projectID ?? "?") with the roles \(token.roles.sorted().joined(separator: ", "))."
        ]
        if !visibility.hiddenForRole.isEmpty {
            lines.append(
                "\(visibility.hiddenForRole.count) tools are hidden because they need the admin role, which you lack: "
                    + visibility.hiddenForRole.joined(separator: ", ") + ".")
        }
        if !visibility.hiddenForCatalog.isEmpty {
            lines.append("\(visibility.hiddenForCatalog.count) tools are hidden because your catalog lacks their service.")
        }
        return lines.joined(separator: " ")
    }

    /// The tool-call log line's metadata: the principal, and the Keystone user and project it
    /// became. Never a secret.
    static func logger(_ base: Logger, entry: CallerEntry, token: AuthToken) -> Logger {
        var logger = base
        logger[metadataKey: "principal"] = .string(entry.principal)
        logger[metadataKey: "keystone_user"] = .string(token.userName ?? token.userID ?? "-")
        logger[metadataKey: "keystone_project"] = .string(token.projectName ?? token.projectID ?? "-")
        return logger
    }
}
