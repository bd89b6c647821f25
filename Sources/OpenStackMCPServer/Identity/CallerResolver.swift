import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenStackKit
import OpenStackTools

/// `--identity caller`: finds each request's caller, from an application credential in its
/// headers or its verified OAuth access token, and their Keystone token; or the answer that
/// refuses the request (401, 403 or 503), naming what to do.
struct CallerResolver: Sendable {
    static let credentialIDHeader = HTTPField.Name("X-OpenStack-Application-Credential-ID")!
    static let credentialSecretHeader = HTTPField.Name("X-OpenStack-Application-Credential-Secret")!
    static let projectHeader = HTTPField.Name("X-OpenStack-Project")!

    enum Outcome: Sendable {
        case caller(ResolvedCaller)
        case refused(Response)
    }

    let directory: CallerDirectory
    let settings: CallerIdentitySettings
    let authenticator: HTTPAuthenticator
    let registry: ToolRegistry
    let logger: Logger

    func resolve(_ request: Request) async -> Outcome {
        let project = Self.trimmed(request.headers[Self.projectHeader])
        let credential: CallerCredential
        switch await identify(request) {
        case .refused(let response): return .refused(response)
        case .found(let found): credential = found
        }
        let found = await directory.entry(for: credential, project: project)
        let token: AuthToken
        do {
            token = try await found.cloud.token()
        } catch {
            await directory.drop(found)
            return .refused(refusal(for: error, credential: credential, request: request))
        }
        let entry = await directory.admit(found)
        if case .applicationCredential = credential, let project, project != token.projectID, project != token.projectName {
            return .refused(
                CallerRefusals.scope(
                    "this application credential reads project \(token.projectName ?? token.projectID ?? "?"), not '\(project)'; drop X-OpenStack-Project or use a credential made in that project"))
        }
        let visibility = registry.visibility(services: token.catalog.serviceTypes, isAdmin: token.isAdmin)
        let callerLogger = ResolvedCaller.logger(logger, entry: entry, token: token)
        return .caller(
            ResolvedCaller(
                entry: entry, token: token, visibility: visibility,
                tools: ToolCaller(clouds: CloudSet([entry.cloud]), logger: callerLogger), maxCalls: settings.maxCalls))
    }

    private enum Found {
        case found(CallerCredential)
        case refused(Response)
    }

    /// The identity the headers carry. An application credential wins; a bearer token alongside
    /// it must still be good. Without either, 401 names both ways.
    private func identify(_ request: Request) async -> Found {
        let id = Self.trimmed(request.headers[Self.credentialIDHeader])
        let secret = Self.trimmed(request.headers[Self.credentialSecretHeader])
        let bearer = HTTPAuthenticator.bearerToken(request.headers[.authorization])
        var subject: String?
        switch authenticator.mode {
        case .open:
            break
        case .bearer:
            // A static bearer token only lets a request in; the identity comes from its headers.
            if let refusal = await authenticator.refusal(for: request) { return .refused(refusal) }
        case .oauth(let verifier):
            if let bearer {
                switch await verifier.verify(bearer) {
                case .accepted(let sub): subject = sub
                case .invalid(let reason): return .refused(authenticator.unauthorized(request, reason: reason))
                case .insufficientScope: return .refused(authenticator.forbidden(request))
                }
            }
        }
        if id != nil || secret != nil {
            guard let id, let secret else {
                return .refused(
                    CallerRefusals.missing(
                        authenticator, request, problem: "an application credential needs both X-OpenStack-Application-Credential-ID and -Secret"))
            }
            return .found(.applicationCredential(id: id, secret: secret))
        }
        if let bearer, case .oauth = authenticator.mode {
            guard settings.identityProvider != nil else {
                return .refused(
                    CallerRefusals.missing(
                        authenticator, request, problem: "this server exchanges no OAuth tokens at Keystone (no --federation-idp); send an application credential"))
            }
            guard let subject, !subject.isEmpty else {
                return .refused(authenticator.unauthorized(request, reason: "the access token names no subject (sub)"))
            }
            return .found(.federated(subject: subject, accessToken: bearer))
        }
        return .refused(CallerRefusals.missing(authenticator, request, problem: nil))
    }

    private func refusal(for error: Error, credential: CallerCredential, request: Request) -> Response {
        guard let error = error as? OpenStackError else {
            logger.error("caller authentication failed", metadata: ["principal": "\(credential.principal)", "error": "\(error)"])
            return CallerRefusals.unavailable("Keystone could not be asked for the caller's token")
        }
        let secrets: [String]
        switch credential {
        case .applicationCredential(_, let secret): secrets = [secret]
        case .federated(_, let token): secrets = [token]
        }
        let text = Redactor.scrub(error.description, secrets: secrets)
        logger.info("caller refused", metadata: ["principal": "\(credential.principal)", "reason": "\(text)"])
        switch error.kind {
        case .authentication:
            return CallerRefusals.rejected(authenticator, request, credential: credential, detail: text)
        case .scope:
            return CallerRefusals.scope(text)
        default:
            return CallerRefusals.unavailable(text)
        }
    }

    static func trimmed(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }
}
