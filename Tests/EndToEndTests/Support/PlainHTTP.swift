import AsyncHTTPClient
import Foundation
import NIOCore

/// Plain HTTP requests to the real server's operator endpoints (/healthz, /readyz, /metrics).
enum PlainHTTP {
    struct Answer {
        var status: Int
        var body: String
        var contentType: String?
    }

    static func get(_ url: String, headers: [(String, String)] = []) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let body = try await response.body.collect(upTo: 8 << 20)
        return Answer(
            status: Int(response.status.code), body: String(buffer: body),
            contentType: response.headers.first(name: "Content-Type"))
    }

    /// Waits until `url` answers at all (the server is listening), or the timeout passes.
    static func waitUntilAnswering(_ url: String, timeout: Duration = .seconds(20)) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? await get(url)) != nil { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    /// A port that is free now and that no other test of this process was given.
    static func freePort() throws -> Int { try FreePorts.shared.next() }
}
