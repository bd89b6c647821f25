import Foundation
import Logging
import OpenStackKit

/// Authenticates every cloud once at start, concurrently, so a wrong configuration is reported
/// at once rather than on the first tool call.
enum StartupCheck {
    /// With one cloud, any failure stops the server with one line. With several, a failing cloud is
    /// logged and stays configured (its tools report the error) unless every cloud fails.
    static func authenticate(_ clouds: [OpenStackCloud], logger: Logger) async throws {
        let failures = await withTaskGroup(of: (String, String)?.self) { group in
            for cloud in clouds {
                group.addTask {
                    do {
                        try await check(cloud, logger: logger)
                        return nil
                    } catch {
                        let text = (error as? OpenStackError)?.description ?? "\(error)"
                        return (cloud.name, Redactor.scrub(text, secrets: cloud.configuration.auth.secrets))
                    }
                }
            }
            var failures: [(String, String)] = []
            for await failure in group { if let failure { failures.append(failure) } }
            return failures
        }
        guard !failures.isEmpty else { return }
        if clouds.count == 1 || failures.count == clouds.count {
            let first = failures.sorted { $0.0 < $1.0 }[0]
            throw LaunchError(message: clouds.count == 1 ? first.1 : "no cloud could authenticate; cloud '\(first.0)': \(first.1)")
        }
        for (name, message) in failures.sorted(by: { $0.0 < $1.0 }) {
            logger.warning("cloud unavailable at start; its tool calls will report the error", metadata: ["cloud": "\(name)", "error": "\(message)"])
        }
    }

    private static func check(_ cloud: OpenStackCloud, logger: Logger) async throws {
        let token = try await cloud.token()
        if token.catalog.entries.isEmpty {
            throw OpenStackError(
                kind: .configuration, service: "Keystone",
                message: "Keystone returned a token without a service catalog (it is not scoped to a project)",
                nextStep: "pass --project-name (or set OS_PROJECT_NAME), or give the user a default project")
        }
        logger.info(
            "authenticated",
            metadata: [
                "cloud": "\(cloud.name)", "auth_url": "\(cloud.configuration.auth.authURL.absoluteString)",
                "project": "\(token.projectName ?? "-")", "regions": "\(token.catalog.regions.joined(separator: ","))",
            ])
    }
}
