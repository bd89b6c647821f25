import Foundation
import HTTPTypes

/// Shared, read-only inputs of every service handler.
struct ServiceEnvironment: Sendable {
    let data: DemoData
    let state: CloudState
    let configuration: DemoCloudConfiguration

    /// Keystone's clock: this host's, shifted by the configured skew.
    var now: Date { Date().addingTimeInterval(configuration.clockSkew) }
}

/// A parsed HTTP request as the service handlers see it.
struct IncomingRequest: Sendable {
    /// `GET`, `POST`, ...
    let method: String
    /// Path without query and without a trailing slash (`/` for the root).
    let path: String
    /// Non-empty path segments.
    let segments: [String]
    /// Raw query string (no `?`).
    let rawQuery: String
    let query: QueryString
    let headers: HTTPFields
    let body: [UInt8]
    /// `http://host:port` as the client addressed us (used for links and the catalog).
    let baseURL: String
    /// The validated token, set by the dispatcher for authenticated routes.
    var token: TokenRecord?

    func header(_ name: String) -> String? {
        guard let field = HTTPField.Name(name) else { return nil }
        return headers[field]
    }

    /// Whether the caller has the admin role.
    var isAdmin: Bool { token?.isAdmin ?? false }
    /// The token's project id.
    var projectID: String { token?.project?.id ?? "" }

    /// `baseURL + path + ?query` with the given query replacements (for paging links).
    func link(path: String? = nil, replacing: [(String, String)], removing: Set<String> = []) -> String {
        let query = self.query.replacing(replacing, removing: removing).encoded
        return baseURL + (path ?? self.path) + (query.isEmpty ? "" : "?" + query)
    }
}

/// A response produced by a service handler.
struct Reply: Sendable {
    enum Body: Sendable {
        case json(JSON)
        case text(String)
        case empty
    }

    var status: Int
    var body: Body
    var headers: [(String, String)] = []

    static func json(_ body: JSON, status: Int = 200) -> Reply {
        Reply(status: status, body: .json(body))
    }

    func adding(_ name: String, _ value: String) -> Reply {
        var copy = self
        copy.headers.append((name, value))
        return copy
    }
}

/// The reason phrase for a status code (`Not Found`).
func reasonPhrase(_ status: Int) -> String {
    let phrases = [
        200: "OK", 201: "Created", 300: "Multiple Choices", 400: "Bad Request", 401: "Unauthorized",
        403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable", 408: "Request Timeout",
        409: "Conflict", 413: "Request Entity Too Large", 429: "Too Many Requests", 500: "Internal Server Error",
        501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    ]
    return phrases[status] ?? (status >= 500 ? "Server Error" : "Error")
}

/// Either a parsed value or the error reply to send instead.
enum Parsed<Value> {
    case value(Value)
    case reply(Reply)
}
