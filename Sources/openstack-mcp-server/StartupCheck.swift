import Foundation
import Logging
import OpenStackKit

/// Authenticates every cloud once at start, concurrently, so a wrong configuration is reported
/// at once rather than on the first tool call.
enum StartupCheck {
    /// With one cloud, any failure stops the server with one line. With several, a failing cloud is
    /// logged and stays configured (its tools report the error) unless every cloud fails.
    ///
    /// - Returns: the services in the catalogs of the clouds that authenticated, so that tools of
    ///   a service no cloud has are not offered.
    @discardableResult
    static func authenticate(_ clouds: [OpenStackCloud], logger: Logger) async throws -> Set<ServiceType> {
        let outcomes = await withTaskGroup(of: Result<Set<ServiceType>, CloudFailure>.self) { group in
            for cloud in clouds {
                group.addTask {
                    do {
                        return .success(services(in: try await check(cloud, logger: logger)))
                    } catch {
                        let text = (error as? OpenStackError)?.description ?? "\(error)"
                        return .failure(CloudFailure(cloud: cloud.name, message: Redactor.scrub(text, secrets: cloud.configuration.auth.secrets)))
                    }
                }
            }
            var outcomes: [Result<Set<ServiceType>, CloudFailure>] = []
            for await outcome in group { outcomes.append(outcome) }
            return outcomes
        }
        var found: Set<ServiceType> = [.identity]
        var failures: [(String, String)] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let services): found.formUnion(services)
            case .failure(let failure): failures.append((failure.cloud, failure.message))
            }
        }
        guard !failures.isEmpty else { return found }
        if clouds.count == 1 || failures.count == clouds.count {
            let first = failures.sorted { $0.0 < $1.0 }[0]
            throw LaunchError(message: clouds.count == 1 ? first.1 : "no cloud could authenticate; cloud '\(first.0)': \(first.1)")
        }
        for (name, message) in failures.sorted(by: { $0.0 < $1.0 }) {
            logger.warning("cloud unavailable at start; its tool calls will report the error", metadata: ["cloud": "\(name)", "error": "\(message)"])
        }
        // A cloud that could not say what it has hides nothing: its tools report the error.
        return Set(ServiceType.allCases)
    }

    private struct CloudFailure: Error {
        let cloud: String
        let message: String
    }

    private static func services(in token: AuthToken) -> Set<ServiceType> { token.catalog.serviceTypes }

    private static func check(_ cloud: OpenStackCloud, logger: Logger) async throws -> AuthToken {
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
        return token
    }

    /// `--identity caller`: the server has no token to get, so it only checks that Keystone
    /// answers; a failure is a warning (the callers' requests then get 503 until it does).
    static func probeKeystone(_ cloud: OpenStackCloud, logger: Logger) async {
        let url = cloud.configuration.auth.authURL.absoluteString
        do {
            let response = try await cloud.http.send(OutgoingRequest(method: .GET, url: url), service: "Keystone")
            if !(response.isSuccess || response.status == 300) {
                logger.warning("Keystone answered oddly at start", metadata: ["url": "\(url)", "status": "\(response.status)"])
            }
        } catch {
            logger.warning("Keystone is not reachable at start; callers get 503 until it is", metadata: ["url": "\(url)", "error": "\(error)"])
        }
    }
}
