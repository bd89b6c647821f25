import HTTPTypes
import Hummingbird

/// The answers that refuse a request under `--identity caller`, each naming the next step.
enum CallerRefusals {
    static let credentialScheme = "OpenStack-Application-Credential"

    /// 401 for a request that brought no usable identity: the challenges name both ways in.
    static func missing(_ authenticator: HTTPAuthenticator, _ request: Request, problem: String?) -> Response {
        var ways = ["headers X-OpenStack-Application-Credential-ID and X-OpenStack-Application-Credential-Secret"]
        var challenges = [credentialChallenge(error: nil, description: nil)]
        if case .oauth(let verifier) = authenticator.mode {
            ways.append("an OAuth access token from \(verifier.issuer.absoluteString) (Authorization: Bearer)")
            challenges.insert(
                HTTPAuthenticator.challenge([("resource_metadata", authenticator.metadataURL(for: request))]), at: 0)
        }
        let message = "Unauthorized: this server reads OpenStack as each caller (--identity caller). "
            + (problem.map { $0 + ". " } ?? "") + "Send " + ways.joined(separator: ", or ")
        return HTTPAnswers.error(
            RPCError(code: -32001, message: message), status: 401,
            extra: [.wwwAuthenticate: challenges.joined(separator: ", ")])
    }

    /// 401 for an identity Keystone refused: the challenge says what to renew.
    static func rejected(
        _ authenticator: HTTPAuthenticator, _ request: Request, credential: CallerCredential, detail: String
    ) -> Response {
        let challenge: String
        let renew: String
        switch credential {
        case .applicationCredential(let id, _):
            renew = "Keystone refused application credential \(id) (expired, deleted, or a wrong secret): create a new one (openstack application credential create NAME) and send its ID and secret"
            challenge = credentialChallenge(error: "invalid_credential", description: renew)
        case .federated:
            renew = "Keystone refused the access token at its federation endpoint: get a new access token from the identity provider"
            var parameters = [("error", "invalid_token"), ("error_description", renew)]
            if case .oauth = authenticator.mode { parameters.append(("resource_metadata", authenticator.metadataURL(for: request))) }
            challenge = HTTPAuthenticator.challenge(parameters)
        }
        return HTTPAnswers.error(
            RPCError(code: -32001, message: "Unauthorized: \(renew). (\(detail))"), status: 401,
            extra: [.wwwAuthenticate: challenge])
    }

    /// 403: the identity is good but gives no project to read (or not the one named).
    static func scope(_ detail: String) -> Response {
        HTTPAnswers.error(RPCError(code: -32001, message: "Forbidden: \(detail)"), status: 403)
    }

    /// 503: Keystone did not answer the caller's authentication; the request may be retried.
    static func unavailable(_ detail: String) -> Response {
        HTTPAnswers.error(
            RPCError(code: -32001, message: "Keystone is unavailable, so the caller's identity could not be checked; retry shortly. (\(detail))"),
            status: 503, extra: [.retryAfter: "5"])
    }

    private static func credentialChallenge(error: String?, description: String?) -> String {
        var parameters = [("realm", HTTPAuthenticator.realm)]
        if let error { parameters.append(("error", error)) }
        if let description { parameters.append(("error_description", description)) }
        let quoted = parameters.map { name, value in
            "\(name)=\"\(value.replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "\"", with: "'"))\""
        }
        return credentialScheme + " " + quoted.joined(separator: ", ")
    }
}
