import Foundation

/// A server under construction (volumes are attached after the volumes exist).
struct ServerDraft {
    var id: String
    var name: String
    var status: String
    var vmState: String
    var powerState: Int
    var taskState: String?
    var host: String?
    var instanceName: String
    var projectID: String
    var userID: String
    var flavorID: String
    var imageID: String?
    var keyName: String?
    var addresses: [DemoServerAddress]
    var securityGroups: [String]
    var volumesAttached: [DemoAttachedVolume] = []
    var metadata: [String: String]
    var tags: [String]
    var created: Date
    var updated: Date
    var launchedAt: Date?
    var fault: DemoServerFault?
    var locked: Bool
    var description: String?
    var hostID: String
    var progress: Int

    func build() -> DemoServer {
        DemoServer(
            id: id, name: name, status: status, vmState: vmState, powerState: powerState, taskState: taskState,
            host: host, hypervisorHostname: host, instanceName: instanceName, projectID: projectID, userID: userID,
            flavorID: flavorID, imageID: imageID, keyName: keyName, availabilityZone: "nova", addresses: addresses,
            securityGroups: securityGroups, volumesAttached: volumesAttached, metadata: metadata, tags: tags,
            created: created, updated: updated, launchedAt: launchedAt, fault: fault, locked: locked,
            description: description, hostID: hostID, progress: progress
        )
    }
}

extension DemoDataGenerator {
    static let serverPrefixes = ["web", "db", "app", "cache", "worker", "batch"]
    static let faultMessages = [
        ("No valid host was found. There are not enough hosts available.", "nova.exception.NoValidHost"),
        ("Build of instance aborted: Failed to allocate the network(s), not rescheduling.", "nova.exception.BuildAbortException"),
        ("internal error: qemu unexpectedly closed the monitor", "libvirt.libvirtError"),
        ("Exceeded maximum number of retries. Exhausted all hosts available for retrying build failures.", "nova.exception.MaxRetriesExceeded"),
    ]

    mutating func makeServerDrafts() -> [ServerDraft] {
        var drafts: [ServerDraft] = []
        drafts.reserveCapacity(serverCount)
        let projectIndex = Dictionary(uniqueKeysWithValues: parts.projects.enumerated().map { ($1.name, $0) })
        var addressCounters = [String: Int]()
        var sharedCounter = 0
        var floatingCounter = 0
        var buildCount = 0
        var errorCount = 0
        let adminUser = userID(named: DemoCloud.adminUser)
        let memberUser = userID(named: DemoCloud.memberUser)
        let imagesByProject = Dictionary(uniqueKeysWithValues: parts.projects.map { ($0.name, bootableImages(for: $0.name)) })
        let privateFlavor = parts.flavors.first { !$0.isPublic }!.id

        for index in 0..<serverCount {
            let roll = rng.unit()
            let projectName = roll < 0.5 ? DemoCloud.memberProject : roll < 0.8 ? DemoCloud.adminProject : DemoCloud.altProject
            let project = parts.projects[projectIndex[projectName]!]
            let prefix = rng.pick(Self.serverPrefixes)
            let number = String(index + 1)
            let name = "\(prefix)-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
            let created = reference.addingTimeInterval(-Double(index * 10_800 + 600 + rng.int(3_600)))
            var host = rng.pick(parts.hosts).name

            var status = "ACTIVE", vmState = "active", power = 1
            var task: String?
            var fault: DemoServerFault?
            var launched: Date? = created.addingTimeInterval(35)
            var progress = 0
            if index % 13 == 5 {
                status = "ERROR"; vmState = "error"; power = 0; launched = nil
                if errorCount == 0 { host = "compute-3" }
                let (message, exception) = Self.faultMessages[errorCount % Self.faultMessages.count]
                fault = DemoServerFault(
                    code: 500, message: message,
                    details: "Traceback (most recent call last):\n  File \"/opt/stack/nova/nova/compute/manager.py\", line 2615, in _build_and_run_instance\n\(exception): \(message)\n",
                    created: created.addingTimeInterval(42)
                )
                errorCount += 1
            } else if index % 16 == 9 && buildCount < 3 {
                status = "BUILD"; vmState = "building"; power = 0; task = "spawning"; launched = nil
                progress = rng.int(90)
                buildCount += 1
            } else if rng.chance(0.15) {
                status = "SHUTOFF"; vmState = "stopped"; power = 4
            }

            var flavor = rng.pick(["1", "2", "2", "2", "3", "3", "3", "4", "4", "5"])
            if projectName == DemoCloud.adminProject && rng.chance(0.05) { flavor = privateFlavor }
            let bootFromVolume = rng.chance(0.1)
            let image: String? = bootFromVolume ? nil : rng.pick(imagesByProject[projectName]!).id

            let counter = addressCounters[projectName, default: 0]
            addressCounters[projectName] = counter + 1
            let fixedMAC = rng.mac()
            let privatePrefix = privatePrefix(projectIndex: projectIndex[projectName]!)
            var addresses = [
                DemoServerAddress(
                    networkName: "private-\(projectName)", address: "\(privatePrefix).\(counter / 250).\(counter % 250 + 10)",
                    version: 4, type: "fixed", macAddress: fixedMAC
                )
            ]
            if status != "BUILD" && status != "ERROR" && rng.chance(0.2) {
                addresses.append(
                    DemoServerAddress(
                        networkName: "private-\(projectName)",
                        address: "\(Self.floatingPrefix).\(floatingCounter / 250 + 1).\(floatingCounter % 250 + 10)",
                        version: 4, type: "floating", macAddress: fixedMAC
                    )
                )
                floatingCounter += 1
            }
            if rng.chance(0.3) {
                addresses.append(
                    DemoServerAddress(
                        networkName: Self.sharedNetworkName,
                        address: "\(Self.sharedPrefix).\(sharedCounter / 250).\(sharedCounter % 250 + 10)",
                        version: 4, type: "fixed", macAddress: rng.mac()
                    )
                )
                sharedCounter += 1
            }

            var hostID = ""
            while hostID.count < 56 { hostID += String(stableHash("\(project.id)\(host)\(hostID.count)"), radix: 16) }
            drafts.append(
                ServerDraft(
                    id: rng.uuid(), name: name, status: status, vmState: vmState, powerState: power, taskState: task,
                    host: host, instanceName: Self.instanceName(serverCount - index), projectID: project.id,
                    userID: projectName == DemoCloud.memberProject ? memberUser : adminUser, flavorID: flavor,
                    imageID: image, keyName: rng.chance(0.7) ? "\(projectName)-key" : nil, addresses: addresses,
                    securityGroups: prefix == "web" ? ["default", "web"] : ["default"],
                    metadata: [
                        "environment": rng.pick(["production", "staging", "development"]),
                        "team": rng.pick(["platform", "payments", "search", "data"]),
                    ],
                    tags: prefix == "db" ? ["database"] : prefix == "web" ? ["frontend"] : [],
                    created: created, updated: created.addingTimeInterval(Double(60 + rng.int(min(10 * 86_400, index * 10_800 + 600)))),
                    launchedAt: launched, fault: fault, locked: status == "SHUTOFF" && rng.chance(0.2),
                    description: rng.chance(0.3) ? "\(prefix) tier node" : nil,
                    hostID: String(hostID.prefix(56)), progress: progress
                )
            )
        }
        if let secret = drafts.firstIndex(where: { $0.status == "ACTIVE" && $0.name.hasPrefix("db-") })
            ?? drafts.firstIndex(where: { $0.status == "ACTIVE" })
        {
            drafts[secret].metadata["db_password"] = "hunter2-demo"
        }
        return drafts
    }

    static func instanceName(_ number: Int) -> String {
        let hex = String(number, radix: 16)
        return "instance-" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
    }
}
