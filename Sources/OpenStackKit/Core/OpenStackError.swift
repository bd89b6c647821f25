import Foundation

/// A failure talking to OpenStack, with everything a user needs to act on it.
///
/// Every upstream failure becomes one of these. `description` is a single line that names the
/// service, the request, the status, OpenStack's own message, the request ID, and the next step.
public struct OpenStackError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, at the level a user can act on.
    public enum Kind: String, Sendable {
        case http            // the service answered with an error status
        case timeout         // a deadline passed (connect, read or total)
        case unreachable     // the connection failed or was reset
        case authentication  // Keystone rejected the credentials
        case catalog         // no endpoint for the service/interface/region
        case decoding        // the service answered with something we could not read
        case configuration   // the configuration is incomplete or invalid
        case readOnly        // a write was attempted; the client refuses it
        case busy            // too many requests to the cloud already in flight (--max-upstream-concurrency)
        case scope           // the identity is valid but has no project it may (or chose to) read
    }

    public var kind: Kind
    public var service: String
    public var method: String
    public var url: String
    public var status: Int?
    public var message: String
    public var requestID: String?
    public var nextStep: String

    public init(
        kind: Kind, service: String, method: String = "GET", url: String = "", status: Int? = nil,
        message: String, requestID: String? = nil, nextStep: String? = nil
    ) {
        self.kind = kind
        self.service = service
        self.method = method
        self.url = url
        self.status = status
        self.message = message
        self.requestID = requestID
        self.nextStep = nextStep ?? Self.scopeNextStep(kind: kind, message: message)
            ?? Self.defaultNextStep(kind: kind, status: status, service: service)
    }

    /// oslo.policy's refusal of a token of the wrong scope. Ironic answers it with a 500, so the
    /// status alone would send the reader to the service's logs.
    static func scopeNextStep(kind: Kind, message: String) -> String? {
        guard kind == .http, message.contains("requires a scope of ['system']") else { return nil }
        return "the service's policy allows this only to a system-scoped token: sign in with system scope "
            + "(OS_SYSTEM_SCOPE=all, or system_scope: all in clouds.yaml) as a user with a role on the system"
    }

    public var description: String {
        var line = "\(service)"
        if !url.isEmpty { line += " \(method) \(url)" }
        line += " failed"
        if let status { line += ": HTTP \(status)" }
        line += (status == nil ? ": " : " — ") + message
        if let requestID { line += " (request id \(requestID))" }
        line += ". Next step: \(nextStep)"
        return line
    }

    static func defaultNextStep(kind: Kind, status: Int?, service: String) -> String {
        switch kind {
        case .timeout:
            return "the \(service) API did not answer in time; check that it is up and reachable, or raise --timeout"
        case .unreachable:
            return "check the URL, the network path and that the \(service) API is running"
        case .authentication:
            return "check the username, password, project and domain (or OS_* variables / clouds.yaml)"
        case .catalog:
            return "check --region and --interface against the catalog (`openstack catalog list`)"
        case .decoding:
            return "the service sent an unexpected body; check that the endpoint really is \(service)"
        case .configuration:
            return "fix the configuration and start again; see --help"
        case .readOnly:
            return "this server only reads; use the openstack CLI for changes"
        case .scope:
            return "name a project the identity has a role on"
        case .busy:
            return "retry in a moment; if it keeps happening, raise --max-upstream-concurrency or --call-timeout"
        case .http:
            switch status ?? 0 {
            case 401: return "the token was rejected twice; check the credentials and that Keystone is healthy"
            case 403: return "this needs more privileges (usually the admin role); ask a cloud admin or use an admin account"
            case 404: return "check the ID or name; the resource may have been deleted"
            case 400: return "check the filter values; the service rejected the request"
            case 406: return "the service does not support the requested microversion"
            case 409: return "the resource is busy; try again shortly"
            case 429: return "the service is rate limiting; wait and try again"
            case 500...599: return "the \(service) service failed; check its logs with the request id"
            default: return "check the request and the service's logs"
            }
        }
    }
}
