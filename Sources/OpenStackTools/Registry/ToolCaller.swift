import Logging
import OpenStackKit

/// Who a tool call reads as, with `--identity caller`: the caller's own clouds (their token,
/// catalog and caps) and a logger whose metadata names the caller.
public struct ToolCaller: Sendable {
    public let clouds: CloudSet
    public let logger: Logger

    public init(clouds: CloudSet, logger: Logger) {
        self.clouds = clouds
        self.logger = logger
    }
}

/// The tools one caller may see: those whose service is in their catalog and, without the admin
/// role, none marked `adminOnly`; with what was hidden, to tell them why.
public struct ToolVisibility: Sendable, Equatable {
    public let visible: Set<String>
    /// Offered tools hidden because the caller lacks the admin role, in `tools/list` order.
    public let hiddenForRole: [String]
    /// Offered tools hidden because the caller's catalog lacks their service.
    public let hiddenForCatalog: [String]
}

extension ToolRegistry {
    /// What a caller with `services` in their catalog, admin or not, may list and call.
    public func visibility(services: Set<ServiceType>, isAdmin: Bool) -> ToolVisibility {
        var visible: Set<String> = []
        var forRole: [String] = []
        var forCatalog: [String] = []
        let offered = Set(tools.map(\.name))
        for entry in Self.catalog where offered.contains(entry.definition.name) {
            let name = entry.definition.name
            if let service = entry.service, !services.contains(service) {
                forCatalog.append(name)
            } else if entry.adminOnly && !isAdmin {
                forRole.append(name)
            } else {
                visible.insert(name)
            }
        }
        return ToolVisibility(visible: visible, hiddenForRole: forRole, hiddenForCatalog: forCatalog)
    }
}
