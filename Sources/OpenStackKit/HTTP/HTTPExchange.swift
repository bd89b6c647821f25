import Foundation

/// One request to an OpenStack service, as the client builds it.
public struct OutgoingRequest: Sendable {
    public enum Method: String, Sendable, CaseIterable {
        case GET, HEAD, POST

        /// GET and HEAD change nothing, so they may be sent again after a failure.
        public var isSafe: Bool { self != .POST }
    }
    public var method: Method
    public var url: String
    public var headers: [(String, String)]
    public var body: Data?

    public init(method: Method = .GET, url: String, headers: [(String, String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// An answer from an OpenStack service.
public struct RawResponse: Sendable {
    public var status: Int
    /// Header names are lower-cased.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// `x-openstack-request-id`, or Nova's older `x-compute-request-id`.
    public var requestID: String? { header("x-openstack-request-id") ?? header("x-compute-request-id") }

    public var isSuccess: Bool { (200..<300).contains(status) }
}
