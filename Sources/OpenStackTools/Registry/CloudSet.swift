import OpenStackKit

/// The clouds a server answers for. Each has its own token cache and connection pool, and a
/// tool call picks one with its `cloud` argument; there is no shared "current cloud" to switch.
public struct CloudSet: Sendable {
    public let clouds: [OpenStackCloud]

    public init(_ clouds: [OpenStackCloud]) {
        precondition(!clouds.isEmpty, "a server needs at least one cloud")
        self.clouds = clouds
    }

    public var names: [String] { clouds.map(\.name) }

    /// The cloud named by a tool call, or the first one when the call names none.
    public func cloud(named name: String?) throws -> OpenStackCloud {
        guard let name else { return clouds[0] }
        if let cloud = clouds.first(where: { $0.name == name }) { return cloud }
        throw ToolArgumentError(
            argument: "cloud", problem: "unknown cloud '\(name)'; allowed: \(names.joined(separator: ", "))")
    }

    public func shutdown() async {
        for cloud in clouds { await cloud.shutdown() }
    }
}
