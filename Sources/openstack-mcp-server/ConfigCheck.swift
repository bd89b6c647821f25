import Foundation
import OpenStackKit

/// `--check-config`: prints each cloud's resolved configuration (secrets masked), then
/// authenticates, reads the catalog and probes each service endpoint, and says plainly what is
/// wrong. Returns whether every cloud passed.
struct ConfigCheck {
    let http: HTTPSettings
    var output: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }

    func run(_ clouds: [SelectedCloud], files: CloudsFiles?) async -> Bool {
        if let files {
            output("clouds.yaml: \(files.cloudsPath ?? "none found")")
            output("secure.yaml: \(files.securePath ?? "none found")")
        }
        var failed: [String] = []
        for cloud in clouds {
            output("")
            let problems = await check(cloud)
            if !problems.isEmpty { failed.append(cloud.name) }
        }
        output("")
        if failed.isEmpty {
            output("RESULT: OK — \(clouds.count == 1 ? "the cloud is" : "all \(clouds.count) clouds are") ready")
        } else {
            output("RESULT: FAILED — \(failed.count) of \(clouds.count) clouds have problems (\(failed.joined(separator: ", ")))")
        }
        return failed.isEmpty
    }

    /// Prints one cloud's report; returns its problems.
    func check(_ selected: SelectedCloud) async -> [String] {
        output("cloud '\(selected.name)' from \(selected.origin)")
        for field in CloudSettings.fields {
            guard let value = selected.settings.display(field) else { continue }
            line(field.key, value, source: selected.sources[field.key])
        }
        for note in selected.notes { line("note", note) }
        let configuration: CloudConfiguration
        let cloud: OpenStackCloud
        do {
            configuration = try selected.settings.resolve(name: selected.name, http: http)
            cloud = try OpenStackCloud(configuration: configuration)
        } catch {
            return problem("configuration", Self.plain(error))
        }
        line("scope", Self.describe(configuration.auth.scope))
        line("tls", Self.describe(configuration.http))
        let problems = await verify(cloud, configuration)
        await cloud.shutdown()
        return problems
    }

    /// Authenticates, reads the catalog and probes every service; prints as it goes.
    private func verify(_ cloud: OpenStackCloud, _ configuration: CloudConfiguration) async -> [String] {
        let token: AuthToken
        do {
            token = try await cloud.token()
        } catch {
            return problem("authenticate", Diagnosis.authentication(error, authURL: configuration.auth.authURL))
        }
        var problems: [String] = []
        let minutes = Int(token.expiresAt.timeIntervalSinceNow / 60)
        line("authenticate", "ok — user \(token.userName ?? "?"), project \(token.projectName ?? "-"), token valid for \(minutes) more minutes")
        if let warning = Diagnosis.clockSkew(token) { line("WARNING", warning) }
        guard !token.catalog.entries.isEmpty else {
            return problem(
                "catalog", "Keystone returned a token without a service catalog (it is not scoped to a project). Next step: set a project (OS_PROJECT_NAME, project_name in clouds.yaml) or give the user a default project")
        }
        let region = configuration.region ?? token.catalog.regions.first
        line("catalog", "\(token.catalog.entries.count) services; regions \(token.catalog.regions.joined(separator: ", ")); using region \(region ?? "-"), interface \(configuration.interface)")
        let probes = await Diagnosis.services(cloud: cloud, catalog: token.catalog, region: region)
        var found = 0
        var missing: [String] = []
        for probe in probes {
            switch probe.outcome {
            case .ok(let detail):
                found += 1
                line("  " + probe.service.rawValue, "ok — \(detail)")
            case .missing(let detail):
                missing.append(probe.service.rawValue)
                line("  " + probe.service.rawValue, "MISSING — \(detail)")
            case .failed(let detail):
                found += 1
                line("  " + probe.service.rawValue, "PROBLEM — \(detail)")
                problems.append(detail)
            }
        }
        if found <= 1 {
            problems += problem(
                "catalog", "no service besides Keystone has an endpoint for interface \(configuration.interface) in region \(region ?? "-"). Next step: check --region (OS_REGION_NAME) and --interface (OS_INTERFACE) against the regions above")
        }
        if problems.isEmpty {
            line("result", missing.isEmpty ? "OK" : "OK, without \(missing.joined(separator: ", ")) in region \(region ?? "-"): their tools will answer with the regions that have them")
        }
        return problems
    }

    private func line(_ label: String, _ value: String, source: String? = nil) {
        let padded = label.padding(toLength: max(label.count, 30), withPad: " ", startingAt: 0)
        output("  \(padded) \(value)\(source.map { "  [\($0)]" } ?? "")")
    }

    private func problem(_ step: String, _ text: String) -> [String] {
        line(step, "PROBLEM — \(text)")
        return [text]
    }

    static func plain(_ error: Error) -> String {
        guard let error = error as? OpenStackError else { return "\(error)" }
        return "\(error.message). Next step: \(error.nextStep)"
    }

    static func describe(_ scope: AuthConfiguration.Scope) -> String {
        switch scope {
        case .project(let id, let name, let domainID, let domainName):
            if let id { return "project \(id)" }
            return "project \(name ?? "?") in domain \(domainID ?? domainName ?? "Default")"
        case .domain(let id, let name): return "domain \(id ?? name ?? "?")"
        case .system: return "system (all)"
        case .unscoped: return "none requested (an application credential carries its own; otherwise the user's default project)"
        }
    }

    static func describe(_ settings: HTTPSettings) -> String {
        var parts: [String] = []
        if settings.insecure {
            parts.append("certificates NOT verified (insecure)")
        } else {
            parts.append(settings.caCertificatePath.map { "verified with CA bundle \($0)" } ?? "verified with the system CA roots")
        }
        if let certificate = settings.clientCertificatePath {
            parts.append("client certificate \(certificate)\(settings.clientKeyPath.map { " with key \($0)" } ?? "")")
        }
        return parts.joined(separator: "; ")
    }
}
