import Foundation

/// The seeded failures that the diagnosis tools name, in the project the demo admin is scoped to.
///
/// Each is built from fixed values and derived ids, without the generator's random stream, and
/// added after everything else, so seeding them left every other value of the cloud as it was.
enum DiagnosisScenarios {
    /// A server that no host could take: its flavor requires a trait that no provider has.
    static let serverName = "diag-needs-gpu"
    /// The flavor of ``serverName``: small, but `trait:CUSTOM_GPU_A100=required`.
    static let flavorID = "diag-gpu"
    static let flavorName = "diag.gpu"
    /// The trait the flavor requires: defined in Placement, on no provider.
    static let missingTrait = "CUSTOM_GPU_A100"
    /// A volume the scheduler could not place: its type names a backend no pool has.
    static let volumeName = "diag-no-backend"
    static let volumeTypeName = "diag-fast"
    static let volumeTypeID = "7c4f2e1a-9d3b-4c8e-a5f6-2b1d0e9c8a73"
    static let missingBackend = "fast-nvme"

    static var flavor: DemoFlavor {
        DemoFlavor(
            id: flavorID, name: flavorName, vcpus: 2, ram: 4096, disk: 20, ephemeral: 0, swap: 0, isPublic: true,
            rxtxFactor: 1.0, description: "GPU-accelerated inference (needs an A100 host)",
            extraSpecs: ["trait:\(missingTrait)": "required"], projectAccess: [])
    }

    static var volumeType: DemoVolumeType {
        DemoVolumeType(
            id: volumeTypeID, name: volumeTypeName, description: "NVMe-backed volumes",
            isPublic: true, extraSpecs: ["volume_backend_name": missingBackend])
    }
}

extension DemoDataGenerator.Parts {
    /// Adds the server and the volume of ``DiagnosisScenarios``, each older than every generated
    /// one, so that they come last in the newest-first lists. Ids derive from the seed.
    mutating func addDiagnosisScenarios(seed: UInt64, serverCount: Int) {
        let project = projects.first { $0.name == DemoCloud.adminProject }!.id
        let user = users.first { $0.name == DemoCloud.adminUser }!.id
        let reference = DemoDataGenerator.referenceDate
        let oldest = min(servers.map(\.created).min() ?? reference, volumes.map(\.createdAt).min() ?? reference)
        let created = oldest.addingTimeInterval(-86_400)
        let message = "No valid host was found. There are not enough hosts available."
        let image = images.first { $0.visibility == "public" && $0.status == "active" }?.id
        let server = ServerDraft(
            id: derivedUUID("scenario:\(seed):\(DiagnosisScenarios.serverName)"), name: DiagnosisScenarios.serverName,
            status: "ERROR", vmState: "error", powerState: 0, taskState: nil, host: nil,
            instanceName: DemoDataGenerator.instanceName(serverCount + 1), projectID: project, userID: user,
            flavorID: DiagnosisScenarios.flavorID, imageID: image, keyName: nil, addresses: [], securityGroups: ["default"],
            metadata: [:], tags: [], created: created, updated: created.addingTimeInterval(4), launchedAt: nil,
            fault: DemoServerFault(
                code: 500, message: message,
                details: "Traceback (most recent call last):\n  File \"/opt/stack/nova/nova/conductor/manager.py\", line 1654, in schedule_and_build_instances\nnova.exception.NoValidHost: \(message)\n",
                created: created.addingTimeInterval(3)),
            locked: false, description: nil, hostID: "", progress: 0)
        servers.append(server.build())
        volumes.append(
            DemoVolume(
                id: derivedUUID("scenario:\(seed):\(DiagnosisScenarios.volumeName)"), name: DiagnosisScenarios.volumeName,
                description: "scratch space for the inference job", status: "error", size: 50, projectID: project,
                userID: user, bootable: false, attachments: [], volumeType: DiagnosisScenarios.volumeTypeName,
                availabilityZone: "nova", host: "", encrypted: false, multiattach: false, metadata: [:],
                createdAt: created, updatedAt: created.addingTimeInterval(2), imageID: nil))
    }
}
