import Foundation
import OpenStackKit

/// `diagnose_quota`: which of a project's Nova, Cinder and Neutron quotas are at 80% or more, and
/// what uses them, in one call.
///
/// Three concurrent reads of the quota sets with usage; then, only for the services under
/// pressure, the project's servers and volumes (one request each, at most 200 items) to name the
/// largest consumers and the use per user. Neutron does not say which user made what.
enum DiagnoseQuota {
    static let name = "diagnose_quota"

    static let rules: [any DiagnosisRule<QuotaFacts>] = [
        QuotaUsageRule(service: "compute"), QuotaUsageRule(service: "volume"), QuotaUsageRule(service: "network"),
    ]

    static var definition: ToolDefinition {
        ToolDefinition(
            name: name, title: "Diagnose quota pressure",
            description: "Which Nova, Cinder and Neutron quotas of a project are at 80%+ and what uses them: largest servers and volumes, use per user.",
            inputSchema: Schema.object(["project": Schema.string("Project ID or name (default: your token's project).")]),
            outputSchema: DiagnosisReport.outputSchema
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let (id, name) = try await project(try arguments.string("project"), cloud: cloud)
            let facts = try await QuotaFacts.gather(projectID: id, projectName: name, cloud: cloud)
            var report = DiagnosisReport(subject: ("project", id, name))
            report.apply(rules, to: facts)
            return report.result(cloud: cloud.name, region: await cloud.effectiveRegion())
        }
    }

    /// The project named by `key` (ID or name), or the token's. Another project's name is looked
    /// up in Keystone (admin); without that right the key is taken as an ID.
    static func project(_ key: String?, cloud: OpenStackCloud) async throws -> (id: String, name: String?) {
        let token = try await cloud.token()
        if key == nil || key == token.projectID || key == token.projectName {
            guard let id = token.projectID else {
                throw ToolArgumentError(argument: "project", problem: "required: the token is not scoped to a project")
            }
            return (id, token.projectName)
        }
        let key = key ?? ""
        do {
            let byName = try await cloud.get(.identity, path: "/projects", query: [URLQueryItem(name: "name", value: key)])
            if let project = byName.json["projects"]?.arrayValue?.first, let id = project.text("id") { return (id, project.text("name")) }
            let byID = try await cloud.get(.identity, path: ResourcePath("projects").appending(key).description)
            return (byID.json["project"]?.text("id") ?? key, byID.json["project"]?.text("name"))
        } catch let error as OpenStackError where error.kind == .http && error.status == 404 {
            throw ToolArgumentError(argument: "project", problem: "no project has the ID or name '\(key)'; get_projects lists them")
        } catch let error as OpenStackError where error.status == 403 {
            return (key, nil)
        }
    }
}
