/// Fixed names and secrets of the demo cloud.
extension DemoCloud {
    /// Admin user name (`admin` role on projects `admin` and `demo`).
    public static let adminUser = "admin"
    /// Password of ``adminUser``.
    public static let adminPassword = "demo-admin-secret"
    /// Member user name (`member` role on project `demo`).
    public static let memberUser = "demo"
    /// Password of ``memberUser``.
    public static let memberPassword = "demo-member-secret"
    /// Reader user name (`reader` role on project `demo`).
    public static let readerUser = "demo_reader"
    /// Password of ``readerUser``.
    public static let readerPassword = "demo-reader-secret"
    /// Admin project name.
    public static let adminProject = "admin"
    /// Demo (member) project name.
    public static let memberProject = "demo"
    /// Third project, owned by nobody but the admin.
    public static let altProject = "alt"
    /// Domain name.
    public static let domainName = "Default"
    /// Domain id.
    public static let domainID = "default"
    /// Region name (every service).
    public static let region = "RegionOne"
    /// Second region: Keystone, Nova, Neutron and Glance only (no Cinder, no Placement), with a
    /// quarter of the servers.
    public static let regionTwo = "RegionTwo"
    /// Catalog types offered in ``regionTwo``.
    public static let regionTwoTypes: Set<String> = ["identity", "compute", "network", "image"]
    /// Path prefix of RegionTwo's endpoints on the simulator.
    static let regionTwoMount = "region-two"
    /// Application credential id (user `admin`, project `admin`).
    public static let applicationCredentialID = "democred-admin"
    /// Application credential secret.
    public static let applicationCredentialSecret = DemoCanaries.applicationCredentialSecret
    /// Application credential id of user `demo` (project `demo`).
    public static let memberApplicationCredentialID = "democred-demo-ci"
    /// Keystone identity provider of the demo's federation (OAuth access tokens whose `sub` is a demo user).
    public static let federationIdentityProvider = "demo-idp"
    /// Its federation protocol.
    public static let federationProtocol = "openid"
}
