import Logging
import NIOConcurrencyHelpers

/// Turns every URL taken from an answer into one under its catalog endpoint (``EndpointLink``)
/// before the token goes with it, and warns once per catalog endpoint when a link named another
/// origin: an operator can then fix the service's proxy settings, and the log does not repeat it
/// for every page.
final class LinkFollower: Sendable {
    private let logger: Logger
    private let warned = NIOLockedValueBox<Set<String>>([])

    init(logger: Logger = Logger(label: "openstack")) { self.logger = logger }

    /// The URL to request for `link`, found in an answer of `service` at `endpoint` (the catalog's
    /// `catalogURL`, maybe with a version added); nil when the link is not an http or https URL.
    /// `requestURL` (default: the endpoint) resolves a relative link.
    func follow(
        _ link: String, service: ServiceType, onto endpoint: String, catalogURL: String, from requestURL: String? = nil
    ) -> String? {
        guard let rebased = EndpointLink.rebase(link, onto: endpoint, from: requestURL) else { return nil }
        if let foreign = rebased.foreignOrigin {
            let first = warned.withLockedValue { $0.insert("\(service.rawValue) \(catalogURL)").inserted }
            if first {
                // The origins only: the link's path and query (markers, filters) stay out of the log.
                logger.warning(
                    "a link in the service's answer names another origin than its catalog endpoint; requesting the catalog endpoint instead",
                    metadata: ["service": "\(service.projectName)", "endpoint": "\(catalogURL)", "link_origin": "\(foreign)"])
            }
        }
        return rebased.url
    }
}
