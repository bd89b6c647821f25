import Foundation
import OpenStackKit

/// Turns what went wrong while checking a cloud into one plain sentence and a next step.
enum Diagnosis {
    /// What a failed token request means: unreachable, TLS, rejected credentials, clock skew, ...
    static func authentication(_ error: Error, authURL: URL) -> String {
        guard let error = error as? OpenStackError else { return "\(error)" }
        let host = authURL.host.map { host in authURL.port.map { "\(host):\($0)" } ?? host } ?? authURL.absoluteString
        switch error.kind {
        case .unreachable where error.message.hasPrefix("TLS failed"):
            return "TLS failure talking to Keystone at \(host): \(error.message.dropFirst("TLS failed: ".count)). Next step: \(error.nextStep)"
        case .unreachable:
            return "Keystone is unreachable at \(authURL.absoluteString): \(error.message). Next step: check the auth URL (host and port), that Keystone is running, and any proxy or firewall on the way"
        case .timeout:
            return "Keystone at \(authURL.absoluteString) did not answer in time (\(error.message)). Next step: \(error.nextStep)"
        case .authentication where error.status == 401:
            return "Keystone rejected the credentials (HTTP 401: \(error.message)). Next step: \(error.nextStep)"
        case .authentication:
            return "clock skew — \(error.message). Next step: \(error.nextStep)"
        case .http where error.status == 404:
            return "\(authURL.absoluteString) has no Keystone token API (HTTP 404). Next step: check the auth URL: it is Keystone's, usually ending in :5000/v3 or /identity/v3"
        case .decoding:
            return "the auth URL does not answer like Keystone: \(error.message). Next step: check the auth URL"
        default:
            return "\(error.message). Next step: \(error.nextStep)"
        }
    }

    /// A warning when the token's issue time is far from this host's clock.
    static func clockSkew(_ token: AuthToken, now: Date = Date()) -> String? {
        guard let issued = token.issuedAt else { return nil }
        let skew = now.timeIntervalSince(issued)
        guard abs(skew) > 300 else { return nil }
        let minutes = Int(abs(skew) / 60)
        return "this host's clock is \(minutes) minutes \(skew > 0 ? "ahead of" : "behind") Keystone's; tokens will seem to expire \(skew > 0 ? "early" : "late"). Next step: fix NTP on this host and on Keystone"
    }

    /// How one service of the catalog fared.
    struct Probe: Sendable {
        enum Outcome: Sendable {
            case ok(String)
            case missing(String)
            case failed(String)
        }
        var service: ServiceType
        var outcome: Outcome
    }

    /// Each service: is it in the catalog for this region and interface, and does its endpoint answer?
    static func services(cloud: OpenStackCloud, catalog: ServiceCatalog, region: String?) async -> [Probe] {
        await withTaskGroup(of: (Int, Probe).self) { group in
            for (index, service) in ServiceType.allCases.enumerated() {
                group.addTask { (index, await probe(service, cloud: cloud, catalog: catalog, region: region)) }
            }
            var probes: [(Int, Probe)] = []
            for await probe in group { probes.append(probe) }
            return probes.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    private static func probe(_ service: ServiceType, cloud: OpenStackCloud, catalog: ServiceCatalog, region: String?) async
        -> Probe
    {
        let url: URL
        do {
            url = try catalog.endpoint(for: service, interface: cloud.configuration.interface, region: region)
        } catch {
            let listed = catalog.entries.contains { service.catalogTypes.contains($0.type) }
            let detail = listed
                ? ((error as? OpenStackError)?.message ?? "\(error)")
                : "no catalog entry for \(service.projectName) (looked for type \(service.catalogTypes.joined(separator: ", "))); its tools are not offered for this cloud"
            return Probe(service: service, outcome: .missing(detail))
        }
        do {
            let response = try await cloud.probe(service, url: url.absoluteString)
            guard response.status < 500 else {
                return Probe(
                    service: service,
                    outcome: .failed("\(service.projectName) at \(url.absoluteString) answers HTTP \(response.status): it is up but failing. Next step: look at \(service.projectName)'s logs on the cloud, or ask its operators"))
            }
            // Any other answer means the service is there: a bare endpoint may well answer 300 or 404.
            return Probe(service: service, outcome: .ok("answers at \(url.absoluteString) (HTTP \(response.status))"))
        } catch let error as OpenStackError {
            let what = error.message.hasPrefix("TLS failed") ? "TLS failure" : "unreachable"
            return Probe(
                service: service,
                outcome: .failed("\(service.projectName) at \(url.absoluteString) is \(what == "TLS failure" ? "failing TLS" : what): \(error.message). Next step: \(error.nextStep)"))
        } catch {
            return Probe(service: service, outcome: .failed("\(service.projectName) at \(url.absoluteString): \(error)"))
        }
    }
}
