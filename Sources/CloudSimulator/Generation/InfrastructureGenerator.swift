import Foundation

/// Hosts, flavors, images and the per-service daemons.
extension DemoDataGenerator {
    /// Number of compute hosts: max(3, servers / 25).
    var hostCount: Int { max(3, serverCount / 25) }
    /// The compute host reported down everywhere (service, agent, hypervisor).
    static let downHostIndex = 1
    /// Name of the controller node.
    static let controller = "controller"

    mutating func makeHosts() {
        let count = hostCount
        for index in 0..<count {
            let name = "compute-\(index + 1)"
            parts.hosts.append(
                DemoHypervisorHost(
                    id: rng.uuid(), name: name, hypervisorHostname: name,
                    hostIP: "192.168.\(100 + index / 250).\(index % 250 + 11)",
                    vcpus: 64, memoryMB: 262_144, localGB: 1_800,
                    state: index == Self.downHostIndex ? "down" : "up",
                    status: index == count - 1 ? "disabled" : "enabled"
                )
            )
        }
    }

    mutating func makeFlavors() {
        let specs: [(String, String, Int, Int, Int)] = [
            ("1", "m1.tiny", 1, 512, 1), ("2", "m1.small", 1, 2048, 20), ("3", "m1.medium", 2, 4096, 40),
            ("4", "m1.large", 4, 8192, 80), ("5", "m1.xlarge", 8, 16_384, 160),
        ]
        var flavors = specs.map { id, name, vcpus, ram, disk in
            DemoFlavor(
                id: id, name: name, vcpus: vcpus, ram: ram, disk: disk, ephemeral: 0, swap: 0, isPublic: true,
                rxtxFactor: 1.0, description: nil, extraSpecs: [:], projectAccess: []
            )
        }
        flavors.append(
            DemoFlavor(
                id: "100", name: "g1.xlarge.private", vcpus: 16, ram: 65_536, disk: 200, ephemeral: 100, swap: 4096,
                isPublic: false, rxtxFactor: 1.0, description: "GPU flavor for the admin project",
                extraSpecs: ["hw:cpu_policy": "dedicated", "resources:VGPU": "1"],
                projectAccess: [projectID(named: DemoCloud.adminProject)]
            )
        )
        flavors.append(DiagnosisScenarios.flavor)
        parts.flavors = flavors.sorted { $0.id < $1.id }
    }

    mutating func makeImages() {
        let admin = projectID(named: DemoCloud.adminProject)
        let demo = projectID(named: DemoCloud.memberProject)
        let alt = projectID(named: DemoCloud.altProject)
        // name, visibility, owner, size MiB, minDisk, minRAM, daysAgo, properties
        let specs: [(String, String, String, Int, Int, Int, Int, [String: String])] = [
            ("cirros-0.6.2", "public", admin, 21, 0, 0, 420, ["os_distro": "cirros", "os_version": "0.6.2", "hw_disk_bus": "virtio"]),
            ("ubuntu-24.04", "public", admin, 593, 10, 1024, 400,
             ["os_distro": "ubuntu", "os_version": "24.04", "hw_disk_bus": "virtio", "hw_qemu_guest_agent": "yes", "os_admin_user": "ubuntu"]),
            ("debian-12", "public", admin, 412, 8, 512, 390, ["os_distro": "debian", "os_version": "12", "hw_disk_bus": "virtio"]),
            ("fedora-40", "community", alt, 498, 10, 1024, 380, ["os_distro": "fedora", "os_version": "40", "hw_disk_bus": "virtio"]),
            ("windows-2022", "private", admin, 10_240, 40, 4096, 370,
             ["os_distro": "windows", "os_type": "windows", "os_version": "2022", "hw_disk_bus": "sata", "hw_firmware_type": "uefi", "hw_machine_type": "q35"]),
        ]
        var images: [DemoImage] = []
        for (name, visibility, owner, sizeMiB, minDisk, minRAM, age, baseProperties) in specs {
            let created = daysAgo(age)
            let checksum = rng.hex(32)
            var properties = baseProperties
            properties["owner_specified.openstack.md5"] = checksum
            properties["owner_specified.openstack.sha256"] = rng.hex(64)
            properties["owner_specified.openstack.object"] = "images/\(name)"
            images.append(
                DemoImage(
                    id: rng.uuid(), name: name, status: "active", visibility: visibility, owner: owner,
                    diskFormat: name.hasPrefix("windows") ? "raw" : "qcow2", containerFormat: "bare",
                    size: sizeMiB * 1_048_576, virtualSize: max(minDisk, 1) * 1_073_741_824, minDisk: minDisk,
                    minRAM: minRAM, checksum: checksum, osHashAlgo: "sha512", osHashValue: rng.hex(128),
                    protected: name.hasPrefix("windows"), osHidden: false, tags: name.hasPrefix("cirros") ? ["test"] : [],
                    createdAt: created, updatedAt: created.addingTimeInterval(95), properties: properties
                )
            )
        }
        let queuedAt = daysAgo(2)
        images.append(
            DemoImage(
                id: rng.uuid(), name: "rhel-9.4-upload", status: "queued", visibility: "private", owner: demo,
                diskFormat: nil, containerFormat: nil, size: nil, virtualSize: nil, minDisk: 0, minRAM: 0,
                checksum: nil, osHashAlgo: nil, osHashValue: nil, protected: false, osHidden: false, tags: [],
                createdAt: queuedAt, updatedAt: queuedAt, properties: ["os_distro": "rhel", "os_version": "9.4"]
            )
        )
        parts.images = images.sorted { $0.createdAt > $1.createdAt }
    }

    /// Images a server of `projectName` may boot from (active, not community-only for others).
    func bootableImages(for projectName: String) -> [DemoImage] {
        parts.images.filter {
            $0.status == "active" && ($0.visibility == "public" || projectName == DemoCloud.adminProject)
        }
    }

    mutating func makeServices() {
        let clock = wallClock
        let beat = { (seconds: Int) in clock.addingTimeInterval(-Double(seconds)) }
        var compute: [DemoComputeService] = []
        func add(_ binary: String, _ host: String, _ zone: String, _ status: String, _ state: String, _ reason: String?, _ rng: inout SplitMix64) {
            let updated = state == "up" ? beat(1 + rng.int(9)) : beat(3 * 3600 + rng.int(600))
            compute.append(
                DemoComputeService(
                    id: compute.count + 1, uuid: rng.uuid(), binary: binary, host: host, zone: zone, status: status,
                    state: state, disabledReason: reason, updatedAt: updated, forcedDown: false
                )
            )
        }
        add("nova-scheduler", Self.controller, "internal", "enabled", "up", nil, &rng)
        add("nova-conductor", Self.controller, "internal", "enabled", "up", nil, &rng)
        for host in parts.hosts {
            let reason = host.status == "disabled" ? "maintenance: replacing failed DIMM" : nil
            add("nova-compute", host.name, "nova", host.status, host.state, reason, &rng)
        }
        parts.computeServices = compute

        let agentCreated = daysAgo(200)
        var agents: [DemoNetworkAgent] = []
        func agent(_ type: String, _ binary: String, _ host: String, _ topic: String, _ zone: String?, _ alive: Bool, _ rng: inout SplitMix64) {
            agents.append(
                DemoNetworkAgent(
                    id: rng.uuid(), agentType: type, binary: binary, host: host, topic: topic, alive: alive,
                    adminStateUp: true, availabilityZone: zone, createdAt: agentCreated,
                    startedAt: agentCreated.addingTimeInterval(86_400 * 30),
                    heartbeatAt: alive ? beat(2 + rng.int(20)) : beat(3 * 3600 + rng.int(600))
                )
            )
        }
        agent("Open vSwitch agent", "neutron-openvswitch-agent", Self.controller, "N/A", nil, true, &rng)
        agent("DHCP agent", "neutron-dhcp-agent", Self.controller, "dhcp_agent", "nova", true, &rng)
        agent("L3 agent", "neutron-l3-agent", Self.controller, "l3_agent", "nova", true, &rng)
        agent("Metadata agent", "neutron-metadata-agent", Self.controller, "N/A", nil, true, &rng)
        for host in parts.hosts {
            agent("Open vSwitch agent", "neutron-openvswitch-agent", host.name, "N/A", nil, host.state == "up", &rng)
        }
        parts.networkAgents = agents.sorted { $0.id < $1.id }

        parts.volumeServices = [
            DemoVolumeService(binary: "cinder-scheduler", host: Self.controller, zone: "nova", status: "enabled", state: "up", disabledReason: nil, updatedAt: beat(4)),
            DemoVolumeService(binary: "cinder-volume", host: "\(Self.controller)@lvmdriver-1", zone: "nova", status: "enabled", state: "up", disabledReason: nil, updatedAt: beat(6)),
            DemoVolumeService(binary: "cinder-volume", host: "\(Self.controller)@ceph", zone: "nova", status: "enabled", state: "up", disabledReason: nil, updatedAt: beat(8)),
            DemoVolumeService(binary: "cinder-backup", host: Self.controller, zone: "nova", status: "enabled", state: "down", disabledReason: nil, updatedAt: beat(5 * 3600)),
        ]
    }
}
