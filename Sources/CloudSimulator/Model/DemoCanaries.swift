import Foundation

/// Unique strings the demo cloud plants wherever a real cloud keeps a secret: user data, Swift's
/// TempURL and sync keys, Glance's backend locations, a volume attachment's CHAP credentials and
/// URLs with credentials in them. None may ever appear in an answer or a log line of the server,
/// plain or encoded; the tests look for each.
public enum DemoCanaries {
    /// Every canary starts with this.
    public static let prefix = "osmcpcanary"

    public static let userDataPassword = "osmcpcanary-demo-userdata-password"
    public static let accountTempURLKey = "osmcpcanary-demo-account-tempurl-1"
    public static let accountTempURLKey2 = "osmcpcanary-demo-account-tempurl-2"
    public static let containerTempURLKey = "osmcpcanary-demo-container-tempurl"
    public static let containerSyncKey = "osmcpcanary-demo-container-synckey"
    public static let objectMetadataURL = "osmcpcanary-demo-object-meta-url"
    public static let imageLocation = "osmcpcanary-demo-glance-location"
    public static let imageSourceURL = "osmcpcanary-demo-image-source-url"
    public static let chapUsername = "osmcpcanary-demo-chap-username"
    public static let chapPassword = "osmcpcanary-demo-chap-password"
    /// The secrets of the demo's application credentials (the admin's, which the server may
    /// authenticate with, and the demo user's).
    public static let applicationCredentialSecret = "osmcpcanary-demo-appcred-secret"
    public static let memberApplicationCredentialSecret = "osmcpcanary-demo-appcred-ci-secret"

    /// What the demo servers' consoles print: a password cloud-init echoes, a private key
    /// block, an API token and a generated password (`get_instance_console_log` must mask each).
    public static let consolePassword = "osmcpcanary-demo-console-password"
    public static let consolePrivateKey = "osmcpcanary-demo-console-privatekey"
    public static let consoleToken = "osmcpcanary-demo-console-token"
    public static let consoleRandomPassword = "osmcpcanary-demo-console-chpasswd"

    /// The default of a hidden parameter in a demo stack's template.
    public static let stackTemplateDefault = "osmcpcanary-demo-heat-hidden-default"

    /// Barbican payloads (what `/payload` would return) and BMC passwords in Ironic's driver_info.
    public static let secretPayloads = [
        "osmcpcanary-demo-barbican-payload-tls-cert", "osmcpcanary-demo-barbican-payload-tls-key",
        "osmcpcanary-demo-barbican-payload-db-password", "osmcpcanary-demo-barbican-payload-backup-key",
        "osmcpcanary-demo-barbican-payload-admin-kek",
    ]
    public static let ipmiPassword = "osmcpcanary-demo-ipmi-password"
    public static let redfishPassword = "osmcpcanary-demo-redfish-password"
    public static let ipmiKGKey = "osmcpcanary-demo-ipmi-kg-key"

    public static let all = secretPayloads + [ipmiPassword, redfishPassword, ipmiKGKey] + [
        userDataPassword, accountTempURLKey, accountTempURLKey2, containerTempURLKey, containerSyncKey,
        objectMetadataURL, imageLocation, imageSourceURL, chapUsername, chapPassword, applicationCredentialSecret,
        memberApplicationCredentialSecret, consolePassword, consolePrivateKey, consoleToken, consoleRandomPassword,
        stackTemplateDefault,
    ]

    /// A server's user data: a cloud-config with a password, base64 as Nova answers it.
    public static let userData = Data("#cloud-config\nchpasswd:\n  list: |\n    root:\(userDataPassword)\n".utf8).base64EncodedString()

    /// Where Glance keeps an image in a Swift store, with the store's credentials in the URL.
    static func imageLocationURL(imageID: String) -> String {
        "swift+https://glance:\(imageLocation)@swift.example.com:8080/v1/AUTH_glance/images/\(imageID)"
    }

    /// Where an image was built from: a URL with a password in it, in an ordinary property.
    static func imageSourceURL(name: String) -> String {
        "https://builder:\(imageSourceURL)@images.example.com/\(name).qcow2"
    }

    /// An object's custom metadata naming where it came from, with credentials in the URL.
    static let objectOrigin = ("Origin", "https://backup:\(objectMetadataURL)@vault.example.com/nightly")
}
