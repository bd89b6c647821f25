import Foundation

/// Cloud settings as given by one source (flags, OS_* variables); unset values are nil.
///
/// `merged(over:)` layers sources, and `resolve` turns the result into a checked configuration
/// or an error that says which setting is missing.
public struct CloudSettings: Sendable, Equatable {
    public var authURL: String?
    public var authType: String?
    public var username: String?
    public var userID: String?
    public var password: String?
    public var projectName: String?
    public var projectID: String?
    public var userDomainName: String?
    public var userDomainID: String?
    public var projectDomainName: String?
    public var projectDomainID: String?
    public var domainName: String?
    public var domainID: String?
    public var systemScope: String?
    public var applicationCredentialID: String?
    public var applicationCredentialName: String?
    public var applicationCredentialSecret: String?
    public var token: String?
    public var region: String?
    public var interface: String?
    public var cacert: String?
    public var insecure: Bool?
    /// Client certificate (PEM) for TLS client authentication (`OS_CERT`); may also hold the key.
    public var clientCertificate: String?
    /// Private key (PEM) of the client certificate (`OS_KEY`).
    public var clientKey: String?
    /// `OS_IDENTITY_API_VERSION`; only 3 is supported.
    public var identityAPIVersion: String?
    /// Regions a clouds.yaml entry lists (`regions:` or `region_name`); nil when it names none.
    public var regions: [String]?

    public init() {}

    /// The settings of an openrc file, read from the environment.
    public static func fromEnvironment(_ environment: [String: String]) -> CloudSettings {
        func value(_ names: String...) -> String? {
            for name in names { if let value = environment[name], !value.isEmpty { return value } }
            return nil
        }
        var settings = CloudSettings()
        settings.authURL = value("OS_AUTH_URL")
        settings.authType = value("OS_AUTH_TYPE")
        settings.username = value("OS_USERNAME")
        settings.userID = value("OS_USER_ID")
        settings.password = value("OS_PASSWORD")
        settings.projectName = value("OS_PROJECT_NAME", "OS_TENANT_NAME")
        settings.projectID = value("OS_PROJECT_ID", "OS_TENANT_ID")
        settings.userDomainName = value("OS_USER_DOMAIN_NAME")
        settings.userDomainID = value("OS_USER_DOMAIN_ID")
        settings.projectDomainName = value("OS_PROJECT_DOMAIN_NAME")
        settings.projectDomainID = value("OS_PROJECT_DOMAIN_ID")
        settings.domainName = value("OS_DOMAIN_NAME")
        settings.domainID = value("OS_DOMAIN_ID")
        settings.systemScope = value("OS_SYSTEM_SCOPE")
        settings.applicationCredentialID = value("OS_APPLICATION_CREDENTIAL_ID")
        settings.applicationCredentialName = value("OS_APPLICATION_CREDENTIAL_NAME")
        settings.applicationCredentialSecret = value("OS_APPLICATION_CREDENTIAL_SECRET")
        settings.token = value("OS_TOKEN")
        settings.region = value("OS_REGION_NAME")
        settings.interface = value("OS_INTERFACE", "OS_ENDPOINT_TYPE")
        settings.cacert = value("OS_CACERT")
        if let insecure = value("OS_INSECURE") { settings.insecure = ["1", "true", "yes"].contains(insecure.lowercased()) }
        settings.clientCertificate = value("OS_CERT")
        settings.clientKey = value("OS_KEY")
        settings.identityAPIVersion = value("OS_IDENTITY_API_VERSION")
        return settings
    }

    /// These settings, with every unset value taken from `lower`.
    public func merged(over lower: CloudSettings) -> CloudSettings {
        var result = self
        func fill<T>(_ keyPath: WritableKeyPath<CloudSettings, T?>) {
            if result[keyPath: keyPath] == nil { result[keyPath: keyPath] = lower[keyPath: keyPath] }
        }
        fill(\.authURL); fill(\.authType); fill(\.username); fill(\.userID); fill(\.password)
        fill(\.projectName); fill(\.projectID); fill(\.userDomainName); fill(\.userDomainID)
        fill(\.projectDomainName); fill(\.projectDomainID); fill(\.domainName); fill(\.domainID); fill(\.systemScope)
        fill(\.applicationCredentialID); fill(\.applicationCredentialName); fill(\.applicationCredentialSecret)
        fill(\.token); fill(\.region); fill(\.interface); fill(\.cacert); fill(\.insecure)
        fill(\.clientCertificate); fill(\.clientKey); fill(\.identityAPIVersion); fill(\.regions)
        return result
    }

    /// A checked configuration, or an error naming the missing setting.
    ///
    /// - Parameter credentials: false for `--identity caller`: the configuration keeps the
    ///   cloud's URL, region, interface and TLS, with no identity (each request brings one).
    public func resolve(name: String, http: HTTPSettings = .init(), credentials: Bool = true) throws -> CloudConfiguration {
        guard let authURL else {
            throw OpenStackError(
                kind: .configuration, service: "configuration", message: "no auth URL is set",
                nextStep: "pass --auth-url (or set OS_AUTH_URL, e.g. by sourcing an openrc file, or pick a clouds.yaml cloud with --os-cloud / OS_CLOUD), or try --demo")
        }
        try checkIdentityAPIVersion()
        let url = try AuthConfiguration.normalizeAuthURL(authURL)
        let method = credentials ? try authMethod() : .none
        var settings = http
        if let cacert { settings.caCertificatePath = try Self.readableFile(cacert, what: "CA bundle", source: "OS_CACERT / --cacert / cacert") }
        if insecure == true { settings.insecure = true }
        if let clientCertificate {
            settings.clientCertificatePath = try Self.readableFile(
                clientCertificate, what: "client certificate", source: "OS_CERT / --cert / cert")
            settings.clientKeyPath = try clientKey.map {
                try Self.readableFile($0, what: "client key", source: "OS_KEY / --key / key")
            }
        } else if clientKey != nil {
            throw OpenStackError(
                kind: .configuration, service: "configuration", message: "a client key is set but no client certificate",
                nextStep: "set OS_CERT (or --cert, or cert in clouds.yaml) to the certificate that goes with OS_KEY")
        }
        var configuration = CloudConfiguration(
            name: name, auth: AuthConfiguration(authURL: url, method: method, scope: credentials ? scope() : .unscoped),
            region: region, interface: interface ?? "public", http: settings)
        configuration.regions = regions ?? []
        return configuration
    }

    private func checkIdentityAPIVersion() throws {
        guard let version = identityAPIVersion?.trimmingCharacters(in: .whitespaces).lowercased(), !version.isEmpty
        else { return }
        let major = version.hasPrefix("v") ? String(version.dropFirst()) : version
        guard major == "3" || major.hasPrefix("3.") else {
            throw OpenStackError(
                kind: .configuration, service: "configuration",
                message: "identity API version '\(version)' is not supported (only Keystone v3 is)",
                nextStep: "set OS_IDENTITY_API_VERSION=3 (or identity_api_version: 3 in clouds.yaml)")
        }
    }

    /// The path with `~` expanded, if a readable file is there.
    static func readableFile(_ path: String, what: String, source: String) throws -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard FileManager.default.isReadableFile(atPath: expanded) else {
            throw OpenStackError(
                kind: .configuration, service: "configuration",
                message: "the \(what) \(expanded) does not exist or cannot be read",
                nextStep: "fix the path in \(source)")
        }
        return expanded
    }

    private func authMethod() throws -> AuthConfiguration.Method {
        let type = (authType ?? inferredAuthType).lowercased()
        let user = AuthConfiguration.UserReference(
            id: userID, name: username, domainID: userDomainID, domainName: userDomainName)
        switch type {
        case "password", "v3password":
            guard username != nil || userID != nil else { throw missing("a username", flag: "--username", env: "OS_USERNAME") }
            guard let password else { throw missing("a password", flag: "--password-file", env: "OS_PASSWORD") }
            return .password(user: user, password: password)
        case "v3applicationcredential", "applicationcredential", "application_credential":
            guard let secret = applicationCredentialSecret else {
                throw missing("an application credential secret", flag: nil, env: "OS_APPLICATION_CREDENTIAL_SECRET")
            }
            guard applicationCredentialID != nil || applicationCredentialName != nil else {
                throw missing("an application credential ID or name", flag: nil, env: "OS_APPLICATION_CREDENTIAL_ID")
            }
            return .applicationCredential(
                id: applicationCredentialID, name: applicationCredentialName, secret: secret,
                user: applicationCredentialID == nil ? user : nil)
        case "token", "v3token":
            guard let token else { throw missing("a token", flag: nil, env: "OS_TOKEN") }
            return .token(token)
        default:
            throw OpenStackError(
                kind: .configuration, service: "configuration", message: "auth type '\(type)' is not supported",
                nextStep: "use password, v3applicationcredential or token")
        }
    }

    private var inferredAuthType: String {
        if applicationCredentialSecret != nil { return "v3applicationcredential" }
        if token != nil && password == nil { return "token" }
        return "password"
    }

    private func scope() -> AuthConfiguration.Scope {
        if applicationCredentialSecret != nil, authType == nil || authType!.lowercased().contains("application") {
            return .unscoped
        }
        if projectID != nil || projectName != nil {
            return .project(
                id: projectID, name: projectName, domainID: projectDomainID,
                domainName: projectDomainName ?? (projectDomainID == nil ? "Default" : nil))
        }
        if domainID != nil || domainName != nil { return .domain(id: domainID, name: domainName) }
        if let systemScope, !systemScope.isEmpty { return .system }
        return .unscoped
    }

    private func missing(_ what: String, flag: String?, env: String) -> OpenStackError {
        OpenStackError(
            kind: .configuration, service: "configuration", message: "\(what) is needed but not set",
            nextStep: "set \(env)\(flag.map { " or pass \($0)" } ?? "")")
    }
}
