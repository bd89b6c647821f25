import OpenStackKit
import OpenStackTools

/// `/readyz`: every configured cloud has a valid token and a service catalog.
///
/// A cloud whose cached token is still good is ready without a request. Otherwise the check
/// asks for a token (joining the authenticator's single flight, so probes never multiply the
/// token requests) and waits at most `wait`: a Keystone that hangs makes the cloud not ready
/// rather than making the probe hang.
public struct Readiness: Sendable {
    let clouds: CloudSet
    let wait: Duration

    public init(clouds: CloudSet, wait: Duration = .seconds(2)) {
        self.clouds = clouds
        self.wait = wait
    }

    /// Whether all clouds are ready, and one line per cloud saying why (no secret in any line).
    public func check() async -> (ready: Bool, lines: [String]) {
        var lines: [String] = []
        var ready = true
        for cloud in clouds.clouds {
            let problem = await problem(of: cloud)
            if let problem {
                ready = false
                lines.append("cloud \(cloud.name): not ready: \(problem)")
            } else {
                lines.append("cloud \(cloud.name): ready")
            }
        }
        return (ready, lines)
    }

    private func problem(of cloud: OpenStackCloud) async -> String? {
        // --identity caller: the server has no token of its own; Keystone answering is what counts.
        if case .none = cloud.configuration.auth.method { return await keystoneProblem(cloud) }
        let token: AuthToken
        if let cached = await cloud.authenticator.cachedToken {
            token = cached
        } else {
            switch await tokenWithin(wait, cloud) {
            case nil:
                return "no token yet: Keystone has not answered within \(wait)"
            case .failure(let error):
                let text = (error as? OpenStackError)?.description ?? "\(error)"
                return Redactor.scrub(text, secrets: cloud.configuration.auth.secrets)
                    .split(separator: "\n").joined(separator: " ")
            case .success(let fresh):
                token = fresh
            }
        }
        return token.catalog.entries.isEmpty ? "the token has no service catalog (it is not scoped to a project)" : nil
    }

    private func keystoneProblem(_ cloud: OpenStackCloud) async -> String? {
        let url = cloud.configuration.auth.authURL.absoluteString
        let outcome = await within(wait) {
            try await cloud.http.send(OutgoingRequest(method: .GET, url: url), service: "Keystone")
        }
        switch outcome {
        case nil: return "Keystone has not answered within \(wait)"
        case .failure(let error): return (error as? OpenStackError)?.description ?? "\(error)"
        case .success(let response):
            return response.isSuccess || response.status == 300 ? nil : "Keystone answered \(url) with HTTP \(response.status)"
        }
    }

    /// The token, an error, or nil when neither came within `limit`. The request itself goes on
    /// in the authenticator (bounded by the cloud's HTTP timeouts), so the next probe may find it.
    private func tokenWithin(_ limit: Duration, _ cloud: OpenStackCloud) async -> Result<AuthToken, Error>? {
        await within(limit) { try await cloud.token() }
    }

    /// `work`'s outcome, or nil when it did not end within `limit` (it goes on regardless).
    private func within<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async throws -> T) async -> Result<T, Error>? {
        let (first, continuation) = AsyncStream<Result<T, Error>?>.makeStream()
        let fetch = Task {
            do { continuation.yield(.success(try await work())) } catch { continuation.yield(.failure(error)) }
        }
        let timer = Task {
            try? await TimerSleep.sleep(for: limit)
            continuation.yield(nil)
        }
        var iterator = first.makeAsyncIterator()
        let outcome = await iterator.next() ?? nil
        timer.cancel()
        continuation.finish()
        _ = fetch
        return outcome
    }
}
