import Foundation

extension CloudSettings {
    /// One setting as users name it: its clouds.yaml key and its OS_* variable.
    public struct Field {
        /// The clouds.yaml key, e.g. `auth_url` (also the label in `--check-config`).
        public let key: String
        /// The environment variables that set it, preferred first.
        public let environment: [String]
        /// True for passwords, secrets and tokens: shown only as masked.
        public let isSecret: Bool
        let keyPath: WritableKeyPath<CloudSettings, String?>
    }

    /// Every text setting, in the order `--check-config` prints them.
    public static var fields: [Field] {
        [
            Field(key: "auth_url", environment: ["OS_AUTH_URL"], isSecret: false, keyPath: \.authURL),
            Field(key: "auth_type", environment: ["OS_AUTH_TYPE"], isSecret: false, keyPath: \.authType),
            Field(key: "username", environment: ["OS_USERNAME"], isSecret: false, keyPath: \.username),
            Field(key: "user_id", environment: ["OS_USER_ID"], isSecret: false, keyPath: \.userID),
            Field(key: "password", environment: ["OS_PASSWORD"], isSecret: true, keyPath: \.password),
            Field(key: "user_domain_name", environment: ["OS_USER_DOMAIN_NAME"], isSecret: false, keyPath: \.userDomainName),
            Field(key: "user_domain_id", environment: ["OS_USER_DOMAIN_ID"], isSecret: false, keyPath: \.userDomainID),
            Field(key: "project_name", environment: ["OS_PROJECT_NAME", "OS_TENANT_NAME"], isSecret: false, keyPath: \.projectName),
            Field(key: "project_id", environment: ["OS_PROJECT_ID", "OS_TENANT_ID"], isSecret: false, keyPath: \.projectID),
            Field(key: "project_domain_name", environment: ["OS_PROJECT_DOMAIN_NAME"], isSecret: false, keyPath: \.projectDomainName),
            Field(key: "project_domain_id", environment: ["OS_PROJECT_DOMAIN_ID"], isSecret: false, keyPath: \.projectDomainID),
            Field(key: "domain_name", environment: ["OS_DOMAIN_NAME"], isSecret: false, keyPath: \.domainName),
            Field(key: "domain_id", environment: ["OS_DOMAIN_ID"], isSecret: false, keyPath: \.domainID),
            Field(key: "system_scope", environment: ["OS_SYSTEM_SCOPE"], isSecret: false, keyPath: \.systemScope),
            Field(key: "application_credential_id", environment: ["OS_APPLICATION_CREDENTIAL_ID"], isSecret: false, keyPath: \.applicationCredentialID),
            Field(key: "application_credential_name", environment: ["OS_APPLICATION_CREDENTIAL_NAME"], isSecret: false, keyPath: \.applicationCredentialName),
            Field(key: "application_credential_secret", environment: ["OS_APPLICATION_CREDENTIAL_SECRET"], isSecret: true, keyPath: \.applicationCredentialSecret),
            Field(key: "token", environment: ["OS_TOKEN"], isSecret: true, keyPath: \.token),
            Field(key: "region_name", environment: ["OS_REGION_NAME"], isSecret: false, keyPath: \.region),
            Field(key: "interface", environment: ["OS_INTERFACE", "OS_ENDPOINT_TYPE"], isSecret: false, keyPath: \.interface),
            Field(key: "identity_api_version", environment: ["OS_IDENTITY_API_VERSION"], isSecret: false, keyPath: \.identityAPIVersion),
            Field(key: "cacert", environment: ["OS_CACERT"], isSecret: false, keyPath: \.cacert),
            Field(key: "cert", environment: ["OS_CERT"], isSecret: false, keyPath: \.clientCertificate),
            Field(key: "key", environment: ["OS_KEY"], isSecret: false, keyPath: \.clientKey),
        ]
    }

    /// The value of a field as shown to a user: a secret is only ever shown as `****`.
    public func display(_ field: Field) -> String? {
        guard let value = self[keyPath: field.keyPath] else { return nil }
        return field.isSecret ? "**** (set, not shown)" : value
    }

    /// The setting of `field`.
    public func value(of field: Field) -> String? { self[keyPath: field.keyPath] }

    /// True when the environment holds a setting (not just a selector such as OS_CLOUD or
    /// OS_REGION_NAME), so that it describes a cloud of its own, as openstacksdk's `envvars`.
    public static func environmentDescribesCloud(_ environment: [String: String]) -> Bool {
        let selectors: Set<String> = ["OS_REGION_NAME"]
        let names = fields.flatMap(\.environment).filter { !selectors.contains($0) } + ["OS_INSECURE"]
        return names.contains { !(environment[$0] ?? "").isEmpty }
    }

    /// Settings that name one thing together. When a higher layer sets any of a group, the lower
    /// layer's whole group is dropped: OS_PROJECT_NAME must not be paired with a project_id from
    /// clouds.yaml, nor OS_DOMAIN_NAME (a domain scope) with a project scope from a lower layer.
    static var groups: [[WritableKeyPath<CloudSettings, String?>]] {
        [
            [\.username, \.userID],
            [\.projectName, \.projectID, \.domainName, \.domainID, \.systemScope],
            [\.userDomainName, \.userDomainID],
            [\.projectDomainName, \.projectDomainID],
            [\.applicationCredentialID, \.applicationCredentialName],
        ]
    }

    /// The auth method these settings would pick by themselves: an explicit type, else the credential.
    var methodHint: String? {
        if let authType { return authType }
        if applicationCredentialSecret != nil { return "v3applicationcredential" }
        if token != nil && password == nil { return "token" }
        if password != nil { return "password" }
        return nil
    }

    /// Layers, highest first, merged with two rules beyond "the higher layer wins per setting":
    /// - a group of settings that name one thing (see `groups`) is taken whole from one layer;
    /// - an explicit auth type wins from the highest layer that has one; without any, the
    ///   credential given at the highest layer picks the method (OS_TOKEN over a clouds.yaml password).
    public static func layered(_ layers: [CloudSettings]) -> CloudSettings {
        var result = CloudSettings()
        for layer in layers {
            var lower = layer
            for group in groups where group.contains(where: { result[keyPath: $0] != nil }) {
                for path in group { lower[keyPath: path] = nil }
            }
            result = result.merged(over: lower)
        }
        result.authType = layers.lazy.compactMap(\.authType).first ?? layers.lazy.compactMap(\.methodHint).first
        return result
    }
}
