import Foundation
import OpenStackKit

/// Cinder reads that exist only from a microversion on: a cloud that offers less gets a clear
/// error instead of Cinder's bare 404.
enum CinderMicroversionGate {
    /// `inner`, refused on a Cinder older than `major.minor` with what to use instead.
    static func requiring(_ version: (Int, Int), what: String, path: String, nextStep: String, _ inner: ToolDefinition) -> ToolDefinition {
        ToolDefinition(
            name: inner.name, title: inner.title, description: inner.description, inputSchema: inner.inputSchema,
            outputSchema: inner.outputSchema
        ) { context, arguments in
            let cloud = try context.clouds.cloud(named: try arguments.string("cloud"))
            let endpoint = try await cloud.endpoint(.blockStorage)
            guard endpoint.supports(version.0, version.1) else {
                throw OpenStackError(
                    kind: .http, service: "Cinder", url: endpoint.baseURL + path,
                    message: "\(what) needs block-storage microversion \(version.0).\(version.1); this Cinder offers \(endpoint.microversion.map { "\($0)" } ?? "no microversions")",
                    nextStep: nextStep)
            }
            return try await inner.handler(context, arguments)
        }
    }
}
