import Foundation

/// Builds a ``DemoData`` from a seed. Split over several files, one per service area.
struct DemoDataGenerator {
    /// Everything the generator produces, before indexing.
    struct Parts {
        var projects: [DemoProject] = []
        var roles: [DemoRole] = []
        var users: [DemoUser] = []
        var applicationCredentials: [DemoApplicationCredential] = []
        var identityServices: [DemoIdentityService] = []
        var endpoints: [DemoEndpoint] = []
        var hosts: [DemoHypervisorHost] = []
        var flavors: [DemoFlavor] = []
        var images: [DemoImage] = []
        var imageMembers: [DemoImageMember] = []
        var imageTasks: [DemoImageTask] = []
        var networks: [DemoNetwork] = []
        var subnets: [DemoSubnet] = []
        var servers: [DemoServer] = []
        var volumes: [DemoVolume] = []
        var computeServices: [DemoComputeService] = []
        var networkAgents: [DemoNetworkAgent] = []
        var volumeServices: [DemoVolumeService] = []
        var neutron = DemoNeutronResources()
    }

    /// 2026-01-15T12:00:00Z: the fixed "now" that creation times count back from.
    static let referenceDate = Date(timeIntervalSince1970: 1_768_478_400)

    var rng: SplitMix64
    /// The seed, for parts drawn from generators of their own.
    let seed: UInt64
    let serverCount: Int
    let reference = DemoDataGenerator.referenceDate
    /// Wall-clock time, used only for service heartbeats.
    let wallClock = Date()
    var parts = Parts()

    init(seed: UInt64, serverCount: Int) {
        rng = SplitMix64(seed: seed)
        self.seed = seed
        self.serverCount = serverCount
    }

    mutating func generate() -> Parts {
        makeIdentity()
        makeHosts()
        makeFlavors()
        makeImages()
        makeNetworks()
        var drafts = makeServerDrafts()
        makeVolumes(attachingTo: &drafts)
        parts.servers = drafts.map { $0.build() }
        makeServices()
        // Last, so that adding Neutron resources leaves every other seeded value unchanged.
        makeNeutronResources()
        makeNetworkScenarios(seed: seed)
        makeNeutronSharing(seed: seed)
        makeImageSharing(seed: seed)
        makeLaterCatalog(seed: seed)
        // After everything seeded from the generator, so RegionOne data stays as it was.
        makeRegionTwoEndpoints()
        // Services added later draw after everything else, so the rest stays as it was.
        makeCatalogEntries(Self.laterCatalog)
        return parts
    }

    /// A time `days` (plus jitter) before the reference date.
    mutating func daysAgo(_ days: Int) -> Date {
        reference.addingTimeInterval(-Double(days * 86_400 + rng.int(86_400)))
    }

    func projectID(named name: String) -> String {
        parts.projects.first { $0.name == name }!.id
    }

    func userID(named name: String) -> String {
        parts.users.first { $0.name == name }!.id
    }

    // MARK: Identity

    /// Catalog services: name, type, description and path on the simulator.
    static let catalog: [(String, String, String, String)] = [
        ("keystone", "identity", "Keystone Identity Service", "/identity/v3"),
        ("nova", "compute", "Nova Compute Service", "/compute/v2.1"),
        ("neutron", "network", "Neutron Service", "/network"),
        ("cinderv3", "volumev3", "Cinder Volume Service V3", "/volume/v3/$(project_id)s"),
        ("cinder", "block-storage", "Cinder Volume Service", "/volume/v3/$(project_id)s"),
        ("glance", "image", "Glance Image Service", "/image"),
        ("placement", "placement", "Placement Service", "/placement"),
        ("heat", "orchestration", "Orchestration Service", "/orchestration/v1/$(project_id)s"),
        ("octavia", "load-balancer", "Octavia Load Balancing Service", "/load-balancer"),
        ("swift", "object-store", "Swift Object Storage Service", "/object-store/v1/AUTH_$(project_id)s"),
    ]

    /// Services of the catalog added after RegionTwo: Barbican and Ironic.
    static let laterCatalog: [(String, String, String, String)] = [
        ("barbican", "key-manager", "Barbican Key Manager Service", "/key-manager"),
        ("ironic", "baremetal", "Ironic Bare Metal Service", "/baremetal"),
    ]

    /// Manila, Gnocchi, Aodh and Designate, added after the seed's values were fixed: their IDs come from a
    /// generator of their own, so that every other seeded value stays as it was (a new service goes last).
    static let sharesAndTelemetryCatalog: [(String, String, String, String)] = [
        ("manilav2", "sharev2", "Manila Shared File Systems Service V2", "/share/v2"),
        ("manila", "shared-file-system", "Manila Shared File Systems Service", "/share/v2"),
        ("gnocchi", "metric", "Gnocchi Metric Service", "/metric"),
        ("aodh", "alarming", "Aodh Alarming Service", "/alarming"),
        ("designate", "dns", "Designate DNS Service", "/dns"),
    ]

    private mutating func makeLaterCatalog(seed: UInt64) {
        var own = SplitMix64(seed: seed ^ 0x4C41_5445_5243)
        for (name, type, description, path) in Self.sharesAndTelemetryCatalog {
            let service = DemoIdentityService(id: own.hex(32), name: name, type: type, description: description, enabled: true)
            parts.identityServices.append(service)
            for interface in ["public", "internal"] {
                parts.endpoints.append(
                    DemoEndpoint(
                        id: own.hex(32), serviceID: service.id, interface: interface, regionID: DemoCloud.region,
                        pathTemplate: path, enabled: true))
            }
        }
    }

    /// RegionTwo: an edge region with Nova, Neutron and Glance under `/region-two/` (Keystone is
    /// shared), but no Cinder and no Placement, so "not in this region" can be seen.
    private mutating func makeRegionTwoEndpoints() {
        for service in parts.identityServices where DemoCloud.regionTwoTypes.contains(service.type) {
            guard let path = Self.catalog.first(where: { $0.0 == service.name })?.3 else { continue }
            let prefixed = service.type == "identity" ? path : "/" + DemoCloud.regionTwoMount + path
            for interface in ["public", "internal"] {
                parts.endpoints.append(
                    DemoEndpoint(
                        id: rng.hex(32), serviceID: service.id, interface: interface, regionID: DemoCloud.regionTwo,
                        pathTemplate: prefixed, enabled: true))
            }
        }
    }

    private mutating func makeIdentity() {
        let domain = DemoCloud.domainID
        let descriptions = [
            "admin": "Bootstrap project for initializing the cloud.",
            "demo": "Demo project for day-to-day workloads.",
            "alt": "Alternate project for a second team.",
        ]
        for name in [DemoCloud.adminProject, DemoCloud.memberProject, DemoCloud.altProject] {
            parts.projects.append(
                DemoProject(id: rng.hex(32), name: name, domainID: domain, description: descriptions[name]!, enabled: true)
            )
        }
        parts.roles = ["admin", "member", "reader"].map { DemoRole(id: rng.hex(32), name: $0) }
        let admin = projectID(named: DemoCloud.adminProject)
        let demo = projectID(named: DemoCloud.memberProject)
        parts.users = [
            DemoUser(
                id: rng.hex(32), name: DemoCloud.adminUser, domainID: domain, password: DemoCloud.adminPassword,
                email: "admin@example.org", enabled: true,
                roleAssignments: [.init(projectID: admin, roleName: "admin"), .init(projectID: demo, roleName: "admin")],
                domainRoles: ["admin"], systemRoles: ["admin"]
            ),
            DemoUser(
                id: rng.hex(32), name: DemoCloud.memberUser, domainID: domain, password: DemoCloud.memberPassword,
                email: "demo@example.org", enabled: true, roleAssignments: [.init(projectID: demo, roleName: "member")]
            ),
            DemoUser(
                id: rng.hex(32), name: DemoCloud.readerUser, domainID: domain, password: DemoCloud.readerPassword,
                email: "reader@example.org", enabled: true, roleAssignments: [.init(projectID: demo, roleName: "reader")]
            ),
        ]
        parts.applicationCredentials = [
            DemoApplicationCredential(
                id: DemoCloud.applicationCredentialID, name: "demo-admin-readonly",
                secret: DemoCloud.applicationCredentialSecret, userID: userID(named: DemoCloud.adminUser),
                projectID: admin, roles: ["admin"], description: "Read-only access for the MCP server"
            ),
            DemoApplicationCredential(
                id: DemoCloud.memberApplicationCredentialID, name: "demo-ci",
                secret: DemoCanaries.memberApplicationCredentialSecret, userID: userID(named: DemoCloud.memberUser),
                projectID: demo, roles: ["member"], description: "CI pipeline of the demo team",
                expiresAt: "2027-01-15T12:00:00.000000",
                accessRules: [(service: "compute", method: "GET", path: "/v2.1/servers")]
            ),
        ]
        makeCatalogEntries(Self.catalog)
    }

    private mutating func makeCatalogEntries(_ entries: [(String, String, String, String)]) {
        for (name, type, description, path) in entries {
            let service = DemoIdentityService(id: rng.hex(32), name: name, type: type, description: description, enabled: true)
            parts.identityServices.append(service)
            for interface in ["public", "internal"] {
                parts.endpoints.append(
                    DemoEndpoint(
                        id: rng.hex(32), serviceID: service.id, interface: interface, regionID: DemoCloud.region,
                        pathTemplate: path, enabled: true
                    )
                )
            }
        }
    }
}
