import OpenStackKit

/// `diagnose_volume`: why a Cinder volume is in error or unusable, in one call.
///
/// After the volume (by ID or name), one concurrent round reads its user messages, the volume
/// types, the pools, the cinder-volume services and the attached servers (at most 8): at most
/// 4 + 8 requests. Pools and services need the admin role; without it they are `unknown`.
enum DiagnoseVolume {
    static let name = "diagnose_volume"

    static let rules: [any DiagnosisRule<VolumeFacts>] = [
        VolumeBackendRule(), VolumeServiceRule(), VolumeAttachmentRule(), VolumeMessagesRule(), VolumeStatusRule(),
    ]

    static var finder: ShowTool<Volume> {
        ShowTool<Volume>(
            name: name, title: "", description: "", noun: "volume", nameOf: { $0.name },
            basic: { _, _ in [:] }, detailed: { _, _ in [:] })
    }

    static var definition: ToolDefinition {
        ToolDefinition(
            name: name, title: "Diagnose a volume",
            description: "Why a volume is in error or stuck: user messages, type backend vs pools, cinder-volume service, attachments vs Nova.",
            inputSchema: Schema.object(["volume": Schema.string("Volume ID or exact name.")], required: ["volume"]),
            outputSchema: DiagnosisReport.outputSchema
        ) { context, arguments in
            guard let key = try arguments.string("volume") else {
                throw ToolArgumentError(argument: "volume", problem: "required: the volume's ID or name")
            }
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let volume = try await finder.find(key, cloud: cloud)
            let facts = try await VolumeFacts.gather(volume, cloud: cloud)
            var report = DiagnosisReport(subject: ("volume", volume.id, volume.name))
            report.apply(rules, to: facts)
            return report.result(cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }
}
