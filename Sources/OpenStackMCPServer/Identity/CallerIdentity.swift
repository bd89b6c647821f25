import OpenStackKit

/// The per-caller identity of `--identity caller`: the cloud callers read (its Keystone URL,
/// interface, region and connection pool; it has no credentials of its own) and the callers'
/// directory.
public struct CallerIdentity: Sendable {
    let settings: CallerIdentitySettings
    let directory: CallerDirectory

    /// - Parameter base: the cloud, configured with the `.none` method: it never reads as itself.
    public init(base: OpenStackCloud, settings: CallerIdentitySettings) {
        self.settings = settings
        self.directory = CallerDirectory(base: base, settings: settings)
    }
}
