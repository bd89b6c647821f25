import Foundation

/// One cloud the server will serve, with where each setting came from.
public struct SelectedCloud: Sendable {
    /// The name tools know it by (`cloud` argument and results).
    public var name: String
    /// The merged settings, ready for ``CloudSettings/resolve(name:http:)``.
    public var settings: CloudSettings
    /// Where the cloud was defined, e.g. `clouds.yaml (/home/me/.config/openstack/clouds.yaml)`.
    public var origin: String
    /// For each setting key (`auth_url`, `password`, ...), the layer that supplied it.
    public var sources: [String: String]
    /// Things the user should know (an ignored profile, ignored variables).
    public var notes: [String]

    public init(name: String, settings: CloudSettings, origin: String, sources: [String: String] = [:], notes: [String] = []) {
        self.name = name
        self.settings = settings
        self.origin = origin
        self.sources = sources
        self.notes = notes
    }
}

/// Picks the clouds to serve and merges their settings, as openstacksdk and the openstack CLI do.
///
/// Selection: `--os-cloud` (repeatable; `all` = every cloud in clouds.yaml, plus `envvars` when
/// OS_AUTH_URL is set), else `OS_CLOUD`. With neither, the flags and OS_* variables make a cloud
/// named `envvars` (`OS_CLOUD_NAME` renames it); with none of those either, a clouds.yaml holding
/// exactly one cloud supplies it.
///
/// Precedence for one cloud: flags, then OS_* variables, then its clouds.yaml entry (with
/// secure.yaml merged in). As in the openstack CLI, OS_* variables still override a cloud picked
/// by OS_CLOUD; see ``CloudSettings/layered(_:)`` for the finer rules. With several clouds, each
/// comes from clouds.yaml alone: credential flags are refused and OS_* variables are not applied.
public struct CloudSelection {
    public var flags: CloudSettings
    /// True when any cloud flag (credentials, region, interface, TLS) was given.
    public var flagsGiven: Bool
    /// The `--os-cloud` values, in order.
    public var requested: [String]
    public var environment: [String: String]
    /// Reads clouds.yaml/secure.yaml; called only when a cloud may come from them.
    public var loadFiles: () throws -> CloudsFiles

    public init(
        flags: CloudSettings, flagsGiven: Bool, requested: [String], environment: [String: String],
        loadFiles: @escaping () throws -> CloudsFiles
    ) {
        self.flags = flags
        self.flagsGiven = flagsGiven
        self.requested = requested
        self.environment = environment
        self.loadFiles = loadFiles
    }

    var environmentCloudName: String {
        let name = environment["OS_CLOUD_NAME"] ?? ""
        return name.isEmpty ? "envvars" : name
    }

    /// The clouds to serve, in order (the first is the default of every tool).
    public func select() throws -> [SelectedCloud] {
        let env = CloudSettings.fromEnvironment(environment)
        var names = requested.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        if names.isEmpty, let chosen = environment["OS_CLOUD"], !chosen.isEmpty { names = [chosen] }

        if names.isEmpty {
            if flagsGiven || CloudSettings.environmentDescribesCloud(environment) {
                return [fromEnvironment(env)]
            }
            let files = try loadFiles()
            guard files.entries.count <= 1 else {
                throw configuration(
                    "\(files.cloudsPath ?? "clouds.yaml") has \(files.entries.count) clouds (\(files.names.joined(separator: ", "))) and none is chosen",
                    next: "pick one with --os-cloud NAME (or OS_CLOUD=NAME), or serve them all with --os-cloud all")
            }
            guard let only = files.entries.first else { return [fromEnvironment(env)] }
            return [try fromFile(only, files: files, env: env, overrides: true)]
        }

        let files = try loadFiles()
        var expanded: [String] = []
        for name in names {
            let more = name == "all" ? allNames(files) : [name]
            for item in more where !expanded.contains(item) { expanded.append(item) }
        }
        guard !expanded.isEmpty else {
            throw configuration(
                "--os-cloud all found no clouds: \(files.cloudsPath.map { "\($0) lists none" } ?? "no clouds.yaml was found")",
                next: "create clouds.yaml in ./, ~/.config/openstack/ or /etc/openstack/ (or set OS_CLIENT_CONFIG_FILE)")
        }
        let single = expanded.count == 1
        if !single && flagsGiven {
            throw configuration(
                "credential, region and TLS flags apply to one cloud, but \(expanded.count) clouds are chosen (\(expanded.joined(separator: ", ")))",
                next: "put those settings in each cloud's clouds.yaml entry, or choose one cloud")
        }
        return try expanded.map { name in
            if let entry = files.entry(named: name) {
                return try fromFile(entry, files: files, env: env, overrides: single)
            }
            if name == environmentCloudName, CloudSettings.environmentDescribesCloud(environment) {
                return fromEnvironment(env, includeFlags: single)
            }
            throw configuration(
                files.cloudsPath.map { "cloud '\(name)' is not in \($0) (it has: \(files.names.joined(separator: ", ")))" }
                    ?? "cloud '\(name)' was asked for, but no clouds.yaml was found (looked in \(files.searchedPaths.filter { $0.hasSuffix(".yaml") }.joined(separator: ", ")))",
                next: "check the name (it is case-sensitive) or set OS_CLIENT_CONFIG_FILE to your clouds.yaml")
        }
    }

    private func allNames(_ files: CloudsFiles) -> [String] {
        var names = files.names
        if !(environment["OS_AUTH_URL"] ?? "").isEmpty, !names.contains(environmentCloudName) {
            names.append(environmentCloudName)
        }
        return names
    }

    private func fromEnvironment(_ env: CloudSettings, includeFlags: Bool = true) -> SelectedCloud {
        let layers: [(String, CloudSettings)] = (includeFlags ? [("command line", flags)] : []) + [("environment", env)]
        return make(name: environmentCloudName, origin: "command line and OS_* variables", layers: layers, notes: [])
    }

    private func fromFile(_ entry: CloudsFiles.Entry, files: CloudsFiles, env: CloudSettings, overrides: Bool) throws
        -> SelectedCloud
    {
        let region = overrides ? (flags.region ?? env.region) : nil
        let (fileSettings, notes) = try CloudsEntry.settings(from: entry.value, cloud: entry.name, region: region)
        let secure = try entry.secureValue.map { try CloudsEntry.settings(from: $0, cloud: entry.name, region: nil).settings }
        var allNotes = notes
        if !overrides, CloudSettings.environmentDescribesCloud(environment) {
            allNotes.append("OS_* variables are not applied: several clouds are served, each from its clouds.yaml entry")
        }
        let layers: [(String, CloudSettings)] =
            (overrides ? [("command line", flags), ("environment", env)] : []) + [("file", fileSettings)]
        var cloud = make(
            name: entry.name, origin: "clouds.yaml (\(files.cloudsPath ?? files.securePath ?? "?"))", layers: layers,
            notes: allNotes)
        for field in CloudSettings.fields where cloud.sources[field.key] == "file" {
            let fromSecure = secure.flatMap { $0.value(of: field) } != nil && files.securePath != nil
            cloud.sources[field.key] = fromSecure ? "secure.yaml" : "clouds.yaml"
        }
        return cloud
    }

    private func make(name: String, origin: String, layers: [(String, CloudSettings)], notes: [String]) -> SelectedCloud {
        let settings = CloudSettings.layered(layers.map(\.1))
        var sources: [String: String] = [:]
        for field in CloudSettings.fields {
            guard let value = settings.value(of: field) else { continue }
            guard let (label, _) = layers.first(where: { $0.1.value(of: field) == value }) else {
                sources[field.key] = "inferred"
                continue
            }
            if label == "environment" {
                sources[field.key] = field.environment.first { !(environment[$0] ?? "").isEmpty } ?? label
            } else {
                sources[field.key] = label
            }
        }
        if let insecure = settings.insecure {
            sources["insecure"] = layers.first { $0.1.insecure == insecure }.map { $0.0 == "environment" ? "OS_INSECURE" : $0.0 }
        }
        return SelectedCloud(name: name, settings: settings, origin: origin, sources: sources, notes: notes)
    }

    private func configuration(_ message: String, next: String) -> OpenStackError {
        OpenStackError(kind: .configuration, service: "configuration", message: message, nextStep: next)
    }
}
