import Foundation

/// Barbican and Ironic data tied to the demo cloud: the demo project's TLS certificate (expiring
/// within a week of the wall clock, so that "expires within 7 days" finds it whenever the demo
/// runs), its key, a database password shared with one user by ACL, a backup key made by an
/// order, a certificate order that failed, a certificate container; bare-metal nodes with BMC
/// credentials (canaries), one serving a demo server, one in maintenance after a power failure,
/// one that failed cleaning; ports, a bond, allocations, conductors (one dead) and drivers.
struct KeyManagerBaremetalGenerator {
    private var rng: SplitMix64
    private let reference = DemoDataGenerator.referenceDate
    private let now: Date
    private let servers: [DemoServer]
    private let projects: [DemoProject]
    private let users: [DemoUser]

    init(seed: UInt64, now: Date, servers: [DemoServer], projects: [DemoProject], users: [DemoUser]) {
        rng = SplitMix64(seed: seed ^ 0x4B45_594D_4752_4221)
        self.now = now
        self.servers = servers
        self.projects = projects
        self.users = users
    }

    mutating func generate() -> (DemoKeyManager, DemoBaremetal) {
        guard let admin = projects.first(where: { $0.name == DemoCloud.adminProject }),
            let member = projects.first(where: { $0.name == DemoCloud.memberProject })
        else { return (DemoKeyManager(), DemoBaremetal()) }
        return (makeKeyManager(admin: admin.id, member: member.id), makeBaremetal(member: member.id))
    }

    private func time(_ hoursAgo: Double) -> String {
        Timestamp.format(reference.addingTimeInterval(-hoursAgo * 3600), .microseconds)
    }

    // MARK: Barbican

    private mutating func makeKeyManager(admin: String, member: String) -> DemoKeyManager {
        var result = DemoKeyManager()
        let creator = users.first { $0.name == DemoCloud.memberUser }?.id ?? rng.hex(32)
        let adminUser = users.first { $0.name == DemoCloud.adminUser }?.id ?? rng.hex(32)
        let reader = users.first { $0.name != DemoCloud.memberUser && $0.name != DemoCloud.adminUser }?.id ?? creator
        let payloads = DemoCanaries.secretPayloads
        // (name, type, algorithm, bits, mode, expires in days from now, project, payload, content type)
        let specs: [(String, String, String?, Int?, String?, Double?, String, String, String)] = [
            ("web-tls-cert", "certificate", "rsa", 2048, nil, 5, member, payloads[0], "application/pkix-cert"),
            ("web-tls-key", "private", "rsa", 2048, nil, nil, member, payloads[1], "application/pkcs8"),
            ("db-password", "passphrase", nil, nil, nil, 90, member, payloads[2], "text/plain"),
            ("backup-encryption-key", "symmetric", "aes", 256, "cbc", -30, member, payloads[3], "application/octet-stream"),
            ("admin-kek", "symmetric", "aes", 256, "xts", 365, admin, payloads[4], "application/octet-stream"),
        ]
        for (index, spec) in specs.enumerated() {
            let id = rng.uuid()
            let expires = spec.5.map { now.addingTimeInterval($0 * 86_400) }
            let body: JSON = [
                "name": .string(spec.0), "secret_type": .string(spec.1), "algorithm": spec.2.map(JSON.string) ?? nil,
                "bit_length": spec.3.map(JSON.int) ?? nil, "mode": spec.4.map(JSON.string) ?? nil,
                "expiration": expires.map { .string(Timestamp.format($0, .plain)) } ?? nil, "status": "ACTIVE",
                "creator_id": .string(spec.6 == admin ? adminUser : creator), "created": .string(time(Double(400 - index * 24))),
                "updated": .string(time(Double(400 - index * 24))), "content_types": ["default": .string(spec.8)],
                "secret_ref": nil,
            ]
            var secret = DemoBarbicanObject(id: id, projectID: spec.6, body: body, payload: spec.7, expiration: expires)
            if spec.0 == "db-password" {
                secret.acl = [
                    "read": [
                        "project-access": false, "users": [.string(reader)], "created": .string(time(300)),
                        "updated": .string(time(300)),
                    ]
                ]
            }
            result.secrets.append(secret)
        }
        let byName = Dictionary(uniqueKeysWithValues: result.secrets.map { ($0.body["name"]?.stringValue ?? "", $0.id) })
        let container = rng.uuid()
        result.containers = [
            DemoBarbicanObject(
                id: container, projectID: member,
                body: [
                    "name": "web-tls", "type": "certificate", "status": "ACTIVE", "creator_id": .string(creator),
                    "created": .string(time(350)), "updated": .string(time(350)), "consumers": [],
                    "secret_refs": [
                        ["name": "certificate", "secret_ref": .string(byName["web-tls-cert"] ?? "")],
                        ["name": "private_key", "secret_ref": .string(byName["web-tls-key"] ?? "")],
                    ],
                    "container_ref": nil,
                ])
        ]
        result.orders = [
            DemoBarbicanObject(
                id: rng.uuid(), projectID: member,
                body: [
                    "type": "key", "status": "ACTIVE", "creator_id": .string(creator), "created": .string(time(330)),
                    "updated": .string(time(330)), "sub_status": "Unknown", "sub_status_message": "Unknown",
                    "meta": [
                        "name": "backup-encryption-key", "algorithm": "aes", "bit_length": 256, "mode": "cbc", "expiration": nil,
                        "payload_content_type": "application/octet-stream",
                    ],
                    "secret_ref": .string(byName["backup-encryption-key"] ?? ""), "order_ref": nil,
                ]),
            DemoBarbicanObject(
                id: rng.uuid(), projectID: member,
                body: [
                    "type": "certificate", "status": "ERROR", "creator_id": .string(creator), "created": .string(time(20)),
                    "updated": .string(time(20)), "sub_status": "Unknown", "sub_status_message": "Unknown",
                    "error_status_code": "400",
                    "error_reason": "Process TypeOrder failure seen - please contact site administrator.",
                    "meta": ["request_type": "simple-cmc", "ca_id": nil, "name": "web-tls-renewal"],
                    "order_ref": nil,
                ]),
        ]
        // The admin project's own: Barbican shows an admin only its project's objects.
        result.containers.append(
            DemoBarbicanObject(
                id: rng.uuid(), projectID: admin,
                body: [
                    "name": "kek-bundle", "type": "generic", "status": "ACTIVE", "creator_id": .string(adminUser),
                    "created": .string(time(290)), "updated": .string(time(290)), "consumers": [],
                    "secret_refs": [["name": "kek", "secret_ref": .string(byName["admin-kek"] ?? "")]], "container_ref": nil,
                ]))
        result.orders.append(
            DemoBarbicanObject(
                id: rng.uuid(), projectID: admin,
                body: [
                    "type": "key", "status": "ACTIVE", "creator_id": .string(adminUser), "created": .string(time(280)),
                    "updated": .string(time(280)), "sub_status": "Unknown", "sub_status_message": "Unknown",
                    "meta": ["name": "admin-kek", "algorithm": "aes", "bit_length": 256, "mode": "xts", "expiration": nil],
                    "secret_ref": .string(byName["admin-kek"] ?? ""), "order_ref": nil,
                ]))
        return result
    }

    // MARK: Ironic

    private mutating func makeBaremetal(member: String) -> DemoBaremetal {
        var result = DemoBaremetal()
        let served = servers.first { $0.projectID == member && $0.status == "ACTIVE" }
        let conductor = "ironic-conductor-1"
        // (name, power, provision, maintenance reason, fault, last error, driver, instance)
        let specs: [(String, String?, String, String?, String?, String?, String, String?)] = [
            ("bm-node-0", "power on", "active", nil, nil, nil, "ipmi", served?.id),
            ("bm-node-1", "power off", "available", nil, nil, nil, "redfish", nil),
            ("bm-node-2", nil, "available", "Ironic could not read the power state: the BMC stopped answering", "power failure",
             "During sync_power_state, max retries exceeded for node bm-node-2, node state None does not match expected state 'power off'. Updating DB state to 'None' Switching node to maintenance mode. Error: IPMI call failed: power status.",
             "ipmi", nil),
            ("bm-node-3", "power off", "clean failed", "Timeout reached while cleaning the node", "clean failure",
             "Timeout reached while cleaning the node. Please check if the ramdisk responsible for the cleaning is running on the node. Failed on step {}.",
             "ipmi", nil),
        ]
        var nodeIDs: [String] = []
        for (index, spec) in specs.enumerated() {
            let id = rng.uuid()
            nodeIDs.append(id)
            let driverInfo: JSON = spec.6 == "redfish"
                ? ["redfish_address": .string("https://10.20.0.\(11 + index)"), "redfish_username": "root",
                   "redfish_password": .string(DemoCanaries.redfishPassword), "redfish_system_id": "/redfish/v1/Systems/1"]
                : ["ipmi_address": .string("10.20.0.\(11 + index)"), "ipmi_username": "admin",
                   "ipmi_password": .string(DemoCanaries.ipmiPassword), "ipmi_hex_kg_key": .string(DemoCanaries.ipmiKGKey),
                   "deploy_kernel": "file:///var/lib/ironic/ipa.kernel", "deploy_ramdisk": "file:///var/lib/ironic/ipa.initramfs"]
            let instance = spec.7
            var node: JSON = [
                "uuid": .string(id), "name": .string(spec.0), "power_state": spec.1.map(JSON.string) ?? nil,
                "target_power_state": nil, "provision_state": .string(spec.2), "target_provision_state": nil,
                "maintenance": .bool(spec.3 != nil), "maintenance_reason": spec.3.map(JSON.string) ?? nil,
                "fault": spec.4.map(JSON.string) ?? nil, "last_error": spec.5.map(JSON.string) ?? nil,
                "driver": .string(spec.6), "driver_info": driverInfo,
                "driver_internal_info": ["agent_url": .string("http://10.20.1.\(11 + index):9999"), "agent_secret_token": .string(DemoCanaries.ipmiKGKey)],
                "instance_info": instance == nil ? [:] : ["image_source": "http://images.example.org/ubuntu-24.04.qcow2", "root_gb": "40"],
                "instance_uuid": instance.map(JSON.string) ?? nil, "resource_class": index == 1 ? "baremetal.gpu" : "baremetal.large",
                "conductor": .string(conductor), "conductor_group": "", "owner": nil,
                "lessee": instance == nil ? nil : .string(member), "console_enabled": false,
                "properties": ["cpus": 64, "memory_mb": 262_144, "local_gb": 1800, "cpu_arch": "x86_64"],
                "traits": [], "protected": false, "retired": false, "allocation_uuid": nil,
                "created_at": .string(time(2000 + Double(index))), "updated_at": .string(time(Double(index + 1))),
                "provision_updated_at": .string(time(Double(index + 1))),
            ]
            for (key, value) in Self.nodeDefaults(driver: spec.6) { node.set(key, value) }
            result.nodes.append(node)
        }
        // Two NICs of bm-node-0 bonded in bond0, one NIC for each other node.
        let bond = rng.uuid()
        result.portgroups = [[
            "uuid": .string(bond), "name": "bm-node-0-bond0", "address": "52:54:00:aa:00:01", "node_uuid": .string(nodeIDs[0]),
            "mode": "802.3ad", "standalone_ports_supported": true, "properties": ["miimon": "100"], "extra": [:],
            "internal_info": [:], "physical_network": "physnet1", "category": nil, "dynamic_portgroup": false,
            "created_at": .string(time(1990)), "updated_at": nil,
        ]]
        for (index, node) in nodeIDs.enumerated() {
            for nic in 0..<(index == 0 ? 2 : 1) {
                result.ports.append([
                    "uuid": .string(rng.uuid()), "address": .string("52:54:00:aa:0\(index):0\(nic + 1)"),
                    "internal_info": [:], "is_smartnic": false,
                    "node_uuid": .string(node), "portgroup_uuid": index == 0 ? .string(bond) : nil, "pxe_enabled": .bool(nic == 0),
                    "physical_network": "physnet1",
                    "local_link_connection": ["switch_id": "0a:1b:2c:3d:4e:5f", "port_id": .string("Ethernet1/\(index * 2 + nic + 1)"), "switch_info": "tor-1"],
                    "extra": [:], "created_at": .string(time(1990)), "updated_at": nil,
                ])
            }
        }
        var nodes = result.nodes
        let allocation = rng.uuid()
        nodes[0].set("allocation_uuid", .string(allocation))
        result.nodes = nodes
        result.allocations = [
            [
                "uuid": .string(allocation), "name": "bm-node-0-allocation", "state": "active", "node_uuid": .string(nodeIDs[0]),
                "resource_class": "baremetal.large", "traits": [], "candidate_nodes": [], "last_error": nil, "owner": .string(member),
                "extra": [:], "created_at": .string(time(300)), "updated_at": .string(time(300)),
            ],
            [
                "uuid": .string(rng.uuid()), "name": "gpu-request", "state": "error", "node_uuid": nil,
                "resource_class": "baremetal.gpu", "traits": ["CUSTOM_GPU_A100"], "candidate_nodes": [],
                "last_error": "Failed to process allocation gpu-request: no available nodes match the resource class baremetal.gpu and traits CUSTOM_GPU_A100.",
                "owner": .string(member), "extra": [:], "created_at": .string(time(6)), "updated_at": .string(time(6)),
            ],
        ]
        result.conductors = [
            ["hostname": .string(conductor), "conductor_group": "", "alive": true, "drivers": ["fake-hardware", "ipmi", "redfish"],
             "created_at": .string(time(3000)), "updated_at": .string(time(0.01))],
            ["hostname": "ironic-conductor-2", "conductor_group": "", "alive": false, "drivers": ["ipmi", "redfish"],
             "created_at": .string(time(3000)), "updated_at": .string(time(50))],
        ]
        result.drivers = ["fake-hardware", "ipmi", "redfish"].map { name in
            [
                "name": .string(name), "type": "dynamic", "hosts": [.string(conductor)],
                "default_power_interface": .string(name == "fake-hardware" ? "fake" : name),
                "default_deploy_interface": name == "fake-hardware" ? "fake" : "direct",
                "enabled_power_interfaces": .array([.string(name == "fake-hardware" ? "fake" : name)]),
                "default_management_interface": .string(name == "fake-hardware" ? "fake" : name),
            ]
        }
        return result
    }

    /// What Ironic shows on every node besides its states: the hardware type's interfaces and
    /// the fields the demo's nodes leave empty.
    static func nodeDefaults(driver: String) -> [(String, JSON)] {
        let own: [String: String] = driver == "redfish"
            ? ["boot": "redfish-virtual-media", "management": "redfish", "power": "redfish", "vendor": "redfish", "bios": "redfish",
               "inspect": "redfish", "raid": "redfish"]
            : ["boot": "ipxe", "management": "ipmitool", "power": "ipmitool", "vendor": "ipmitool", "bios": "no-bios",
               "inspect": "no-inspect", "raid": "no-raid"]
        var fields: [(String, JSON)] = ["bios", "boot", "inspect", "management", "power", "raid", "vendor"].map {
            ("\($0)_interface", .string(own[$0]!))
        }
        fields += [
            ("console_interface", "no-console"), ("deploy_interface", "direct"), ("network_interface", "flat"),
            ("rescue_interface", "no-rescue"), ("storage_interface", "noop"),
        ]
        let empty: [String] = ["clean_step", "deploy_step", "extra", "network_data", "raid_config", "target_raid_config"]
        let null: [String] = [
            "automated_clean", "boot_mode", "chassis_uuid", "description", "inspection_finished_at", "inspection_started_at",
            "protected_reason", "reservation", "retired_reason", "secure_boot",
        ]
        return fields + empty.map { ($0, [:]) } + null.map { ($0, nil) }
    }
}
