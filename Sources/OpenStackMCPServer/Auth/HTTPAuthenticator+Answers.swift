import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import OpenStackKit

/// The refusals (RFC 6750 challenges) and the protected-resource metadata (RFC 9728).
extension HTTPAuthenticator {
    /// The metadata document for `/.well-known/oauth-protected-resource` (and the same path with
    /// `/openstack` or `/mcp` appended, where RFC 9728 puts it for a resource with a path). Nil
    /// when OAuth is off, so the path is a plain 404.
    func metadata(for request: Request) -> Response? {
        guard case .oauth(let verifier) = mode else { return nil }
        let path = request.uri.path
        guard path == Self.metadataPath || Self.metadataEndpoint(path) != nil else { return nil }
        var document: [String: JSONValue] = [
            "resource": .string(resource(for: request)),
            "authorization_servers": [.string(verifier.issuer.absoluteString)],
            "bearer_methods_supported": ["header"],
            "resource_name": "OpenStack MCP server",
        ]
        if !verifier.scopes.isEmpty { document["scopes_supported"] = .array(verifier.scopes.map(JSONValue.string)) }
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.cacheControl] = "max-age=300"
        return Response(
            status: .ok, headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(string: JSONValue.object(document).compactText())))
    }

    /// This server's resource identifier: an audience that is the URL of the endpoint the request
    /// names (`/openstack`, or the alias `/mcp`), else the first audience when it is a URL, else
    /// the endpoint's own URL.
    func resource(for request: Request) -> String {
        let path = request.uri.path
        let endpoint = Self.metadataEndpoint(path) ?? MCPHTTPHandler.endpoint(of: path) ?? MCPHTTPHandler.endpoints[0]
        let urls = configuration.oauthAudiences.filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
        let trimmed = { (path: String) in path.hasSuffix("/") ? String(path.dropLast()) : path }
        if let named = urls.first(where: { URLComponents(string: $0).map { trimmed($0.path) } == endpoint }) {
            return named
        }
        if let first = configuration.oauthAudiences.first, urls.first == first { return first }
        return Self.origin(of: request) + endpoint
    }

    /// The endpoint named by a metadata path with a suffix (`…/oauth-protected-resource/mcp` → `/mcp`).
    static func metadataEndpoint(_ path: String) -> String? {
        guard path.hasPrefix(metadataPath + "/") else { return nil }
        return MCPHTTPHandler.endpoint(of: String(path.dropFirst(metadataPath.count)))
    }

    /// Where the metadata of `resource` is, by RFC 9728's rule (path inserted after the host).
    func metadataURL(for request: Request) -> String {
        let resource = resource(for: request)
        guard var components = URLComponents(string: resource) else { return Self.origin(of: request) + Self.metadataPath }
        let path = components.path == "/" ? "" : components.path
        components.path = Self.metadataPath + path
        components.query = nil
        components.fragment = nil
        return components.string ?? Self.origin(of: request) + Self.metadataPath
    }

    static func origin(of request: Request) -> String {
        // Behind a TLS-terminating proxy the scheme the client used is in X-Forwarded-Proto.
        let forwarded = HTTPField.Name("X-Forwarded-Proto").flatMap { request.headers[$0] }?.lowercased()
        let scheme = forwarded == "https" ? "https" : "http"
        return "\(scheme)://\(request.head.authority ?? "127.0.0.1")"
    }

    /// 401. With no token, the challenge has no error code (RFC 6750 §3.1); the reason is
    /// given as `error_description` and logged, never the token.
    func unauthorized(_ request: Request, reason: String?) -> Response {
        var parameters: [(String, String)] = []
        if let reason {
            parameters += [("error", "invalid_token"), ("error_description", reason)]
            logger.info("refused a token", metadata: ["reason": "\(reason)", "path": "\(request.uri.path)"])
        }
        if case .oauth(let verifier) = mode {
            parameters.append(("resource_metadata", metadataURL(for: request)))
            if !verifier.scopes.isEmpty { parameters.append(("scope", verifier.scopes.joined(separator: " "))) }
        } else {
            parameters.insert(("realm", Self.realm), at: 0)
        }
        let message = reason.map { "Unauthorized: \($0)" }
            ?? "Unauthorized: this endpoint needs an Authorization: Bearer token"
        return HTTPAnswers.error(
            RPCError(code: -32001, message: message), status: 401, extra: [.wwwAuthenticate: Self.challenge(parameters)])
    }

    /// 403 insufficient_scope, naming every scope the endpoint needs in one challenge.
    func forbidden(_ request: Request) -> Response {
        guard case .oauth(let verifier) = mode else { return unauthorized(request, reason: nil) }
        let scope = verifier.scopes.joined(separator: " ")
        logger.info("refused a token without the required scopes", metadata: ["scope": "\(scope)"])
        let challenge = Self.challenge([
            ("error", "insufficient_scope"), ("scope", scope), ("resource_metadata", metadataURL(for: request)),
            ("error_description", "the token lacks a required scope"),
        ])
        return HTTPAnswers.error(
            RPCError(code: -32001, message: "Forbidden: the token needs the scope \(scope)"), status: 403,
            extra: [.wwwAuthenticate: challenge])
    }

    static func challenge(_ parameters: [(String, String)]) -> String {
        let quoted = parameters.map { name, value in
            "\(name)=\"\(value.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "\"", with: "'"))\""
        }
        return quoted.isEmpty ? "Bearer" : "Bearer " + quoted.joined(separator: ", ")
    }
}
