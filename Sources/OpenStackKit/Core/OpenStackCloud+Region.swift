import Foundation

extension OpenStackCloud {
    /// This cloud as seen from another region: the same token cache, connection pool and
    /// version-discovery cache, but every endpoint is taken from `region` in the catalog.
    ///
    /// A tool call's `region` argument goes through here, so one caller's region never changes
    /// what another caller sees. `nil` (or the configured region) returns the cloud itself.
    public func inRegion(_ region: String?) -> OpenStackCloud {
        guard let region, region != configuration.region else { return self }
        return OpenStackCloud(sharing: self, region: region)
    }

    /// The regions of this cloud: the catalog's when a token is at hand, else the configured ones.
    public func knownRegions() async -> [String] {
        if let catalogRegions = try? await token().catalog.regions, !catalogRegions.isEmpty { return catalogRegions }
        return configuration.regions
    }
}
