import CloudSimulator
import Foundation
import Logging
import OpenStackKit

/// `--demo`: two simulated clouds on loopback, so that several clouds, regions and auth types can
/// be tried without a real OpenStack. `demo` signs in with a password, `demo2` (other data, half
/// the servers) with an application credential.
enum DemoClouds {
    struct Definition {
        var name: String
        var seed: UInt64
        var serverShare: Int
        var applicationCredential: Bool
    }

    static let definitions = [
        Definition(name: "demo", seed: 42, serverShare: 1, applicationCredential: false),
        Definition(name: "demo2", seed: 4242, serverShare: 2, applicationCredential: true),
    ]

    /// Runs the demo clouds named by `--os-cloud` (all by default) while `body` runs.
    static func run<T: Sendable>(
        servers: Int, requested: [String], logger: Logger,
        _ body: ([SelectedCloud], [URL]) async throws -> T
    ) async throws -> T {
        let chosen = try choose(requested)
        let clouds = chosen.map { definition in
            DemoCloud(
                configuration: .init(servers: max(1, servers / definition.serverShare), seed: definition.seed), logger: logger)
        }
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            for cloud in clouds { group.addTask { try await cloud.run() } }
            var selected: [SelectedCloud] = []
            var urls: [URL] = []
            for (definition, cloud) in zip(chosen, clouds) {
                let authURL = await cloud.authURL
                urls.append(authURL)
                selected.append(
                    SelectedCloud(
                        name: definition.name, settings: settings(definition, authURL: authURL),
                        origin: "built-in demo cloud (seed \(definition.seed))", sources: [:], notes: []))
            }
            let result = try await body(selected, urls)
            group.cancelAll()
            return result
        }
    }

    static func choose(_ requested: [String]) throws -> [Definition] {
        let names = requested.flatMap { $0.split(separator: ",").map(String.init) }
        if names.isEmpty || names.contains("all") { return definitions }
        return try names.map { name in
            guard let definition = definitions.first(where: { $0.name == name }) else {
                throw LaunchError(
                    message: "--demo has no cloud '\(name)'. Next step: use \(definitions.map(\.name).joined(separator: ", ")) or all")
            }
            return definition
        }
    }

    static func settings(_ definition: Definition, authURL: URL) -> CloudSettings {
        var settings = CloudSettings()
        settings.authURL = authURL.absoluteString
        if definition.applicationCredential {
            settings.authType = "v3applicationcredential"
            settings.applicationCredentialID = DemoCloud.applicationCredentialID
            settings.applicationCredentialSecret = DemoCloud.applicationCredentialSecret
        } else {
            settings.username = DemoCloud.adminUser
            settings.password = DemoCloud.adminPassword
            settings.projectName = DemoCloud.adminProject
            settings.userDomainName = DemoCloud.domainName
            settings.projectDomainName = DemoCloud.domainName
        }
        return settings
    }
}
