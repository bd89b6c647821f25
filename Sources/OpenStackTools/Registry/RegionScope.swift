import OpenStackKit

extension CloudSet {
    /// The same clouds, each seen from `region` (sharing its token and connections); nil changes nothing.
    public func inRegion(_ region: String?) -> CloudSet {
        guard let region else { return self }
        return CloudSet(clouds.map { $0.inRegion(region) })
    }
}

extension ToolContext {
    /// The context of one call: with a `region` argument, every cloud resolves its endpoints in that
    /// region. It is applied here, once, so every tool honours it, and it lives only as long as the
    /// call: no caller can change the region (or cloud) that another caller sees.
    func scoped(by arguments: ToolArguments) throws -> ToolContext {
        guard let region = try arguments.string("region") else { return self }
        return ToolContext(clouds: clouds.inRegion(region), settings: settings, logger: logger)
    }
}
