/// One OpenStack service mounted under a path prefix (`/compute`, `/network`, ...).
protocol ServiceAPI: Sendable {
    /// First path segment the service is mounted at (`compute`).
    var mount: String { get }
    /// The service's usual error body for a status and message.
    func errorBody(status: Int, message: String, request: IncomingRequest) -> JSON
    /// Whether the route needs no token (version discovery, token issue).
    func isPublic(_ segments: ArraySlice<String>, method: String) -> Bool
    /// Whether `method` is served at all on this route (others get 405).
    func allows(_ method: String, _ segments: ArraySlice<String>) -> Bool
    /// Handles a request; `segments` excludes the mount segment.
    func handle(_ request: IncomingRequest, _ segments: ArraySlice<String>) async -> Reply
    /// Adds service-specific headers to every reply (request ids, microversion echo).
    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String)
}

extension ServiceAPI {
    func allows(_ method: String, _ segments: ArraySlice<String>) -> Bool {
        method == "GET"
    }

    func decorate(_ reply: inout Reply, for request: IncomingRequest, requestID: String) {}

    /// An error reply with the service's body.
    func error(_ status: Int, _ message: String, _ request: IncomingRequest) -> Reply {
        .json(errorBody(status: status, message: message, request: request), status: status)
    }
}

/// Error bodies shared by the Nova-style services (Nova and Cinder).
enum FaultBody {
    /// `{"itemNotFound": {"code": 404, "message": ...}}` and friends.
    static func nova(status: Int, message: String) -> JSON {
        let name: String
        switch status {
        case 400: name = "badRequest"
        case 401: name = "unauthorized"
        case 403: name = "forbidden"
        case 404: name = "itemNotFound"
        case 405: name = "badMethod"
        case 409: name = "conflictingRequest"
        case 413, 429: name = "overLimit"
        case 415: name = "badMediaType"
        case 501: name = "notImplemented"
        case 503: name = "serviceUnavailable"
        default: name = "computeFault"
        }
        return [name: ["code": .int(status), "message": .string(message)]]
    }

    /// Keystone's (and keystonemiddleware's) `{"error": {"code", "title", "message"}}`.
    static func keystone(status: Int, message: String) -> JSON {
        ["error": ["code": .int(status), "title": .string(reasonPhrase(status)), "message": .string(message)]]
    }

    /// The body keystonemiddleware sends for a missing or invalid token, whatever the service.
    static let unauthorized = keystone(status: 401, message: "The request you have made requires authentication.")
}
