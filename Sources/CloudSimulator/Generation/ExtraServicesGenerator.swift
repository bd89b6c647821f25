import Foundation

/// Heat stacks, Octavia balancers and Swift accounts tied to the demo servers: a stack that made
/// web servers, one that made a server and then failed on its volume, one whose nested group
/// failed to boot; a balancer over the web servers with one member down, and `diag-lb`, whose one
/// member points at an address no port holds; containers of backups and logs. The same seed
/// gives the same data.
struct ExtraServicesGenerator {
    private var rng: SplitMix64
    private let reference = DemoDataGenerator.referenceDate
    private let servers: [DemoServer]
    private let ports: [DemoPort]
    private let subnets: [DemoSubnet]
    private let projects: [DemoProject]
    private var result = DemoExtraServices()

    init(seed: UInt64, servers: [DemoServer], ports: [DemoPort], subnets: [DemoSubnet], projects: [DemoProject]) {
        rng = SplitMix64(seed: seed ^ 0x4E57_5357_4946_5421)
        self.servers = servers
        self.ports = ports
        self.subnets = subnets
        self.projects = projects
    }

    mutating func generate() -> DemoExtraServices {
        guard let admin = projects.first(where: { $0.name == DemoCloud.adminProject }),
            let member = projects.first(where: { $0.name == DemoCloud.memberProject })
        else { return result }
        makeStacks(project: member.id)
        makeBalancers(project: member.id)
        makeAccounts(admin: admin.id, member: member.id)
        // Last, so that every value drawn before it stays as it was.
        makeStrayMemberBalancer(project: member.id)
        return result
    }

    private func time(_ hoursAgo: Double) -> Date { reference.addingTimeInterval(-hoursAgo * 3600) }

    /// A server of the project that failed with "No valid host", or `fallback` (drawn either way,
    /// so the values seeded after it stay the same).
    private func unscheduledServer(project: String, else fallback: String) -> String {
        servers.first { $0.projectID == project && $0.fault?.message.hasPrefix("No valid host") == true }?.id ?? fallback
    }

    private func webServers(_ count: Int, project: String) -> [DemoServer] {
        let own = servers.filter { $0.projectID == project && $0.status == "ACTIVE" }
        let web = own.filter { $0.name.hasPrefix("web-") }
        return Array((web.isEmpty ? own : web).prefix(count))
    }

    // MARK: Heat

    private mutating func makeStacks(project: String) {
        let web = webServers(3, project: project)
        let webStack = rng.uuid()
        var resources = web.enumerated().map { index, server in
            resource("web_server_\(index)", "OS::Nova::Server", "COMPLETE", "state changed", server.id, hoursAgo: 70)
        }
        let monitoringID = rng.uuid()
        resources.append(resource("monitoring", "OS::Heat::Stack", "COMPLETE", "state changed", monitoringID, hoursAgo: 70, nested: monitoringID))
        resources.append(resource("web_secgroup", "OS::Neutron::SecurityGroup", "COMPLETE", "state changed", rng.uuid(), hoursAgo: 71))
        let monitoringResources = [
            resource("alarm_topic", "OS::Heat::RandomString", "COMPLETE", "state changed", "monitoring-topic-\(rng.hex(6))", hoursAgo: 70),
        ]
        let ips = web.compactMap { server in ports.first { $0.deviceID == server.id }?.fixedIPs.first?.ipAddress }
        addStack(
            id: webStack, name: "web-tier", project: project, status: "COMPLETE", reason: "Stack CREATE completed successfully",
            hoursAgo: 72, resources: resources,
            outputs: [("web_ips", .strings(ips), "Fixed IPs of the web servers"), ("server_count", .int(web.count), "")],
            parameters: [("flavor", "m1.small"), ("server_count", String(web.count)), ("admin_password", "******")])
        addStack(
            id: monitoringID, name: "web-tier-monitoring-\(rng.hex(12))", project: project, status: "COMPLETE",
            reason: "Stack CREATE completed successfully", hoursAgo: 70, resources: monitoringResources, outputs: [],
            parameters: [], parent: (webStack, "monitoring"))

        // A server was made, then the volume failed: the classic half-built stack.
        let dbServer = webServers(4, project: project).last?.id ?? rng.uuid()
        let volumeReason = "ResourceInError: resources.db_volume: Went to status error due to \"Unknown\""
        addStack(
            id: rng.uuid(), name: "db-tier", project: project, status: "FAILED",
            reason: "Resource CREATE failed: \(volumeReason)", hoursAgo: 30,
            resources: [
                resource("db_server", "OS::Nova::Server", "COMPLETE", "state changed", dbServer, hoursAgo: 30),
                resource("db_volume", "OS::Cinder::Volume", "FAILED", volumeReason, rng.uuid(), hoursAgo: 29.9),
                resource("db_attachment", "OS::Cinder::VolumeAttachment", "INIT", "", "", hoursAgo: 30),
            ],
            outputs: [("db_address", .null, "Address of the database")],
            parameters: [("volume_size", "100"), ("db_password", "******")])

        // A nested group whose member could not be scheduled: the parent only repeats the reason.
        let appStack = rng.uuid()
        let groupID = rng.uuid()
        let hostReason = "ResourceInError: resources[0]: Went to status ERROR due to \"Message: No valid host was found. , Code: 500\""
        addStack(
            id: appStack, name: "app-tier", project: project, status: "FAILED",
            reason: "Resource CREATE failed: \(hostReason)", hoursAgo: 6,
            resources: [resource("app_group", "OS::Heat::ResourceGroup", "FAILED", hostReason, groupID, hoursAgo: 6, nested: groupID)],
            outputs: [], parameters: [("count", "2"), ("flavor", "m1.xlarge")])
        addStack(
            id: groupID, name: "app-tier-app_group-\(rng.hex(12))", project: project, status: "FAILED",
            reason: "Resource CREATE failed: \(hostReason)", hoursAgo: 6,
            resources: [
                // The failed member is a server in ERROR of the demo cloud, so describe_stack can diagnose it.
                resource("0", "OS::Nova::Server", "FAILED", hostReason.replacingOccurrences(of: "resources[0]", with: "resources.0"),
                         unscheduledServer(project: project, else: rng.uuid()), hoursAgo: 5.9),
                resource("1", "OS::Nova::Server", "COMPLETE", "state changed", rng.uuid(), hoursAgo: 5.9),
            ],
            outputs: [], parameters: [], parent: (appStack, "app_group"))
        result.stacks.sort { $0.createdAt > $1.createdAt }
    }

    private mutating func resource(
        _ name: String, _ type: String, _ status: String, _ reason: String, _ physical: String, hoursAgo: Double, nested: String? = nil
    ) -> DemoStackResource {
        DemoStackResource(
            name: name, type: type, action: "CREATE", status: status, reason: reason, physicalID: physical,
            updatedAt: time(hoursAgo), nestedStackID: nested)
    }

    private mutating func addStack(
        id: String, name: String, project: String, status: String, reason: String, hoursAgo: Double,
        resources: [DemoStackResource], outputs: [(String, JSON, String)], parameters: [(String, String)],
        parent: (id: String, resource: String)? = nil
    ) {
        var events: [DemoStackEvent] = []
        for resource in resources where resource.status != "INIT" {
            events.append(event(resource.name, "", "IN_PROGRESS", "state changed", resource.updatedAt.addingTimeInterval(-60)))
            events.append(event(resource.name, resource.physicalID, resource.status, resource.reason, resource.updatedAt))
        }
        events.insert(event(name, id, "IN_PROGRESS", "Stack CREATE started", time(hoursAgo)), at: 0)
        events.append(event(name, id, status, reason, time(hoursAgo).addingTimeInterval(300)))
        result.stacks.append(
            DemoStack(
                id: id, name: name, projectID: project, action: "CREATE", status: status, reason: reason,
                createdAt: time(hoursAgo), parentID: parent?.id, parentResource: parent?.resource,
                outputs: outputs.map { (key: $0.0, value: $0.1, description: $0.2) },
                parameters: [("OS::stack_name", name), ("OS::stack_id", id), ("OS::project_id", project)] + parameters,
                resources: resources, events: events.sorted { $0.time < $1.time }))
    }

    private mutating func event(_ resource: String, _ physical: String, _ status: String, _ reason: String, _ time: Date) -> DemoStackEvent {
        DemoStackEvent(id: rng.uuid(), resourceName: resource, physicalID: physical, action: "CREATE", status: status, reason: reason, time: time)
    }

    // MARK: Octavia

    /// The subnet of the first web server's port: where the balancers sit.
    private func balancerSubnet(project: String) -> String? {
        webServers(1, project: project).first.flatMap { server in ports.first { $0.deviceID == server.id }?.fixedIPs.first?.subnetID }
    }

    /// Each server as a member target: its name and the first address of its port.
    private func targets(_ servers: [DemoServer]) -> [(name: String, address: String)] {
        servers.enumerated().map { index, server in
            (server.name, ports.first { $0.deviceID == server.id }?.fixedIPs.first?.ipAddress ?? "10.0.0.\(10 + index)")
        }
    }

    private mutating func makeBalancers(project: String) {
        let web = webServers(3, project: project)
        let subnet = balancerSubnet(project: project) ?? subnets.first?.id ?? rng.uuid()
        balancer(
            name: "web-lb", project: project, subnet: subnet, listener: ("web-http", "HTTP", 80), pool: ("web-pool", "ROUND_ROBIN"),
            monitor: ("HTTP", "/healthz"), members: targets(web), downIndex: web.count > 1 ? web.count - 1 : nil, hoursAgo: 60)
        balancer(
            name: "api-lb", project: project, subnet: subnet, listener: ("api-tls", "TCP", 443), pool: ("api-pool", "LEAST_CONNECTIONS"),
            monitor: ("TCP", nil), members: targets(Array(web.prefix(2))), downIndex: nil, hoursAgo: 40)
    }

    /// `diag-lb`: a balancer whose one member points at an address on the balancers' subnet that
    /// no port holds (a server deleted and its member left behind), so the member is in ERROR.
    private mutating func makeStrayMemberBalancer(project: String) {
        guard let subnetID = balancerSubnet(project: project) ?? subnets.first?.id,
            let subnet = subnets.first(where: { $0.id == subnetID }),
            let address = Self.unheldAddress(in: subnet.cidr, held: Set(ports.flatMap { $0.fixedIPs.map(\.ipAddress) }))
        else { return }
        balancer(
            name: "diag-lb", project: project, subnet: subnetID, listener: ("diag-http", "HTTP", 80), pool: ("diag-pool", "ROUND_ROBIN"),
            monitor: ("HTTP", "/"), members: [("diag-deleted-backend", address)], downIndex: 0, hoursAgo: 20)
    }

    /// The highest IPv4 host address of `cidr` (below the last five) that no port holds.
    static func unheldAddress(in cidr: String, held: Set<String>) -> String? {
        let parts = cidr.split(separator: "/")
        let octets = parts.first?.split(separator: ".").compactMap { UInt32($0) } ?? []
        guard parts.count == 2, octets.count == 4, let length = UInt32(parts[1]), (8...29).contains(length) else { return nil }
        let base = octets.reduce(0) { $0 << 8 | $1 } & ~((1 << (32 - length)) - 1)
        let top = base + (1 << (32 - length)) - 6
        for value in stride(from: top, to: base + 1, by: -1) {
            let text = [24, 16, 8, 0].map { String(value >> UInt32($0) & 0xFF) }.joined(separator: ".")
            if !held.contains(text) { return text }
        }
        return nil
    }

    private mutating func balancer(
        name: String, project: String, subnet: String, listener: (String, String, Int), pool: (String, String),
        monitor: (String, String?), members: [(name: String, address: String)], downIndex: Int?, hoursAgo: Double
    ) {
        let lbID = rng.uuid(), listenerID = rng.uuid(), poolID = rng.uuid(), monitorID = rng.uuid()
        let created = Timestamp.format(time(hoursAgo), .plain)
        let degraded = downIndex != nil
        let vipPort = rng.uuid()
        let vip = "10.0.\(rng.int(in: 1...9)).\(rng.int(in: 100...199))"
        let status = degraded ? "DEGRADED" : "ONLINE"
        // Octavia's health monitors are the one kind without a description.
        let common: (Bool) -> [JSONMember] = { described in
            [
                JSONMember(key: "project_id", value: .string(project)), JSONMember(key: "tenant_id", value: .string(project)),
                JSONMember(key: "created_at", value: .string(created)), JSONMember(key: "updated_at", value: .string(created)),
                JSONMember(key: "provisioning_status", value: "ACTIVE"), JSONMember(key: "admin_state_up", value: true),
                JSONMember(key: "tags", value: .array([])),
            ] + (described ? [JSONMember(key: "description", value: "")] : [])
        }
        // Every TLS, ALPN and client-auth field a real Octavia (19.x) lists, all unset here.
        let unset = { (keys: [String]) -> [JSONMember] in keys.map { JSONMember(key: $0, value: nil) } }
        let ref = { (id: String) -> JSON in .array([["id": .string(id)]]) }
        var memberIDs: [String] = []
        for (index, target) in members.enumerated() {
            let id = rng.uuid()
            memberIDs.append(id)
            let body = JSON.object(common(true) + [
                JSONMember(key: "id", value: .string(id)), JSONMember(key: "name", value: .string(target.name)),
                JSONMember(key: "address", value: .string(target.address)), JSONMember(key: "protocol_port", value: .int(listener.2 == 443 ? 8443 : 8080)),
                JSONMember(key: "weight", value: 1), JSONMember(key: "subnet_id", value: .string(subnet)),
                JSONMember(key: "operating_status", value: index == downIndex ? "ERROR" : "ONLINE"), JSONMember(key: "backup", value: false),
                JSONMember(key: "monitor_address", value: nil), JSONMember(key: "monitor_port", value: nil),
            ])
            result.members.append(DemoOctaviaObject(id: id, projectID: project, parentID: poolID, body: body))
        }
        result.loadBalancers.append(DemoOctaviaObject(id: lbID, projectID: project, parentID: nil, body: .object(common(true) + [
            JSONMember(key: "id", value: .string(lbID)), JSONMember(key: "name", value: .string(name)),
            JSONMember(key: "vip_address", value: .string(vip)), JSONMember(key: "vip_port_id", value: .string(vipPort)),
            JSONMember(key: "vip_subnet_id", value: .string(subnet)), JSONMember(key: "vip_network_id", value: .string(rng.uuid())),
            JSONMember(key: "vip_qos_policy_id", value: nil), JSONMember(key: "flavor_id", value: nil),
            JSONMember(key: "availability_zone", value: nil), JSONMember(key: "provider", value: "amphora"),
            JSONMember(key: "operating_status", value: .string(status)),
            JSONMember(key: "listeners", value: ref(listenerID)), JSONMember(key: "pools", value: ref(poolID)),
            JSONMember(key: "additional_vips", value: .array([])), JSONMember(key: "vip_sg_ids", value: .array([])),
            JSONMember(key: "vip_vnic_type", value: "normal"),
        ])))
        result.listeners.append(DemoOctaviaObject(id: listenerID, projectID: project, parentID: lbID, body: .object(common(true) + [
            JSONMember(key: "id", value: .string(listenerID)), JSONMember(key: "name", value: .string(listener.0)),
            JSONMember(key: "protocol", value: .string(listener.1)), JSONMember(key: "protocol_port", value: .int(listener.2)),
            JSONMember(key: "connection_limit", value: -1), JSONMember(key: "default_pool_id", value: .string(poolID)),
            JSONMember(key: "loadbalancers", value: ref(lbID)), JSONMember(key: "operating_status", value: .string(status)),
            JSONMember(key: "timeout_client_data", value: 50000), JSONMember(key: "insert_headers", value: [:]),
            JSONMember(key: "timeout_member_connect", value: 5000), JSONMember(key: "timeout_member_data", value: 50000),
            JSONMember(key: "timeout_tcp_inspect", value: 0), JSONMember(key: "client_authentication", value: "NONE"),
            JSONMember(key: "hsts_include_subdomains", value: false), JSONMember(key: "hsts_preload", value: false),
            JSONMember(key: "l7policies", value: .array([])), JSONMember(key: "sni_container_refs", value: .array([])),
        ] + unset([
            "allowed_cidrs", "alpn_protocols", "client_ca_tls_container_ref", "client_crl_container_ref",
            "default_tls_container_ref", "hsts_max_age", "tls_ciphers", "tls_versions",
        ]))))
        result.pools.append(DemoOctaviaObject(id: poolID, projectID: project, parentID: lbID, body: .object(common(true) + [
            JSONMember(key: "id", value: .string(poolID)), JSONMember(key: "name", value: .string(pool.0)),
            JSONMember(key: "protocol", value: .string(listener.1)), JSONMember(key: "lb_algorithm", value: .string(pool.1)),
            JSONMember(key: "session_persistence", value: nil), JSONMember(key: "healthmonitor_id", value: .string(monitorID)),
            JSONMember(key: "loadbalancers", value: ref(lbID)), JSONMember(key: "listeners", value: ref(listenerID)),
            JSONMember(key: "members", value: .array(memberIDs.map { ["id": .string($0)] })),
            JSONMember(key: "operating_status", value: .string(status)), JSONMember(key: "tls_enabled", value: false),
        ] + unset(["alpn_protocols", "ca_tls_container_ref", "crl_container_ref", "tls_ciphers", "tls_container_ref", "tls_versions"]))))
        result.healthMonitors.append(DemoOctaviaObject(id: monitorID, projectID: project, parentID: poolID, body: .object(common(false) + [
            JSONMember(key: "id", value: .string(monitorID)), JSONMember(key: "name", value: .string(pool.0 + "-monitor")),
            JSONMember(key: "type", value: .string(monitor.0)), JSONMember(key: "delay", value: 5), JSONMember(key: "timeout", value: 3),
            JSONMember(key: "max_retries", value: 3), JSONMember(key: "max_retries_down", value: 3),
            JSONMember(key: "http_method", value: monitor.1 == nil ? nil : "GET"), JSONMember(key: "url_path", value: .str(monitor.1)),
            JSONMember(key: "expected_codes", value: monitor.1 == nil ? nil : "200"),
            JSONMember(key: "pools", value: ref(poolID)), JSONMember(key: "operating_status", value: "ONLINE"),
        ] + unset(["domain_name", "http_version"]))))
        let amphoraID = rng.uuid()
        result.amphorae.append(DemoOctaviaObject(id: amphoraID, projectID: "", parentID: lbID, body: [
            "id": .string(amphoraID), "loadbalancer_id": .string(lbID), "compute_id": .string(rng.uuid()),
            "lb_network_ip": .string("172.24.\(rng.int(in: 0...3)).\(rng.int(in: 2...250))"), "vrrp_ip": .string(vip),
            "ha_ip": .string(vip), "vrrp_port_id": .string(rng.uuid()), "ha_port_id": .string(vipPort),
            "cert_expiration": .string(Timestamp.format(time(-24 * 700), .plain)), "cert_busy": false, "role": "STANDALONE",
            "status": "ALLOCATED", "vrrp_interface": nil, "vrrp_id": 1, "vrrp_priority": nil, "cached_zone": "nova",
            "created_at": .string(created), "updated_at": .string(created), "image_id": .string(rng.uuid()),
            "compute_flavor": .string(rng.uuid()),
        ]))
    }

    // MARK: Swift

    private mutating func makeAccounts(admin: String, member: String) {
        func object(_ name: String, _ bytes: Int, _ type: String, _ hoursAgo: Double, _ metadata: [(String, String)] = []) -> DemoObject {
            DemoObject(name: name, bytes: bytes, contentType: type, hash: rng.hex(32), lastModified: time(hoursAgo), metadata: metadata)
        }
        let backups = DemoContainer(name: "backups", objects: [
            object("db/2026-11-01.sql", 52_428_800, "application/sql", 24 * 40, [("Source", "db-tier"), ("Retention-Days", "90")]),
            object("db/2026-11-02.sql", 53_477_376, "application/sql", 24 * 39),
            object("db/2026-11-03.sql", 54_001_664, "application/sql", 24 * 38),
            object("web/index.html", 4_096, "text/html", 24 * 30),
            object("web/static/app.js", 181_224, "application/javascript", 24 * 30),
        ])
        let logs = DemoContainer(name: "logs", objects: (1...6).map { day in
            object("nova/compute-1/2026-11-0\(day).log.gz", 1_048_576 * day, "application/gzip", Double(24 * (10 - day)))
        })
        result.accounts[admin] = DemoAccount(
            quotaBytes: 1_073_741_824, containers: [backups, logs], createdAt: time(24 * 90))
        let assets = DemoContainer(name: "assets", objects: [
            object("css/site.css", 20_480, "text/css", 100), object("img/logo.png", 65_536, "image/png", 100),
        ])
        result.accounts[member] = DemoAccount(
            quotaBytes: nil, containers: [assets, DemoContainer(name: "empty", objects: [])], createdAt: time(24 * 60))
    }
}
